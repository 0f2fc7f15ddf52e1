package dev.descent.optimizers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A learning-rate schedule: a multiplier of the optimizer's learning rate for each iteration, attached to an
 * optimizer spec with {@code @} ({@code adam:lr=0.003@cosine:warmup=100,min=0.1}).
 *
 * <p>Iterations are counted from 1: iteration {@code i} is the {@code i}-th {@link Optimizer#update} call, and
 * {@code T} is the run's length given to {@link Optimizer#plan}. The multiplier of iteration {@code i} scales the
 * learning rate of that very update, so iteration 1 of {@code cosine:warmup=100} steps with {@code lr/100}. Each
 * subclass writes its formula in its Javadoc; every multiplier is computed in double and multiplied into the
 * learning rate before the rule rounds it to float once.
 *
 * <p>A schedule is a value: name and hyperparameters in canonical order, no state. {@link #toString()} is its
 * canonical spec, e.g. {@code cosine:warmup=100,min=0.1}; {@link Schedules#parse(String)} reads it back.
 */
public abstract class LearningRateSchedule {

    /** No schedule: the multiplier is 1 at every iteration, and canonical specs leave it out. */
    public static final LearningRateSchedule CONSTANT = new ConstantSchedule();

    private final String name;
    private final Map<String, Double> hyperparameters = new LinkedHashMap<>();
    private final Map<String, Double> hyperparametersView = Collections.unmodifiableMap(hyperparameters);

    LearningRateSchedule(String name) {
        this.name = name;
    }

    /**
     * The multiplier of the learning rate at iteration {@code iteration}.
     *
     * @param iteration 1 for the first update, up to {@code totalIterations}
     * @param totalIterations the run's length, or 0 when unknown (allowed only if {@link #needsLength()} is false)
     * @return a finite number {@code >= 0}
     * @throws IllegalArgumentException if {@code iteration < 1}, or the length is needed but missing or shorter
     *     than {@code iteration}
     */
    public final double multiplier(long iteration, long totalIterations) {
        if (iteration < 1) {
            throw new IllegalArgumentException(name + " schedule: iterations count from 1, got " + iteration);
        }
        if (needsLength() && (totalIterations < 1 || iteration > totalIterations)) {
            throw new IllegalArgumentException(name + " schedule: iteration " + iteration + " of a run of "
                    + totalIterations + " iterations; the schedule needs the run's length and stays within it");
        }
        return compute(iteration, totalIterations);
    }

    /** {@link #multiplier} for an optimizer's update, with an error that says what the caller must do. */
    final double multiplier(long iteration, long totalIterations, Optimizer optimizer) {
        if (needsLength() && totalIterations == 0) {
            throw new IllegalStateException(optimizer + ": the " + name + " schedule needs the run's length;"
                    + " HINT: call optimizer.plan(shapes, totalIterations) once before the first update (the"
                    + " training loop does)");
        }
        if (needsLength() && iteration > totalIterations) {
            throw new IllegalStateException(optimizer + ": update " + iteration + " of a run planned for "
                    + totalIterations + " iterations; the " + name + " schedule ends there");
        }
        return compute(iteration, totalIterations);
    }

    /** The formula, for {@code 1 <= iteration} (and {@code <= totalIterations} when the length is needed). */
    abstract double compute(long iteration, long totalIterations);

    /** Whether the multiplier depends on the run's length (a decay that ends at the last iteration). */
    public abstract boolean needsLength();

    /** The spec name, e.g. {@code cosine}. */
    public final String name() {
        return name;
    }

    /** Every hyperparameter by key, in canonical order; unmodifiable. */
    public final Map<String, Double> hyperparameters() {
        return hyperparametersView;
    }

    /** Whether this is the constant schedule, which canonical optimizer specs leave out. */
    public final boolean isConstant() {
        return this instanceof ConstantSchedule;
    }

    /** Checks that {@code value} is a whole number {@code >= min}, records it under {@code key}, returns it. */
    final long count(String key, double value, long min) {
        if (!(value >= min) || value > 1e15 || value != Math.rint(value)) {
            throw new IllegalArgumentException(name + " schedule: " + key + " must be a whole number >= " + min
                    + ", got " + SpecNumbers.format(value));
        }
        record(key, value + 0.0);
        return (long) value;
    }

    /** Checks that {@code value} is in ({@code low}, 1] or [{@code low}, 1], records it under {@code key}. */
    final double unitInterval(String key, double value, boolean lowOpen) {
        if (!(lowOpen ? value > 0 : value >= 0) || !(value <= 1)) {
            throw new IllegalArgumentException(name + " schedule: " + key + " must be in " + (lowOpen ? "(0" : "[0")
                    + ", 1], got " + SpecNumbers.format(value));
        }
        return record(key, value + 0.0);
    }

    private double record(String key, double value) {
        if (hyperparameters.putIfAbsent(key, value) != null) {
            throw new IllegalStateException(name + " records hyperparameter '" + key + "' twice");
        }
        return value;
    }

    /** The linear warm-up factor {@code min(1, i/W)}; 1 without warm-up. */
    static double warmup(long iteration, long warmupIterations) {
        return warmupIterations == 0 || iteration >= warmupIterations ? 1 : (double) iteration / warmupIterations;
    }

    /** The canonical spec with every hyperparameter, e.g. {@code cosine:warmup=100,min=0.1}; {@code constant} alone. */
    @Override
    public final String toString() {
        return join(null);
    }

    /** The name and the hyperparameters that differ from their defaults, e.g. {@code cosine:warmup=100}. */
    public final String brief() {
        Map<String, Double> defaults = Schedules.parse(name).hyperparameters();
        return join(defaults);
    }

    private String join(Map<String, Double> leaveOutDefaults) {
        StringJoiner pairs = new StringJoiner(",");
        hyperparameters.forEach((key, value) -> {
            if (leaveOutDefaults == null || !value.equals(leaveOutDefaults.get(key))) {
                pairs.add(key + "=" + SpecNumbers.format(value));
            }
        });
        return pairs.length() == 0 ? name : name + ":" + pairs;
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof LearningRateSchedule that && toString().equals(that.toString());
    }

    @Override
    public final int hashCode() {
        return toString().hashCode();
    }
}
