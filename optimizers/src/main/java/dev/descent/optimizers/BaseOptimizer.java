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
 * <p>A subclass records its hyperparameters in canonical order through {@link #positive} and
 * {@link #fraction} in its constructor, and implements {@link #apply} for one parameter array.
 */
abstract class BaseOptimizer implements Optimizer {

    /** Spec key of the learning rate, which every rule has. */
    static final String LR = "lr";
    /** Spec key of the ε that keeps a division by √h or √v finite. */
    static final String EPS = "eps";

    private static final float[][] NO_STATE = new float[0][];

    private final String name;
    private final int stateArraysPerKey;
    private final Map<String, Double> hyperparameters = new LinkedHashMap<>();
    private final Map<String, Double> hyperparametersView = Collections.unmodifiableMap(hyperparameters);
    /** Per key, {@code stateArraysPerKey} arrays of the parameter's length (e.g. Adam: m, v). */
    private final Map<String, float[][]> state = new HashMap<>();

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

    private double record(String key, double value) {
        if (hyperparameters.putIfAbsent(key, value) != null) {
            throw new IllegalStateException(name + " records hyperparameter '" + key + "' twice");
        }
        return value;
    }

    @Override
    public final void update(Map<String, float[]> params, Map<String, float[]> grads) {
        checkArguments(params, grads);
        beginUpdate();
        for (Map.Entry<String, float[]> entry : params.entrySet()) {
            String key = entry.getKey();
            float[] W = entry.getValue();
            apply(W, grads.get(key), stateFor(key, W.length));
        }
    }

    /** Called once per {@link #update} call after the checks, before any array changes (Adam counts t here). */
    void beginUpdate() {
    }

    /**
     * Applies the rule to one parameter in place.
     *
     * @param W a parameter, flat (n)
     * @param dW its gradient, (n)
     * @param state this key's state arrays, each (n); empty for a rule without state
     */
    abstract void apply(float[] W, float[] dW, float[][] state);

    private float[][] stateFor(String key, int length) {
        if (stateArraysPerKey == 0) {
            return NO_STATE;
        }
        float[][] arrays = state.get(key);
        if (arrays == null) {
            arrays = new float[stateArraysPerKey][length];
            state.put(key, arrays);
        }
        return arrays;
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
            float[][] arrays = stateArraysPerKey == 0 ? null : state.get(key);
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

    @Override
    public final String toString() {
        StringJoiner spec = new StringJoiner(",", name + ":", "");
        hyperparameters.forEach((key, value) -> spec.add(key + "=" + SpecNumbers.format(value)));
        return spec.toString();
    }

    /** Equal when the rule and every hyperparameter are equal; state (what updates did so far) is not compared. */
    @Override
    public final boolean equals(Object other) {
        return other instanceof BaseOptimizer that
                && getClass() == that.getClass()
                && name.equals(that.name)
                && hyperparameters.equals(that.hyperparameters);
    }

    @Override
    public final int hashCode() {
        return 31 * name.hashCode() + hyperparameters.hashCode();
    }

    /** Keys that have state so far, for tests of lazy allocation. */
    final Set<String> stateKeys() {
        return Collections.unmodifiableSet(state.keySet());
    }
}
