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
 *
 * <p>A learning-rate {@link #schedule()} other than constant is part of the spec and of every text, after
 * {@code @}: canonical {@code adam:lr=0.003,beta1=0.9,beta2=0.999,eps=1e-07@cosine:warmup=100,min=0.1}, brief
 * {@code adam:lr=0.003@cosine:warmup=100,min=0.1}, so run keys, legends and file names tell scheduled runs apart.
 */
public final class OptimizerSpec {

    /** Spec key of the learning rate. */
    public static final String LEARNING_RATE = "lr";

    private final String name;
    private final Map<String, Double> hyperparameters;
    private final LearningRateSchedule schedule;
    private final String canonical;

    private OptimizerSpec(String name, Map<String, Double> hyperparameters, LearningRateSchedule schedule) {
        this.name = name;
        this.hyperparameters = Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        this.schedule = schedule;
        this.canonical = join(name, this.hyperparameters, null) + scheduleText(schedule.toString());
    }

    /**
     * The spec of a text such as {@code adam:lr=0.3} or {@code adam@cosine:warmup=100}; see {@link Optimizers} for
     * the grammar.
     *
     * @throws IllegalArgumentException naming the bad part, as {@link Optimizers#parse(String)} does
     */
    public static OptimizerSpec parse(String text) {
        return of(Optimizers.parse(text));
    }

    /** The spec of an optimizer's rule, hyperparameters and schedule (its state is not part of it). */
    public static OptimizerSpec of(Optimizer optimizer) {
        return new OptimizerSpec(optimizer.name(), optimizer.hyperparameters(), optimizer.schedule());
    }

    /** The rule's spec name, e.g. {@code adam}. */
    public String name() {
        return name;
    }

    /** Every hyperparameter by key, in canonical order; unmodifiable. */
    public Map<String, Double> hyperparameters() {
        return hyperparameters;
    }

    /** The learning-rate schedule; {@link LearningRateSchedule#CONSTANT} when none is attached. */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /**
     * The learning rate of iteration {@code iteration} (from 1) of a run of {@code totalIterations}: the learning
     * rate times the schedule's multiplier, e.g. for the report's learning-rate chart.
     *
     * @throws IllegalArgumentException as {@link LearningRateSchedule#multiplier} does
     */
    public double learningRateAt(long iteration, long totalIterations) {
        return learningRate() * schedule.multiplier(iteration, totalIterations);
    }

    /** The learning rate, or NaN for a rule without one. */
    public double learningRate() {
        Double lr = hyperparameters.get(LEARNING_RATE);
        return lr == null ? Double.NaN : lr;
    }

    /** A fresh optimizer with empty state (and the schedule attached). */
    public Optimizer create() {
        return Optimizers.parse(canonical);
    }

    /**
     * A fresh optimizer already {@linkplain Optimizer#plan planned} for a run of {@code totalIterations} with
     * unknown shapes; for callers without a network (Muon then treats every parameter as a vector).
     */
    public Optimizer create(long totalIterations) {
        Optimizer optimizer = create();
        optimizer.plan(Map.of(), totalIterations);
        return optimizer;
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
        return parse(join(name, changed, null) + scheduleText(schedule.toString()));
    }

    /**
     * This spec with one key of its schedule changed, e.g. a point of a warm-up grid.
     *
     * @throws IllegalArgumentException if the schedule has no such key or the value is out of its range
     */
    public OptimizerSpec withSchedule(String key, double value) {
        if (!schedule.hyperparameters().containsKey(key)) {
            throw new IllegalArgumentException("unknown key '" + key + "' for schedule " + schedule.name()
                    + "; valid keys: " + (schedule.hyperparameters().isEmpty() ? "none"
                    : String.join(", ", schedule.hyperparameters().keySet())));
        }
        Map<String, Double> changed = new LinkedHashMap<>(schedule.hyperparameters());
        changed.put(key, value);
        return parse(join(name, hyperparameters, null) + Optimizers.SCHEDULE_SEPARATOR
                + join(schedule.name(), changed, null));
    }

    /** This spec with another schedule (e.g. {@code Schedules.parse("cosine")}); constant removes it. */
    public OptimizerSpec withSchedule(LearningRateSchedule other) {
        return new OptimizerSpec(name, hyperparameters, other);
    }

    /** Every hyperparameter, e.g. {@code adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07}. */
    public String canonical() {
        return canonical;
    }

    /**
     * The name, the learning rate and every hyperparameter not at its default: {@code adam:lr=0.001} for Adam at
     * its defaults, {@code momentum:lr=0.01,momentum=0.5}; then the schedule's brief after {@code @} when one is
     * attached, {@code adam:lr=0.003@cosine:warmup=100}. For legends, tables and progress lines.
     */
    public String brief() {
        Map<String, Double> defaults = Optimizers.parse(name).hyperparameters();
        return join(name, hyperparameters, (key, value) -> key.equals(LEARNING_RATE) || !value.equals(defaults.get(key)))
                + scheduleText(schedule.brief());
    }

    /**
     * {@link #brief()} without the learning rate: settings that differ only in learning rate share it (the
     * learning-rate sensitivity chart draws one line per family).
     */
    public String family() {
        Map<String, Double> defaults = Optimizers.parse(name).hyperparameters();
        return join(name, hyperparameters, (key, value) -> !key.equals(LEARNING_RATE) && !value.equals(defaults.get(key)))
                + scheduleText(schedule.brief());
    }

    private String scheduleText(String text) {
        return schedule.isConstant() ? "" : Optimizers.SCHEDULE_SEPARATOR + text;
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
