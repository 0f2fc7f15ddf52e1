package dev.descent.experiments.trajectory;

/**
 * Adam's bias-correction factor 1/(1 − βᵗ) (Kingma &amp; Ba 2015, §3). The moving averages m and v start at 0, so
 * early on they are shrunk towards 0 by the factor (1 − βᵗ); dividing by it undoes that. With β1 = 0.9 the
 * factor is 10 at t = 1 and near 1 after ~40 steps; with β2 = 0.999 it starts at 1000 and is still ~20 at
 * t = 49, which is why Adam's early steps depend so much on the correction.
 */
public final class BiasCorrection {
    /** Adam's defaults. */
    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;

    private BiasCorrection() {
    }

    /** 1/(1 − βᵗ) for t = 1 … steps, at index t − 1. */
    public static double[] factors(double beta, int steps) {
        if (!(beta > 0 && beta < 1)) {
            throw new IllegalArgumentException("beta must be in (0, 1), got " + beta);
        }
        double[] factors = new double[steps];
        for (int t = 1; t <= steps; t++) {
            factors[t - 1] = 1 / (1 - Math.pow(beta, t));
        }
        return factors;
    }
}
