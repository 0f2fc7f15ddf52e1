package dev.descent.experiments.tuning;

import dev.descent.optimizers.OptimizerSpec;

/**
 * One trial of a tuning: an optimizer of the spec with hyperparameters drawn from the tuning's ranges.
 *
 * @param base        the optimizer spec as the spec lists it (what the trial tunes)
 * @param index       0-based number of the trial among its optimizer's trials
 * @param optimizer   the spec with the drawn hyperparameters, e.g. {@code sgd:lr=0.0316}
 * @param weightDecay the net's drawn L2 coefficient λ, or NaN when the tuning does not search it
 */
public record Trial(OptimizerSpec base, int index, OptimizerSpec optimizer, double weightDecay) {

    /** Whether this trial draws the net's weight decay (and so trains a net of its own). */
    public boolean tunesWeightDecay() {
        return !Double.isNaN(weightDecay);
    }
}
