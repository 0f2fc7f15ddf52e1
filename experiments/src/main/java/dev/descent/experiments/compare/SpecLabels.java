package dev.descent.experiments.compare;

/**
 * Optimizer labels cut to a column width (80-column tables, progress lines), after
 * {@link dev.descent.experiments.cli.OptimizerSpecs#brief} has left out the defaults. Files always keep the full spec.
 */
final class SpecLabels {
    private static final String ELLIPSIS = "...";

    private SpecLabels() {
    }

    /** {@code text} itself if it has at most {@code width} characters, else its start and "...". */
    static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - ELLIPSIS.length()) + ELLIPSIS;
    }
}
