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
 *
 * <p>Why the seam has more than {@code update}: the book's rules need nothing but the flat arrays, and
 * {@code update(params, grads)} stays all they use. Two later rules need more. Muon orthogonalises each weight
 * <em>matrix</em>, so it must know which flat arrays are matrices and their (rows, columns): the training loop
 * tells every optimizer its parameters' shapes once, through {@link #plan}. A learning-rate schedule that decays
 * to the end of the run must know where the end is: {@link #plan} carries the run's length too. Schedule-free
 * AdamW trains at one point and evaluates at another; it offers the weights to evaluate through the optional
 * {@link EvaluationWeights} interface. Every other rule ignores the plan and is evaluated at its parameters.
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
     * Tells the optimizer, once and before its first update, the shape of each parameter and how many updates the
     * run will make. Optional: without it every parameter counts as a flat vector (Muon then uses its AdamW part for
     * all of them), and a schedule that needs the run's length ({@code linear}, {@code cosine}, {@code wsd}) refuses
     * to start.
     *
     * @param shapes each parameter's shape by key, e.g. {@code W1 -> [784, 100]} for a row-major (in, out) weight
     *     and {@code b1 -> [100]}; keys may be missing (unknown shape = vector)
     * @param totalIterations the number of {@link #update} calls the run will make, at least 1
     * @throws IllegalStateException if called after an update
     * @throws IllegalArgumentException if {@code totalIterations < 1}
     */
    default void plan(Map<String, int[]> shapes, long totalIterations) {
    }

    /**
     * The learning-rate schedule attached with {@code @} in the spec.
     *
     * @return {@link LearningRateSchedule#CONSTANT} when none is attached
     */
    default LearningRateSchedule schedule() {
        return LearningRateSchedule.CONSTANT;
    }

    /**
     * The spec name.
     *
     * @return one of {@link Optimizers#names()}, e.g. {@code adam}
     */
    String name();

    /**
     * Every hyperparameter by its spec key, in canonical order (e.g. Adam: {@code lr, beta1, beta2, eps}).
     *
     * @return an unmodifiable, insertion-ordered map
     */
    Map<String, Double> hyperparameters();

    /**
     * The canonical spec with every hyperparameter, e.g. {@code adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07},
     * followed by {@code @} and the schedule's canonical spec when one other than constant is attached.
     * {@code Optimizers.parse(toString())} gives an equal optimizer; each number reads back to the same double.
     */
    @Override
    String toString();
}
