package dev.descent.experiments.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for the console: a header, a rule, rows; columns separated by two spaces, numbers
 * right-aligned when asked. Plain ASCII, so it reads the same in a terminal, a CI log or a README.
 */
public final class TextTable {
    private static final String GAP = "  ";

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String... headers) {
        this.headers = List.of(headers);
        this.rightAligned = new boolean[headers.length];
    }

    /** Right-aligns the given columns (0-based), typically the numeric ones. */
    public TextTable rightAlign(int... columns) {
        for (int column : columns) {
            rightAligned[column] = true;
        }
        return this;
    }

    /** Adds a row; cells are shown with {@code String.valueOf}. */
    public TextTable add(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row has " + cells.length + " cells, the table has "
                + headers.size() + " columns " + headers);
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toArray(String[]::new));
        return this;
    }

    /** The table as lines ending with a line break. */
    public String render() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        appendLine(text, headers.toArray(String[]::new), widths);
        String[] rule = new String[widths.length];
        for (int c = 0; c < widths.length; c++) {
            rule[c] = "-".repeat(widths[c]);
        }
        appendLine(text, rule, widths);
        for (String[] row : rows) {
            appendLine(text, row, widths);
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return render();
    }

    private void appendLine(StringBuilder text, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append(GAP);
            }
            String padding = " ".repeat(widths[c] - cells[c].length());
            line.append(rightAligned[c] ? padding + cells[c] : cells[c] + padding);
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
