package dev.descent.optimizers;

import java.util.Map;

/**
 * A rule that moves parameters against their gradients, keeping whatever per-parameter state it needs.
 *
 * <p>Call order: make one optimizer per training run (from {@link Optimizers#parse(String)} or a constructor),
 * then after each backward pass call {@link #update(Map, Map)} once with the network's parameters and the
 * gradients just computed, under the same keys. State (velocities, squared-gradient sums, moments) is kept per
 * key and created on a key's first update, so the same optimizer must not be shared between two networks.
 * Implementations are not thread-safe.
 */
public interface Optimizer {

    /**
     * Updates every array of {@code params} in place from the same-keyed array of {@code grads}.
     *
     * <p>The arrays are modified, never replaced, and the maps themselves are not modified: layers hold the
     * very arrays that are in {@code params}. Arguments are checked once per call, before anything changes.
     *
     * @param params parameter arrays by name, e.g. {@code W1, b1, …}; each is a flat (n) view of a parameter
     * @param grads gradient arrays with exactly the keys of {@code params}; each the same length as its parameter
     * @throws IllegalArgumentException naming the key if a map or array is null, the key sets differ, a
     *     gradient's length differs from its parameter's, or a parameter's length changed since its state was made
     */
    void update(Map<String, float[]> params, Map<String, float[]> grads);

    /**
     * The spec name.
     *
     * @return {@code sgd}, {@code momentum}, {@code nesterov}, {@code adagrad}, {@code rmsprop} or {@code adam}
     */
    String name();

    /**
     * Every hyperparameter by its spec key, in canonical order (e.g. Adam: {@code lr, beta1, beta2, eps}).
     *
     * @return an unmodifiable, insertion-ordered map
     */
    Map<String, Double> hyperparameters();

    /**
     * The canonical spec with every hyperparameter, e.g. {@code adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07}.
     * {@code Optimizers.parse(toString())} gives an equal optimizer; each number reads back to the same double.
     */
    @Override
    String toString();
}
