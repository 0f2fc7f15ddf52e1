package dev.descent.network.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.network.matrix.Matrix;
import org.junit.jupiter.api.Test;

/**
 * BatchNorm on a 2×2 batch worked out by hand, the running averages after one step, evaluation mode,
 * and the contract (shared arrays, call order, shapes). The gradient against central differences is in
 * {@code GradientCheckExtendTest}.
 */
class BatchNormTest {

    // x = [[1, 2], [3, 6]], γ = [1, 2], β = [0, 0.5]
    //   column 0: μ = 2, x − μ = [−1, 1], σ² = (1 + 1)/2 = 1, s = √(1 + 1e-6)
    //   column 1: μ = 4, x − μ = [−2, 2], σ² = (4 + 4)/2 = 4, s = √(4 + 1e-6)
    private static final double S0 = Math.sqrt(1 + 1e-6);
    private static final double S1 = Math.sqrt(4 + 1e-6);

    private final float[] gamma = {1, 2};
    private final float[] beta = {0, 0.5f};
    private final float[] dGamma = new float[2];
    private final float[] dBeta = new float[2];
    private final float[] runningMean = new float[2];
    private final float[] runningVar = new float[2];
    private final BatchNorm norm = new BatchNorm(gamma, beta, dGamma, dBeta, runningMean, runningVar, 2);
    private final Matrix x = Matrix.fromRows(new float[][] {{1, 2}, {3, 6}});

    @Test
    void trainingForwardOnATwoByTwoBatch() {
        Matrix out = norm.forward(x, Mode.TRAIN);
        assertEquals(-1 / S0, out.get(0, 0), 1e-7);
        assertEquals(1 / S0, out.get(1, 0), 1e-7);
        assertEquals(2 * (-2 / S1) + 0.5, out.get(0, 1), 1e-7);
        assertEquals(2 * (2 / S1) + 0.5, out.get(1, 1), 1e-7);
        // running ← 0.9 · 0 + 0.1 · batch statistic
        assertEquals(0.2, runningMean[0], 1e-7);
        assertEquals(0.4, runningMean[1], 1e-7);
        assertEquals(0.1, runningVar[0], 1e-7);
        assertEquals(0.4, runningVar[1], 1e-7);
        // a second step moves them again: 0.9 · 0.2 + 0.1 · 2 = 0.38
        norm.forward(x, Mode.TRAIN);
        assertEquals(0.38, runningMean[0], 1e-6);
        assertEquals(0.9 * 0.4 + 0.1 * 4, runningVar[1], 1e-6);
    }

    @Test
    void evaluationUsesTheRunningAveragesAndChangesNothing() {
        norm.forward(x, Mode.TRAIN);   // running mean (0.2, 0.4), running var (0.1, 0.4)
        float[] meanBefore = runningMean.clone();
        Matrix out = norm.forward(x, Mode.EVALUATION);
        assertEquals((1 - 0.2) / Math.sqrt(0.1 + 1e-6), out.get(0, 0), 1e-5);
        assertEquals((3 - 0.2) / Math.sqrt(0.1 + 1e-6), out.get(1, 0), 1e-5);
        assertEquals(2 * (2 - 0.4) / Math.sqrt(0.4 + 1e-6) + 0.5, out.get(0, 1), 1e-5);
        assertEquals(2 * (6 - 0.4) / Math.sqrt(0.4 + 1e-6) + 0.5, out.get(1, 1), 1e-5);
        assertArrayEquals(meanBefore, runningMean, "evaluation must not move the running averages");
        assertThrows(IllegalStateException.class, () -> norm.backward(x), "no backward after evaluation");
    }

    @Test
    void backwardOnATwoByTwoBatch() {
        norm.forward(x, Mode.TRAIN);
        Matrix dx = norm.backward(Matrix.fromRows(new float[][] {{1, 0}, {0, 0}}));
        // dβ = Σ_i g = (1, 0); dγ = Σ_i g·x̂ = (x̂_00, 0) = (−1/s0, 0)
        assertEquals(1, dBeta[0], 0);
        assertEquals(0, dBeta[1], 0);
        assertEquals(-1 / S0, dGamma[0], 1e-7);
        assertEquals(0, dGamma[1], 0);
        // With two rows x̂ is ±1/s whatever x is, so x barely matters: dx = γ/(2s)·(2g − Σg − x̂ Σg·x̂)
        // gives ±(1 − 1/s0²)/(2 s0) ≈ ±5e-7 in column 0 and exactly 0 in column 1 (no gradient there).
        double a = 1 / S0;
        assertEquals((1 - a * a) / (2 * S0), dx.get(0, 0), 5e-8);
        assertEquals(-(1 - a * a) / (2 * S0), dx.get(1, 0), 5e-8);
        assertEquals(0, dx.get(0, 1), 0);
        assertEquals(0, dx.get(1, 1), 0);
    }

    @Test
    void gammaAndBetaAreSharedLiveArrays() {
        norm.forward(x, Mode.TRAIN);
        gamma[0] = 3;    // an optimizer's in-place update
        beta[0] = -1;
        Matrix out = norm.forward(x, Mode.TRAIN);
        assertEquals(3 * (-1 / S0) - 1, out.get(0, 0), 1e-6);
    }

    @Test
    void contractViolationsAreReported() {
        assertThrows(IllegalStateException.class, () -> norm.backward(x), "backward before any forward");
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> norm.forward(new Matrix(3, 2), Mode.TRAIN));
        assertTrue(shape.getMessage().contains("(2, 2)") && shape.getMessage().contains("(3, 2)"), shape.getMessage());
        IllegalArgumentException arrays = assertThrows(IllegalArgumentException.class,
                () -> new BatchNorm(new float[2], new float[3], new float[2], new float[2], new float[2], new float[2], 4));
        assertTrue(arrays.getMessage().contains("beta (3)"), arrays.getMessage());
    }
}
