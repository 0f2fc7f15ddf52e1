package dev.descent.experiments.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Writes CSV as RFC 4180 describes it: comma separated, a field holding a comma, a double quote or a line break
 * is enclosed in double quotes with inner quotes doubled. Records end with {@code \n} (the RFC's CRLF is
 * optional in practice; every reader we care about takes both).
 *
 * <p>Numbers are written with {@link Float#toString(float)} and {@link Double#toString(double)}: the shortest
 * text that reads back to the very same float or double, so results can be compared bit for bit.
 */
public final class CsvWriter {
    private final Appendable out;
    private final int columns;

    /** Writes the header record at once; every later record must have as many fields. */
    public CsvWriter(Appendable out, String... header) {
        this.out = out;
        this.columns = header.length;
        row((Object[]) header);
    }

    /**
     * Writes one record. Floats and doubles are formatted to read back exactly, {@code null} is an empty field,
     * anything else is its {@code toString()}, quoted where needed.
     */
    public CsvWriter row(Object... fields) {
        if (fields.length != columns) {
            throw new IllegalArgumentException("a CSV record has " + fields.length + " fields, the header has "
                + columns);
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields[i]));
        }
        line.append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The CSV text of one field value. */
    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Float) {
            return format((Float) value);
        }
        if (value instanceof Double) {
            return format((Double) value);
        }
        return quote(value.toString());
    }

    /** Shortest text that parses back to the same float ({@code NaN}, {@code Infinity} as Java spells them). */
    public static String format(float value) {
        return Float.toString(value);
    }

    /** Shortest text that parses back to the same double. */
    public static String format(double value) {
        return Double.toString(value);
    }

    /** {@code field} as it must appear in a record: quoted if it holds a comma, a quote or a line break. */
    public static String quote(String field) {
        boolean needsQuotes = false;
        for (int i = 0; i < field.length() && !needsQuotes; i++) {
            char c = field.charAt(i);
            needsQuotes = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return needsQuotes ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "CsvWriter[%d columns]", columns);
    }
}
