package dev.descent.experiments.cli;

import dev.descent.optimizers.Optimizer;
import dev.descent.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Optimizer specs on the command line and in tables: the values of a repeatable {@code --optimizer SPEC} option
 * turned into fresh optimizers, and short labels for specs where the canonical one does not fit.
 */
public final class OptimizerSpecs {
    private static final String LEARNING_RATE = "lr";

    private OptimizerSpecs() {
    }

    /**
     * The name, the learning rate and every hyperparameter not at its default, in canonical order with the canonical
     * number texts: {@code adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07} becomes {@code adam:lr=0.001}, and
     * {@code momentum:lr=0.01,momentum=0.5} stays as it is. For tables, legends and progress lines; files keep the
     * full spec.
     *
     * @throws IllegalArgumentException if {@code spec} does not parse
     */
    public static String brief(String spec) {
        Optimizer optimizer = Optimizers.parse(spec);
        Map<String, String> defaults = hyperparameterTexts(Optimizers.parse(optimizer.name()).toString());
        List<String> kept = new ArrayList<>();
        hyperparameterTexts(optimizer.toString()).forEach((key, value) -> {
            if (key.equals(LEARNING_RATE) || !value.equals(defaults.get(key))) {
                kept.add(key + "=" + value);
            }
        });
        return kept.isEmpty() ? optimizer.name() : optimizer.name() + ":" + String.join(",", kept);
    }

    /** key → number text of a canonical spec {@code name:k=v,k=v}, in canonical order; empty for a bare name. */
    public static Map<String, String> hyperparameterTexts(String canonicalSpec) {
        Map<String, String> pairs = new LinkedHashMap<>();
        int colon = canonicalSpec.indexOf(':');
        if (colon < 0) {
            return pairs;
        }
        for (String pair : canonicalSpec.substring(colon + 1).split(",")) {
            int equals = pair.indexOf('=');
            pairs.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return pairs;
    }

    /**
     * A fresh optimizer per spec, in order.
     *
     * @param option the option the specs came from, named in the error ({@code --optimizer})
     * @throws UserError naming the option and the bad spec, with the parser's explanation
     */
    public static List<Optimizer> parseAll(String option, List<String> specs) {
        List<Optimizer> optimizers = new ArrayList<>(specs.size());
        for (String spec : specs) {
            optimizers.add(parse(option, spec));
        }
        return optimizers;
    }

    /** A fresh optimizer from one spec; see {@link #parseAll}. */
    public static Optimizer parse(String option, String spec) {
        try {
            return Optimizers.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new UserError(option + " '" + spec + "': " + e.getMessage(), e);
        }
    }
}
