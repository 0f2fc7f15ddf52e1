package dev.descent.optimizers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns spec strings into fresh optimizers.
 *
 * <p>Grammar: {@code name[:key=value(,key=value)*][@schedule[:key=value(,key=value)*]]}, for example
 * {@code adam}, {@code adam:lr=0.3}, {@code momentum:lr=0.1,momentum=0.9}, {@code rmsprop:lr=0.1,decay=0.99},
 * {@code adam:lr=0.003@cosine:warmup=100,min=0.1}. Names and keys are case-insensitive, whitespace around each
 * part is ignored, keys may come in any order, and a key left out takes its default. Keys per name:
 * <ul>
 *   <li>{@code sgd}: lr</li>
 *   <li>{@code momentum}: lr, momentum</li>
 *   <li>{@code nesterov}: lr, momentum</li>
 *   <li>{@code adagrad}: lr, eps</li>
 *   <li>{@code rmsprop}: lr, decay, eps</li>
 *   <li>{@code adam}: lr, beta1, beta2, eps</li>
 *   <li>{@code adamw}: lr, beta1, beta2, eps, weight_decay</li>
 *   <li>{@code amsgrad}: lr, beta1, beta2, eps</li>
 *   <li>{@code nadam}: lr, beta1, beta2, eps, momentum_decay</li>
 *   <li>{@code adamax}: lr, beta1, beta2, eps</li>
 *   <li>{@code adadelta}: lr, rho, eps</li>
 *   <li>{@code radam}: lr, beta1, beta2, eps</li>
 *   <li>{@code lion}: lr, beta1, beta2, weight_decay</li>
 *   <li>{@code nesterov-book}: lr, momentum</li>
 *   <li>{@code muon}: lr, momentum, ns_steps, adam_lr, weight_decay</li>
 *   <li>{@code sf-adamw}: lr, beta1, beta2, eps, weight_decay, warmup</li>
 * </ul>
 * The schedules after {@code @} are in {@link Schedules}. Every optimizer's {@code toString()} is its canonical
 * spec, and parsing it gives an equal optimizer.
 */
public final class Optimizers {

    /** The ε the book adds to square roots in AdaGrad, RMSProp and Adam ({@code 1e-7}); the default of every {@code eps}. */
    public static final double DEFAULT_EPS = 1e-7;

    /** Separates an optimizer spec from its schedule spec: {@code adam@cosine}. */
    public static final String SCHEDULE_SEPARATOR = "@";

    /** One entry per optimizer, in the order of {@link #names()}. Keys and defaults come from a default instance. */
    private static final List<Kind> KINDS = List.of(
            Kind.of(Sgd::new, h -> new Sgd(h[0])),
            Kind.of(Momentum::new, h -> new Momentum(h[0], h[1])),
            Kind.of(Nesterov::new, h -> new Nesterov(h[0], h[1])),
            Kind.of(AdaGrad::new, h -> new AdaGrad(h[0], h[1])),
            Kind.of(RmsProp::new, h -> new RmsProp(h[0], h[1], h[2])),
            Kind.of(Adam::new, h -> new Adam(h[0], h[1], h[2], h[3])),
            Kind.of(AdamW::new, h -> new AdamW(h[0], h[1], h[2], h[3], h[4])),
            Kind.of(AmsGrad::new, h -> new AmsGrad(h[0], h[1], h[2], h[3])),
            Kind.of(NAdam::new, h -> new NAdam(h[0], h[1], h[2], h[3], h[4])),
            Kind.of(Adamax::new, h -> new Adamax(h[0], h[1], h[2], h[3])),
            Kind.of(Adadelta::new, h -> new Adadelta(h[0], h[1], h[2])),
            Kind.of(RAdam::new, h -> new RAdam(h[0], h[1], h[2], h[3])),
            Kind.of(Lion::new, h -> new Lion(h[0], h[1], h[2], h[3])),
            Kind.of(NesterovBook::new, h -> new NesterovBook(h[0], h[1])),
            Kind.of(Muon::new, h -> new Muon(h[0], h[1], h[2], h[3], h[4])),
            Kind.of(ScheduleFreeAdamW::new, h -> new ScheduleFreeAdamW(h[0], h[1], h[2], h[3], h[4], h[5])));

    private static final List<String> NAMES = KINDS.stream().map(Kind::name).toList();

    private Optimizers() {
    }

