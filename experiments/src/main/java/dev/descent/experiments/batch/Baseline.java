package dev.descent.experiments.batch;

import dev.descent.optimizers.OptimizerSpec;

/**
 * The setting every other setting is tested against.
 *
 * @param optimizer the optimizer spec
 * @param variant   name of the variant it runs on
 * @param explicit  true when the spec file named it; the default (plain {@code sgd}) may be absent from the
 *                  settings, and then the statistics are skipped with a note, while a named baseline must exist
 */
public record Baseline(OptimizerSpec optimizer, String variant, boolean explicit) {
    /** The baseline when a spec names none: SGD at the book's defaults. */
    public static final String DEFAULT_OPTIMIZER = "sgd";
}
