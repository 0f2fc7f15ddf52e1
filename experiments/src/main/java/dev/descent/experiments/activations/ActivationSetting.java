package dev.descent.experiments.activations;

import dev.descent.network.ActivationDistribution;
import dev.descent.network.ActivationDistribution.Function;
import dev.descent.network.ActivationDistribution.Layer;
import dev.descent.network.WeightInit;

/**
 * One setting of the experiment and its result: the activation, the weight std and the histogram of each
 * layer.
 *
 * @param function the hidden layers' activation
 * @param init     the std of the weights
 * @param layers   one histogram per layer, first layer first
 */
public record ActivationSetting(Function function, WeightInit init, Layer[] layers) {

    /** Runs the book-sized experiment for one setting. */
    public static ActivationSetting compute(Function function, WeightInit init, long seed) {
        return new ActivationSetting(function, init, ActivationDistribution.compute(function, init, seed));
    }

    /** E.g. "sigmoid-xavier" or "relu-0.01": the setting in file names. */
    public String fileLabel() {
        return function + "-" + init;
    }

    /** E.g. "sigmoid, weight std 1.0" or "relu, He weights (std √(2/100))". */
    public String title() {
        switch (init.toString()) {
            case "he":
                return function + ", He weights (std \u221a(2/" + ActivationDistribution.NODES + "))";
            case "xavier":
                return function + ", Xavier weights (std \u221a(1/" + ActivationDistribution.NODES + "))";
            default:
                return function + ", weight std " + init;
        }
    }
}
