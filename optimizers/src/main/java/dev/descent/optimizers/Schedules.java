package dev.descent.optimizers;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns schedule specs, the part of an optimizer spec after {@code @}, into schedules.
 *
 * <p>Grammar: {@code name[:key=value(,key=value)*]}, as for optimizers. Keys per name (defaults in brackets):
 * <ul>
 *   <li>{@code constant}: none (the default; canonical optimizer specs leave it out)</li>
 *   <li>{@code step}: every (1000), gamma (0.1) — {@link StepSchedule}</li>
 *   <li>{@code exp}: gamma (0.999) — {@link ExponentialSchedule}</li>
 *   <li>{@code linear}: warmup (0), min (0) — {@link LinearSchedule}</li>
 *   <li>{@code cosine}: warmup (0), min (0) — {@link CosineSchedule}</li>
 *   <li>{@code wsd}: warmup (0), decay (0.2) — {@link WarmupStableDecaySchedule}</li>
 * </ul>
 */
public final class Schedules {

    private static final List<Kind> KINDS = List.of(
            Kind.of(() -> LearningRateSchedule.CONSTANT, h -> LearningRateSchedule.CONSTANT),
            Kind.of(() -> new StepSchedule(StepSchedule.DEFAULT_EVERY, StepSchedule.DEFAULT_GAMMA),
                    h -> new StepSchedule(h[0], h[1])),
            Kind.of(() -> new ExponentialSchedule(ExponentialSchedule.DEFAULT_GAMMA),
                    h -> new ExponentialSchedule(h[0])),
            Kind.of(() -> new LinearSchedule(LinearSchedule.DEFAULT_WARMUP, LinearSchedule.DEFAULT_MIN),
                    h -> new LinearSchedule(h[0], h[1])),
            Kind.of(() -> new CosineSchedule(CosineSchedule.DEFAULT_WARMUP, CosineSchedule.DEFAULT_MIN),
                    h -> new CosineSchedule(h[0], h[1])),
            Kind.of(() -> new WarmupStableDecaySchedule(WarmupStableDecaySchedule.DEFAULT_WARMUP,
                            WarmupStableDecaySchedule.DEFAULT_DECAY),
                    h -> new WarmupStableDecaySchedule(h[0], h[1])));

    private static final List<String> NAMES = KINDS.stream().map(Kind::name).toList();

    private Schedules() {
    }

    /**
     * A schedule from a spec such as {@code cosine:warmup=100,min=0.1}.
     *
     * @throws IllegalArgumentException naming the bad part and listing what is valid
     */
    public static LearningRateSchedule parse(String spec) {
        return parse(spec, spec);
    }

    /** The schedule part {@code spec} of the optimizer spec {@code whole}, with errors that quote the whole. */
    static LearningRateSchedule parse(String spec, String whole) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("missing schedule after '@' in spec '" + whole
                    + "'; write e.g. adam@cosine:warmup=100; valid schedules: " + String.join(", ", NAMES));
        }
        int colon = spec.indexOf(':');
        String name = (colon < 0 ? spec : spec.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        Kind kind = KINDS.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown schedule '" + name + "' in spec '" + whole
                        + "'; valid schedules: " + String.join(", ", NAMES)));
        double[] values = kind.defaults().clone();
        if (colon >= 0) {
            if (kind.keys().isEmpty()) {
                throw new IllegalArgumentException("schedule '" + name + "' takes no keys, in spec '" + whole + "'");
            }
            Optimizers.readHyperparameters(name, kind.keys(), kind.defaults(), whole, spec.substring(colon + 1),
                    values);
        }
        try {
            return kind.factory().apply(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in spec '" + whole + "'", e);
        }
    }

    /** The schedule names: constant, step, exp, linear, cosine, wsd; unmodifiable. */
    public static List<String> names() {
        return NAMES;
    }

    private record Kind(String name, List<String> keys, double[] defaults,
                        Function<double[], LearningRateSchedule> factory) {

        static Kind of(Supplier<LearningRateSchedule> withDefaults, Function<double[], LearningRateSchedule> factory) {
            LearningRateSchedule defaults = withDefaults.get();
            List<String> keys = new ArrayList<>(defaults.hyperparameters().keySet());
            double[] values = defaults.hyperparameters().values().stream().mapToDouble(Double::doubleValue).toArray();
            return new Kind(defaults.name(), List.copyOf(keys), values, factory);
        }
    }
}