    /**
     * A fresh optimizer, with empty state, from a spec such as {@code adam:lr=0.3}.
     *
     * @param spec {@code name[:key=value(,key=value)*][@schedule[:key=value(,key=value)*]]}, see the class comment
     * @return a new optimizer; equal to, but never the same object as, one parsed from the same spec before
     * @throws IllegalArgumentException naming the bad part and listing what is valid: an unknown name or key,
     *     a key given twice, a key without {@code =} or value, a value that is not a number or is out of range
     */
    public static Optimizer parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty optimizer spec; write a name and optional key=value pairs,"
                    + " e.g. adam or adam:lr=0.001; valid names: " + String.join(", ", NAMES));
        }
        int at = spec.indexOf(SCHEDULE_SEPARATOR);
        if (at < 0) {
            return parseRule(spec, spec);
        }
        if (spec.indexOf(SCHEDULE_SEPARATOR, at + 1) >= 0) {
            throw new IllegalArgumentException("more than one '@' in spec '" + spec + "'; attach one schedule,"
                    + " e.g. adam@cosine:warmup=100");
        }
        BaseOptimizer optimizer = parseRule(spec.substring(0, at), spec);
        optimizer.attach(Schedules.parse(spec.substring(at + 1), spec));
        return optimizer;
    }

    private static BaseOptimizer parseRule(String spec, String whole) {
        if (spec.isBlank()) {
            throw new IllegalArgumentException("missing optimizer before '@' in spec '" + whole
                    + "'; write e.g. adam@cosine; valid names: " + String.join(", ", NAMES));
        }
        int colon = spec.indexOf(':');
        String nameText = (colon < 0 ? spec : spec.substring(0, colon)).trim();
        if (nameText.isEmpty()) {
            throw new IllegalArgumentException("missing optimizer name before ':' in spec '" + whole
                    + "'; valid names: " + String.join(", ", NAMES));
        }
        Kind kind = find(nameText);
        if (kind == null) {
            throw new IllegalArgumentException("unknown optimizer '" + nameText + "' in spec '" + whole
                    + "'; valid names: " + String.join(", ", NAMES));
        }
        double[] values = kind.defaults().clone();
        if (colon >= 0) {
            readHyperparameters(kind.name(), kind.keys(), kind.defaults(), whole, spec.substring(colon + 1), values);
        }
        try {
            return kind.factory().apply(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in spec '" + whole + "'", e);
        }
    }

    /**
     * The names {@link #parse(String)} knows.
     *
     * @return the book's sgd, momentum, nesterov, adagrad, rmsprop, adam, then adamw, amsgrad, nadam, adamax,
     *     adadelta, radam, lion, nesterov-book, muon, sf-adamw, in that order; unmodifiable
     */
    public static List<String> names() {
        return NAMES;
    }

    private static Kind find(String nameText) {
        String name = nameText.toLowerCase(Locale.ROOT);
        for (Kind kind : KINDS) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return null;
    }

    /** Overwrites {@code values} (canonical order) with the pairs in {@code list}, the text after the colon. */
    static void readHyperparameters(String name, List<String> keys, double[] defaults, String spec, String list,
                                    double[] values) {
        String validKeys = "; valid keys for " + name + ": " + String.join(", ", keys);
        if (list.isBlank()) {
            throw new IllegalArgumentException("nothing after ':' in spec '" + spec + "'; write '" + name
                    + "' alone for the defaults, or key=value pairs" + validKeys);
        }
        boolean[] seen = new boolean[values.length];
        for (String part : list.split(",", -1)) {
            String pair = part.trim();
            if (pair.isEmpty()) {
                throw new IllegalArgumentException("empty key=value pair in spec '" + spec
                        + "' (a stray comma?)" + validKeys);
            }
            int equals = pair.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("missing '=' in '" + pair + "' in spec '" + spec
                        + "'; write key=value" + validKeys);
            }
            String keyText = pair.substring(0, equals).trim();
            String valueText = pair.substring(equals + 1).trim();
            if (keyText.isEmpty()) {
                throw new IllegalArgumentException("missing key before '=" + valueText + "' in spec '" + spec
                        + "'" + validKeys);
            }
            int index = keys.indexOf(keyText.toLowerCase(Locale.ROOT));
            if (index < 0) {
                throw new IllegalArgumentException("unknown key '" + keyText + "' for " + name
                        + " in spec '" + spec + "'" + validKeys);
            }
            String key = keys.get(index);
            if (seen[index]) {
                throw new IllegalArgumentException("duplicate key '" + key + "' in spec '" + spec
                        + "'; give each key at most once");
            }
            seen[index] = true;
            if (valueText.isEmpty()) {
                throw new IllegalArgumentException("missing value for '" + key + "' in spec '" + spec
                        + "'; write e.g. " + key + "=" + SpecNumbers.format(defaults[index]));
            }
            try {
                values[index] = SpecNumbers.parse(valueText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("value '" + valueText + "' for '" + key + "' in spec '" + spec
                        + "' is not a number; write a decimal such as 0.001 or 1e-07", e);
            }
        }
    }

    /** An optimizer's name, keys and defaults (from its no-arg constructor) and a constructor over all of them. */
    private record Kind(String name, List<String> keys, double[] defaults, Function<double[], BaseOptimizer> factory) {

        static Kind of(Supplier<BaseOptimizer> withDefaults, Function<double[], BaseOptimizer> factory) {
            BaseOptimizer defaults = withDefaults.get();
            List<String> keys = new ArrayList<>(defaults.hyperparameters().keySet());
            double[] values = defaults.hyperparameters().values().stream().mapToDouble(Double::doubleValue).toArray();
            return new Kind(defaults.name(), List.copyOf(keys), values, factory);
        }
    }
}
