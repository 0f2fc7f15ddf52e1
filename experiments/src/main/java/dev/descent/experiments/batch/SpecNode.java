package dev.descent.experiments.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.experiments.common.UserError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * A node of a parsed spec file together with its JSON path ({@code $.network.hidden[2]}), so that every check
 * can name the file and the place of a mistake. Jackson parses; this class only reads the tree and complains.
 */
final class SpecNode {
    private final String file;
    private final String path;
    private final JsonNode node; // null when the field is absent

    SpecNode(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    String path() {
        return path;
    }

    JsonNode json() {
        return node;
    }

    /** Absent, or given as {@code null}: both mean "use the default". */
    boolean isAbsent() {
        return node == null || node.isNull();
    }

    boolean isText() {
        return node != null && node.isTextual();
    }

    boolean isArray() {
        return node != null && node.isArray();
    }

    /** A field of this object; check {@link #requireObject()} first. */
    SpecNode field(String name) {
        return new SpecNode(file, path + "." + name, node == null ? null : node.get(name));
    }

    /** This object's field names, in file order. */
    List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Fails on the first field not in {@code valid}, listing the valid ones and the nearest if it is close. */
    SpecNode requireObject(List<String> valid) {
        requireObject();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!valid.contains(name)) {
                String nearest = Spelling.nearest(name, valid);
                throw error("unknown field \"" + name + "\" at " + path + "." + name + "; valid fields: "
                        + String.join(", ", valid) + (nearest == null ? "" : " (did you mean \"" + nearest + "\"?)"));
            }
        }
        return this;
    }

    SpecNode requireObject() {
        if (node == null || !node.isObject()) {
            throw wrongType("an object { ... }");
        }
        return this;
    }

    List<SpecNode> elements() {
        if (node == null || !node.isArray()) {
            throw wrongType("a list [ ... ]");
        }
        List<SpecNode> elements = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            elements.add(new SpecNode(file, path + "[" + i + "]", node.get(i)));
        }
        return elements;
    }

    /** A non-empty list; {@code hint} says what to put in it. */
    List<SpecNode> nonEmptyElements(String hint) {
        List<SpecNode> elements = elements();
        if (elements.isEmpty()) {
            throw error("empty list at " + path + "; " + hint);
        }
        return elements;
    }

    String text() {
        if (node == null || !node.isTextual()) {
            throw wrongType("a string");
        }
        return node.textValue();
    }

    String text(String fallback) {
        return isAbsent() ? fallback : text();
    }

    int integer() {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrongType("an integer");
        }
        return node.intValue();
    }

    int integer(int fallback) {
        return isAbsent() ? fallback : integer();
    }

    long longInteger() {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw wrongType("an integer");
        }
        return node.longValue();
    }

    boolean bool() {
        if (node == null || !node.isBoolean()) {
            throw wrongType("true or false");
        }
        return node.booleanValue();
    }

    boolean bool(boolean fallback) {
        return isAbsent() ? fallback : bool();
    }

    double number() {
        if (node == null || !node.isNumber()) {
            throw wrongType("a number");
        }
        return node.doubleValue();
    }

    double number(double fallback) {
        return isAbsent() ? fallback : number();
    }

    /** The number as written in the file when it is short enough to read back exactly, for optimizer specs. */
    String numberText() {
        number();
        return node.isIntegralNumber() ? node.asText() : Double.toString(node.doubleValue());
    }

    UserError wrongType(String expected) {
        return error("wrong type at " + path + ": expected " + expected + ", got " + describe(node));
    }

    /** An error about this spec file: {@code <file>: <message>}. */
    UserError error(String message) {
        return new UserError(file + ": " + message);
    }

    UserError error(String message, Throwable cause) {
        return new UserError(file + ": " + message, cause);
    }

    static String describe(JsonNode node) {
        if (node == null) {
            return "nothing (the field is missing)";
        }
        String shown = node.toString();
        if (shown.length() > 40) {
            shown = shown.substring(0, 37) + "...";
        }
        return switch (node.getNodeType()) {
            case STRING -> "the string " + shown;
            case NUMBER -> "the number " + shown;
            case BOOLEAN -> "the boolean " + shown;
            case NULL -> "null";
            case ARRAY -> "a list " + shown;
            case OBJECT -> "an object " + shown;
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT) + " " + shown;
        };
    }
}
