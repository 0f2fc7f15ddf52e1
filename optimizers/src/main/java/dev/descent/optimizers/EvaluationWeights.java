package dev.descent.optimizers;

import java.util.Map;

/**
 * An optimizer that trains at one point and should be evaluated at another, and can swap the parameters between
 * the two in place.
 *
 * <p>Why the seam grew: for the book's rules the parameters the gradient is taken at are the parameters to report.
 * Schedule-free AdamW ({@link ScheduleFreeAdamW}) takes gradients at an interpolation y but its answer is the
 * average x; a loss or an accuracy measured at y describes a point it never returns. The training loop checks
 * for this interface and measures between {@link #useEvaluationWeights} and {@link #useTrainingWeights}. The swap
 * is in place because the network's layers hold the very arrays in {@code params}.
 *
 * <p>Call order: {@code update}, then optionally {@code useEvaluationWeights(params)}, measure,
 * {@code useTrainingWeights(params)}, then the next {@code update}. Restoring gives the training weights back bit
 * for bit.
 */
public interface EvaluationWeights {

    /**
     * Overwrites every array of {@code params} with the weights to evaluate.
     *
     * @param params the same map (same arrays) that {@link Optimizer#update} receives
     * @throws IllegalStateException if the evaluation weights are already in place
     */
    void useEvaluationWeights(Map<String, float[]> params);

    /**
     * Puts the training weights back into {@code params}.
     *
     * @param params the map given to {@link #useEvaluationWeights}
     * @throws IllegalStateException if the evaluation weights are not in place
     */
    void useTrainingWeights(Map<String, float[]> params);
}
