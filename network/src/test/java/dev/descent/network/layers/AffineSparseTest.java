package dev.descent.network.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.network.matrix.Matrix;
import dev.descent.network.kernels.Gemm;
import dev.descent.network.kernels.SparseMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A first-layer Affine that skips zero inputs gives the dense layer's bits: forward, dW and db, on sparse and
 * dense batches, and also when a weight or a gradient is not finite (where it must take the dense path,
 * because 0·∞ is NaN in the dense product).
 */
class AffineSparseTest {

    private static final int N = 64;
    private static final int IN = 50;
    private static final int OUT = 40;

    @Test
    void sparseAndDenseLayersAgreeOnSparseAndDenseBatches() {
        for (double density : new double[] {0.0, 0.15, 0.5, 1.0}) {
            Layers layers = new Layers(new SplittableRandom(11));
            Matrix x = batch(new SplittableRandom(12), density);
            layers.compare(x, dout(new SplittableRandom(13)));
        }
    }

    @Test
    void anInfiniteWeightInARowOfZeroInputsReachesTheOutputAsInTheDenseLayer() {
        Layers layers = new Layers(new SplittableRandom(21));
        Matrix x = batch(new SplittableRandom(22), 0.2);
        for (int r = 0; r < N; r++) {
            x.data[r * IN + 3] = 0f;   // input 3 is zero in every row...
        }
        layers.weights.data[3 * OUT + 5] = Float.POSITIVE_INFINITY;   // ...and its weight to output 5 is ∞
        float[] out = layers.compare(x, dout(new SplittableRandom(23)));
        assertTrue(Float.isNaN(out[5]), "0·∞ must make output 5 NaN, as in the dense product: " + out[5]);
    }

    @Test
    void aNaNGradientReachesTheRowsOfZeroInputsAsInTheDenseLayer() {
        Layers layers = new Layers(new SplittableRandom(31));
        Matrix x = batch(new SplittableRandom(32), 0.2);
        Matrix dout = dout(new SplittableRandom(33));
        dout.data[7] = Float.NaN;   // dout[0][7]; x[0] has zeros, and 0·NaN = NaN in the dense dW
        layers.compare(x, dout);
        for (int i = 0; i < IN; i++) {
            assertTrue(Float.isNaN(layers.sparseGrad.data[i * OUT + 7]), "dW[" + i + "][7] must be NaN");
        }
    }

    /** One weight matrix and bias, read by a dense layer and a sparse one with separate gradient arrays. */
    private static final class Layers {
        final Matrix weights = new Matrix(IN, OUT);
        final float[] bias = new float[OUT];
        final Matrix denseGrad = new Matrix(IN, OUT);
        final Matrix sparseGrad = new Matrix(IN, OUT);
        final float[] denseBiasGrad = new float[OUT];
        final float[] sparseBiasGrad = new float[OUT];
        final Affine dense;
        final Affine sparse;

        Layers(SplittableRandom random) {
            for (int i = 0; i < weights.data.length; i++) {
                weights.data[i] = (float) random.nextGaussian() * 0.1f;
            }
            for (int j = 0; j < OUT; j++) {
                bias[j] = (float) random.nextGaussian();
            }
            Gemm gemm = Gemm.create();
            dense = new Affine(weights, bias, denseGrad, denseBiasGrad, N, gemm, false, SparseMode.OFF);
            sparse = new Affine(weights, bias, sparseGrad, sparseBiasGrad, N, gemm, false, SparseMode.ON);
        }

        /** Runs both layers forward and backward, asserts equal bits, returns the forward output. */
        float[] compare(Matrix x, Matrix dout) {
            float[] expected = dense.forward(x).data.clone();
            float[] actual = sparse.forward(x).data.clone();
            assertArrayEquals(expected, actual, "forward");
            dense.backward(dout);
            sparse.backward(dout);
            assertArrayEquals(denseGrad.data, sparseGrad.data, "dW");
            assertArrayEquals(denseBiasGrad, sparseBiasGrad, "db");
            return actual;
        }
    }

    private static Matrix batch(SplittableRandom random, double density) {
        Matrix x = new Matrix(N, IN);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = random.nextDouble() < density ? (float) random.nextDouble() : 0f;
        }
        return x;
    }

    private static Matrix dout(SplittableRandom random) {
        Matrix d = new Matrix(N, OUT);
        for (int i = 0; i < d.data.length; i++) {
            d.data[i] = (float) random.nextGaussian();
        }
        return d;
    }
}
