package dev.descent.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The hidden layers' activation function, as in the book's {@code MultiLayerNet(activation='relu')}. */
public enum Activation {
    RELU,
    SIGMOID;

    /**
     * Parses "relu" or "sigmoid", ignoring case and surrounding spaces.
     *
     * @throws IllegalArgumentException naming the value and the valid ones
     */
    public static Activation parse(String s) {
        if (s != null) {
            String name = s.trim().toLowerCase(Locale.ROOT);
            for (Activation a : values()) {
                if (a.toString().equals(name)) {
                    return a;
                }
            }
        }
        throw new IllegalArgumentException("unknown activation '" + s + "': expected one of " + validNames());
    }

    /** The lower-case name that {@link #parse} accepts. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static String validNames() {
        return Arrays.stream(values()).map(Activation::toString).collect(Collectors.joining(", "));
    }
}
