package dev.descent.experiments.cli;

import dev.descent.optimizers.Optimizer;
import dev.descent.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.List;

/** Turns the values of a repeatable {@code --optimizer SPEC} option into fresh optimizers. */
public final class OptimizerSpecs {
    private OptimizerSpecs() {
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
