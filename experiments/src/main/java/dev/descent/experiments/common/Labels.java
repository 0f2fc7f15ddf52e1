package dev.descent.experiments.common;

/** Labels cut to a column width (80-column tables, progress lines); files always keep the full text. */
public final class Labels {
    private static final String ELLIPSIS = "...";

    private Labels() {
    }

    /** {@code text} itself if it has at most {@code width} characters, else its start and "...". */
    public static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - ELLIPSIS.length()) + ELLIPSIS;
    }
}
