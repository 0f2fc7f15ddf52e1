package dev.descent.experiments.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file read back: its header and its records as strings. Small and strict, for tests and for reading our
 * own results; it accepts exactly what {@link CsvWriter} writes (RFC 4180, LF or CRLF line ends).
 *
 * @param header the first record
 * @param rows the other records, each with as many fields as the header
 */
public record CsvTable(List<String> header, List<List<String>> rows) {

    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** Reads and parses a UTF-8 CSV file; errors name the file and the line. */
    public static CsvTable read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses CSV text whose first record is the header. */
    public static CsvTable parse(String text) {
        List<List<String>> records = parseRecords(text);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the CSV text is empty: no header");
        }
        List<String> header = records.get(0);
        for (int r = 1; r < records.size(); r++) {
            if (records.get(r).size() != header.size()) {
                throw new IllegalArgumentException("record " + (r + 1) + " has " + records.get(r).size()
                    + " fields, the header has " + header.size());
            }
        }
        return new CsvTable(header, records.subList(1, records.size()));
    }

    /** The index of a column, or an error naming it and the columns there are. */
    public int column(String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + name + "'; the columns are " + header);
        }
        return index;
    }

    /** The field of record {@code row} (0 is the first after the header) in column {@code name}. */
    public String get(int row, String name) {
        return rows.get(row).get(column(name));
    }

    /** Every value of a column, in order. */
    public List<String> values(String name) {
        int index = column(name);
        List<String> values = new ArrayList<>(rows.size());
        for (List<String> row : rows) {
            values.add(row.get(index));
        }
        return values;
    }

    /** Splits RFC 4180 text into records of fields. */
    public static List<List<String>> parseRecords(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        if (i + 1 < text.length() && ",\r\n".indexOf(text.charAt(i + 1)) < 0) {
                            throw new IllegalArgumentException("line " + line
                                + ": text after a closing quote; a quoted field must end at a comma or line end");
                        }
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                fieldStarted = true;
            } else if (c == '"') {
                throw new IllegalArgumentException("line " + line + ": a quote inside an unquoted field");
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                records.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                line++;
            } else {
                field.append(c);
                fieldStarted = true;
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + line + ": a quoted field is not closed");
        }
        if (fieldStarted || field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
