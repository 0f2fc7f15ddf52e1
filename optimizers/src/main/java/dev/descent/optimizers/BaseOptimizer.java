package dev.descent.optimizers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What every optimizer shares: hyperparameter validation and bookkeeping, argument checks, lazily created
 * per-key state, the canonical spec, and equality by name and hyperparameters.
 *
 * <p>A subclass records its hyperparameters in canonical order through {@link #positive}, {@link #fraction},
 * {@link #nonNegative} and {@link #count} in its constructor, and implements {@link #apply} for one parameter
 * array. A rule reads its learning rate as {@code learningRate · }{@link #learningRateScale()}, computed once per
 * update in {@link #beginUpdate()}: the scale is the attached {@link LearningRateSchedule}'s multiplier for this
 * iteration (exactly 1 without a schedule, so a rule's numbers do not change when no schedule is attached).
 */
abstract class BaseOptimizer implements Optimizer {

    /** Spec key of the learning rate, which every rule has. */
    static final String LR = "lr";
    /** Spec key of the ε that keeps a division by √h or √v finite. */
    static final String EPS = "eps";
    /** Spec keys shared by the Adam family and Lion. */
    static final String BETA1 = "beta1";
    static final String BETA2 = "beta2";
    static final String WEIGHT_DECAY = "weight_decay";

    private static final float[][] NO_STATE = new float[0][];

    private final String name;
    private final int stateArraysPerKey;
    private final Map<String, Double> hyperparameters = new LinkedHashMap<>();
    private final Map<String, Double> hyperparametersView = Collections.unmodifiableMap(hyperparameters);
    /** Per key, {@code stateArraysPerKey} arrays of the parameter's length (e.g. Adam: m, v). */
    private final Map<String, float[][]> state = new HashMap<>();

    private LearningRateSchedule schedule = LearningRateSchedule.CONSTANT;
    /** The run's length from {@link #plan}, or 0 when nobody said. */
    private long totalIterations;
    private Map<String, int[]> shapes = Map.of();
    /** Update calls so far. */
    private long iterations;
    private double learningRateScale = 1;

    BaseOptimizer(String name, int stateArraysPerKey) {
        this.name = name;
        this.stateArraysPerKey = stateArraysPerKey;
    }

    /** Checks that {@code value} is finite and {@code > 0}, records it under {@code key}, and returns it. */
    final double positive(String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    name + ": " + key + " must be > 0 and finite, got " + SpecNumbers.format(value));
        }
        // The rules compute in float32: a value below its smallest normal number rounds to 0 or loses its
        // precision, and one above its largest becomes infinite, so "> 0 and finite" must hold in float32 too.
        if (value < Float.MIN_NORMAL || value > Float.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": " + key + " = " + SpecNumbers.format(value)
                    + " is outside the range of float32, in which the rules compute; give a value between"
                    + " about 1.2e-38 and 3.4e+38");
        }
        return record(key, value);
    }

    /** Checks that {@code value} is in [0, 1), records it under {@code key}, and returns it. */
    final double fraction(String key, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(
                    name + ": " + key + " must be in [0, 1), got " + SpecNumbers.format(value));
        }
        // -0.0 would print as "0" and read back as +0.0, which Double.equals tells apart.
        return record(key, value + 0.0);
    }

    /** Checks that {@code value} is finite and {@code >= 0} (e.g. a weight decay that may be off), records it. */
    final double nonNegative(String key, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    name + ": " + key + " must be >= 0 and finite, got " + SpecNumbers.format(value));
        }
        return record(key, value + 0.0);
    }

    /** Checks that {@code value} is a whole number {@code >= min} (a count such as warm-up steps), records it. */
    final int count(String key, double value, int min) {
        if (!(value >= min) || value > Integer.MAX_VALUE || value != Math.rint(value)) {
            throw new IllegalArgumentException(name + ": " + key + " must be a whole number >= " + min + ", got "
                    + SpecNumbers.format(value));
        }
        record(key, value + 0.0);
        return (int) value;
    }

    private double record(String key, double value) {
        if (hyperparameters.putIfAbsent(key, value) != null) {
            throw new IllegalStateException(name + " records hyperparameter '" + key + "' twice");
        }
        return value;
    }

    /** Attaches a schedule; used by {@link Optimizers#parse(String)} right after construction. */
    final void attach(LearningRateSchedule schedule) {
        this.schedule = schedule;
    }

    @Override
    public final LearningRateSchedule schedule() {
        return schedule;
    }

    @Override
    public final void plan(Map<String, int[]> shapes, long totalIterations) {
        if (iterations > 0) {
            throw new IllegalStateException(name + ".plan: called after " + iterations + " updates; call it once,"
                    + " before the first update");
        }
        if (totalIterations < 1) {
            throw new IllegalArgumentException(name + ".plan: the run's length must be at least 1 iteration, got "
                    + totalIterations);
        }
        Map<String, int[]> copy = new HashMap<>();
        shapes.forEach((key, shape) -> copy.put(key, shape.clone()));
        this.shapes = Collections.unmodifiableMap(copy);
        this.totalIterations = totalIterations;
    }

    @Override
    public final void update(Map<String, float[]> params, Map<String, float[]> grads) {
        checkArguments(params, grads);
        learningRateScale = schedule.multiplier(iterations + 1, totalIterations, this);
        beginUpdate();
        for (Map.Entry<String, float[]> entry : params.entrySet()) {
            String key = entry.getKey();
            float[] W = entry.getValue();
            apply(key, W, grads.get(key), stateFor(key, W));
        }
        iterations++;
    }

    /**
     * Called once per {@link #update} call after the checks and after {@link #learningRateScale()} is set for this
     * iteration, before any array changes (Adam counts t and computes lr_t here).
     */
    void beginUpdate() {
    }

    /** This iteration's learning-rate multiplier from the schedule; 1 without one. */
    final double learningRateScale() {
        return learningRateScale;
    }

    /** Update calls finished so far. */
    final long iterationsDone() {
        return iterations;
    }

    /** A parameter's shape as the training loop gave it to {@link #plan}, or null when unknown. */
    final int[] shapeOf(String key) {
        return shapes.get(key);
    }

    /** Applies the rule to one parameter; a rule that needs the key (Muon: its shape) overrides this. */
    void apply(String key, float[] W, float[] dW, float[][] state) {
        apply(W, dW, state);
    }

    /** How many state arrays {@code key} needs; {@code stateArraysPerKey} unless a rule varies it by key. */
    int stateArrays(String key, float[] W) {
        return stateArraysPerKey;
    }

    /** Fills a key's state on its first update; zeros by default (schedule-free starts z and x at W). */
    void initialiseState(float[] W, float[][] state) {
    }

    /**
     * Applies the rule to one parameter in place.
     *
     * @param W a parameter, flat (n)
     * @param dW its gradient, (n)
     * @param state this key's state arrays, each (n); empty for a rule without state
     */
    abstract void apply(float[] W, float[] dW, float[][] state);

    private float[][] stateFor(String key, float[] W) {
        float[][] arrays = state.get(key);
        if (arrays == null) {
            int count = stateArrays(key, W);
            if (count == 0) {
                return NO_STATE;
            }
            arrays = new float[count][W.length];
            initialiseState(W, arrays);
            state.put(key, arrays);
        }
        return arrays;
    }

    /** This key's state, made on its first update if needed (for rules that swap weights outside update). */
    final float[][] existingState(String key) {
        return state.get(key);
    }

    /** Everything that could go wrong is found here, so a bad call changes nothing. */
    private void checkArguments(Map<String, float[]> params, Map<String, float[]> grads) {
        if (params == null || grads == null) {
            throw new IllegalArgumentException(name + ".update: " + (params == null ? "params" : "grads")
                    + " map is null; pass the network's parameters and the gradients from its backward pass");
        }
        for (Map.Entry<String, float[]> entry : params.entrySet()) {
            String key = entry.getKey();
            float[] W = entry.getValue();
            float[] dW = grads.get(key);
            if (W == null) {
                throw new IllegalArgumentException(name + ".update: param '" + key + "' is null; every key needs its array");
            }
            if (dW == null) {
                throw new IllegalArgumentException(grads.containsKey(key)
                        ? name + ".update: grad '" + key + "' is null; every key needs its array"
                        : keyMismatch("grads has no entry for param '" + key + "'", params, grads));
            }
            if (dW.length != W.length) {
                throw new IllegalArgumentException(name + ".update: grad '" + key + "' has length " + dW.length
                        + " but param '" + key + "' has length " + W.length + "; a gradient must match its parameter");
            }
            float[][] arrays = state.get(key);
            if (arrays != null && arrays[0].length != W.length) {
                throw new IllegalArgumentException(name + ".update: param '" + key + "' has length " + W.length
                        + " but its " + name + " state was made for length " + arrays[0].length
                        + " on an earlier update. HINT: parameter shapes must not change during training;"
                        + " start a fresh optimizer with Optimizers.parse(\"" + this + "\")");
            }
        }
        if (grads.size() != params.size()) {
            // Every param key has a grad (checked above), so grads holds a key that params lacks.
            for (String key : grads.keySet()) {
                if (!params.containsKey(key)) {
                    throw new IllegalArgumentException(
                            keyMismatch("grads has key '" + key + "' that params lacks", params, grads));
                }
            }
        }
    }

    private String keyMismatch(String problem, Map<String, float[]> params, Map<String, float[]> grads) {
        return name + ".update: " + problem + "; params and grads must have the same keys (params: "
                + new ArrayList<>(params.keySet()) + ", grads: " + new ArrayList<>(grads.keySet()) + ")";
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Map<String, Double> hyperparameters() {
        return hyperparametersView;
    }

    /** The canonical spec; a schedule other than constant follows after {@code @}. */
    @Override
    public final String toString() {
        StringJoiner spec = new StringJoiner(",", name + ":", "");
        hyperparameters.forEach((key, value) -> spec.add(key + "=" + SpecNumbers.format(value)));
        return schedule.isConstant() ? spec.toString() : spec + Optimizers.SCHEDULE_SEPARATOR + schedule;
    }

    /**
     * Equal when the rule, every hyperparameter and the schedule are equal; state (what updates did so far) and
     * the plan are not compared.
     */
    @Override
    public final boolean equals(Object other) {
        return other instanceof BaseOptimizer that
                && getClass() == that.getClass()
                && name.equals(that.name)
                && hyperparameters.equals(that.hyperparameters)
                && schedule.equals(that.schedule);
    }

    @Override
    public final int hashCode() {
        return 31 * (31 * name.hashCode() + hyperparameters.hashCode()) + schedule.hashCode();
    }

    /** Keys that have state so far, for tests of lazy allocation. */
    final Set<String> stateKeys() {
        return Collections.unmodifiableSet(state.keySet());
    }
}
