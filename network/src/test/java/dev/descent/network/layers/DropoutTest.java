package dev.descent.network.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.network.matrix.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Dropout: the masks are exactly "u &gt; ratio" for the generator's stream in row-major order, evaluation
 * scales by 1 − ratio, backward lets through what the mask kept, and the kept fraction is 1 − ratio.
 */
class DropoutTest {

    private static Matrix ramp(int rows, int cols) {
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < m.data.length; i++) {
            m.data[i] = i * 0.25f - 3;
        }
        return m;
    }

    @Test
    void masksFollowTheGeneratorStreamAndBackwardUsesThem() {
        Dropout dropout = new Dropout(0.3, new SplittableRandom(11), 4, 5);
        Matrix x = ramp(4, 5);
        Matrix out = dropout.forward(x, Mode.TRAIN);
        Matrix dout = ramp(4, 5);
        Matrix dx = dropout.backward(dout);
        SplittableRandom expected = new SplittableRandom(11);
        int kept = 0;
        for (int i = 0; i < 20; i++) {
            boolean keep = expected.nextDouble() > 0.3;   // the book's rand > dropout_ratio
            kept += keep ? 1 : 0;
            assertEquals(keep, dropout.kept(i), "mask[" + i + "]");
            assertEquals(keep ? x.data[i] : 0f, out.data[i], 0, "out[" + i + "]");
            assertEquals(keep ? dout.data[i] : 0f, dx.data[i], 0, "dx[" + i + "]");
        }
        assertTrue(kept > 0 && kept < 20, "the set-up should keep some units and drop some, kept " + kept);
    }

    @Test
    void layersSharingAGeneratorTakeConsecutiveDraws() {
        SplittableRandom shared = new SplittableRandom(3);
        Dropout first = new Dropout(0.5, shared, 2, 3);
        Dropout second = new Dropout(0.5, shared, 2, 3);
        first.forward(ramp(2, 3), Mode.TRAIN);
        second.forward(ramp(2, 3), Mode.TRAIN);
        SplittableRandom expected = new SplittableRandom(3);
        for (int i = 0; i < 6; i++) {
            assertEquals(expected.nextDouble() > 0.5, first.kept(i), "first[" + i + "]");
        }
        for (int i = 0; i < 6; i++) {
            assertEquals(expected.nextDouble() > 0.5, second.kept(i), "second[" + i + "]");
        }
    }

    @Test
    void evaluationScalesByTheKeepProbabilityAndDrawsNothing() {
        SplittableRandom random = new SplittableRandom(5);
        Dropout dropout = new Dropout(0.2, random, 3, 4);
        Matrix x = ramp(3, 4);
        Matrix out = dropout.forward(x, Mode.EVALUATION);
        for (int i = 0; i < x.data.length; i++) {
            assertEquals(x.data[i] * 0.8f, out.data[i], 0, "out[" + i + "]");
        }
        assertEquals(new SplittableRandom(5).nextLong(), random.nextLong(), "evaluation must not draw numbers");
        assertThrows(IllegalStateException.class, () -> dropout.backward(x), "no backward after evaluation");
    }

    @Test
    void keptFractionIsOneMinusTheRatio() {
        Dropout dropout = new Dropout(0.2, new SplittableRandom(8), 200, 500);
        dropout.forward(new Matrix(200, 500), Mode.TRAIN);
        int kept = 0;
        for (int i = 0; i < 100_000; i++) {
            kept += dropout.kept(i) ? 1 : 0;
        }
        // Binomial(100000, 0.8): std = √(100000 · 0.8 · 0.2) ≈ 126, so ±630 is five std.
        assertEquals(80_000, kept, 630);
    }

    @Test
    void badRatiosAreRejectedWithTheValue() {
        for (double ratio : new double[] {-0.1, 1, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Dropout(ratio, new SplittableRandom(1), 2, 2));
            assertTrue(e.getMessage().contains(Double.toString(ratio)) && e.getMessage().contains("[0, 1)"),
                    e.getMessage());
        }
    }
}
