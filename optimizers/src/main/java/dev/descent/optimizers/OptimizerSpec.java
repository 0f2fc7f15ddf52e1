package dev.descent.optimizers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.BiPredicate;

/**
 * An optimizer setting as a value: the rule's name and every hyperparameter in canonical order, without any
 * state. It is what a chart legend, a table row, a run key or a spec file holds, and {@link #create()} makes a
 * fresh optimizer from it; callers never split spec strings themselves.
 *
 * <p>Texts: {@link #canonical()} (also {@link #toString()}) has every hyperparameter,
 * {@code adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07}, and parses back to an equal spec; {@link #brief()} keeps
 * the learning rate and the hyperparameters that differ from their defaults, {@code adam:lr=0.001}, for legends
 * and tables.
 */
public final class OptimizerSpec {

    /** Spec key of the learning rate. */
    public static final String LEARNING_RATE = "lr";

    private final String name;
    private final Map<String, Double> hyperparameters;
    private final String canonical;

    private OptimizerSpec(String name, Map<String, Double> hyperparameters) {
        this.name = name;
        this.hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        this.canonical = join(name, this.hyperparameters, null);
    }

    /**
     * The spec of a text such as {@code adam:lr=0.3}; see {@link Optimizers} for the grammar.
     *
     * @throws IllegalArgumentException naming the bad part, as {@link Optimizers#parse(String)} does
     */
    public static OptimizerSpec parse(String text) {
        return of(Optimizers.parse(text));
    }

    /** The spec of an optimizer's rule and hyperparameters (its state is not part of it). */
    public static OptimizerSpec of(Optimizer optimizer) {
        return new OptimizerSpec(optimizer.name(), optimizer.hyperparameters());
    }

    /** The rule's spec name, e.g. {@code adam}. */
    public String name() {
        return name;
    }

    /** Every hyperparameter by key, in canonical order; unmodifiable. */
    public Map<String, Double> hyperparameters() {
        return hyperparameters;
    }

    /** The learning rate, or NaN for a rule without one. */
    public double learningRate() {
        Double lr = hyperparameters.get(LEARNING_RATE);
        return lr == null ? Double.NaN : lr;
    }

    /** A fresh optimizer with empty state. */
    public Optimizer create() {
        return Optimizers.parse(canonical);
    }

    /**
     * This spec with one hyperparameter changed, e.g. a point of a learning-rate grid.
     *
     * @throws IllegalArgumentException if the rule has no such key or the value is out of its range
     */
    public OptimizerSpec with(String key, double value) {
        if (!hyperparameters.containsKey(key)) {
            throw new IllegalArgumentException("unknown key '" + key + "' for " + name + "; valid keys for " + name
                    + ": " + String.join(", ", hyperparameters.keySet()));
        }
        Map<String, Double> changed = new LinkedHashMap<>(hyperparameters);
        changed.put(key, value);
        return parse(join(name, changed, null));
    }

    /** Every hyperparameter, e.g. {@code adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07}. */
    public String canonical() {
        return canonical;
    }

    /**
     * The name, the learning rate and every hyperparameter not at its default: {@code adam:lr=0.001} for Adam at
     * its defaults, {@code momentum:lr=0.01,momentum=0.5}. For legends, tables and progress lines.
     */
    public String brief() {
        Map<String, Double> defaults = Optimizers.parse(name).hyperparameters();
        return join(name, hyperparameters, (key, value) -> key.equals(LEARNING_RATE) || !value.equals(defaults.get(key)));
    }

    /**
     * {@link #brief()} without the learning rate: settings that differ only in learning rate share it (the
     * learning-rate sensitivity chart draws one line per family).
     */
    public String family() {
        Map<String, Double> defaults = Optimizers.parse(name).hyperparameters();
        return join(name, hyperparameters, (key, value) -> !key.equals(LEARNING_RATE) && !value.equals(defaults.get(key)));
    }

    private static String join(String name, Map<String, Double> hyperparameters, BiPredicate<String, Double> keep) {
        StringJoiner pairs = new StringJoiner(",");
        hyperparameters.forEach((key, value) -> {
            if (keep == null || keep.test(key, value)) {
                pairs.add(key + "=" + SpecNumbers.format(value));
            }
        });
        return pairs.length() == 0 ? name : name + ":" + pairs;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OptimizerSpec that && canonical.equals(that.canonical);
    }

    @Override
    public int hashCode() {
        return Objects.hash(canonical);
    }

    /** {@link #canonical()}. */
    @Override
    public String toString() {
        return canonical;
    }
}
