package dev.descent.experiments.batch;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The data sets an experiment can train on; {@link #label()} is the name in spec files, options and files. */
public enum DataSet {
    MNIST("mnist", "MNIST"),
    FASHION("fashion", "Fashion-MNIST");

    private final String label;
    private final String title;

    DataSet(String label, String title) {
        this.label = label;
        this.title = title;
    }

    /** {@code mnist} or {@code fashion}, as {@code mnist-data}'s loader and download script name them. */
    public String label() {
        return label;
    }

    /** The name in chart titles. */
    public String title() {
        return title;
    }

    /** The data set labelled {@code text}, if there is one. */
    public static Optional<DataSet> find(String text) {
        return Arrays.stream(values()).filter(set -> set.label.equals(text)).findFirst();
    }

    /** Every label, for error messages: {@code mnist, fashion}. */
    public static String labels() {
        return Arrays.stream(values()).map(DataSet::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
