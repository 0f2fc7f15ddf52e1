package dev.descent.network;

import dev.descent.network.matrix.Matrix;

/**
 * The L2 weight decay of the book's nets ({@code weight_decay_lambda}): the loss term ½λ·Σ W² over every weight
 * matrix (biases excluded), and its gradient λ·W added to dW. One class for both nets, and for the optimizing
 * compiler, which compiles descent's loops and leaves the nets' calls to C1
 * ({@code experiments/jvm/compiler-directives.json}).
 */
final class WeightDecay {

    private WeightDecay() {
    }

    /** ½λ·Σ_l Σ W_l², summed in double in the order of the layers and their elements. */
    static double loss(Matrix[] weights, double lambda) {
        if (lambda == 0) {
            return 0;
        }
        double sum = 0;
        for (Matrix w : weights) {
            for (float v : w.data) {
                sum += (double) v * v;
            }
        }
        return 0.5 * lambda * sum;
    }

    /** dW_l += λ·W_l for every layer, λ as a float. */
    static void addGradient(Matrix[] weights, Matrix[] weightGrads, float lambda) {
        for (int l = 0; l < weights.length; l++) {
            float[] w = weights[l].data;
            float[] dW = weightGrads[l].data;
            for (int i = 0; i < w.length; i++) {
                dW[i] += lambda * w[i];
            }
        }
    }
}
