package dev.descent.network.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The element-wise kernels on small hand-worked cases. */
class ElementWiseTest {

    @Test
    void addRowVectorAddsTheBiasToEveryRow() {
        float[] x = {1, 2, 3, 4, 5, 6};   // (2, 3)
        ElementWise.addRowVector(x, new float[] {10, 20, 30}, 2, 3);
        assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, x);
    }

    @Test
    void columnSumsSumEachColumnAndOverwrite() {
        float[] x = {1, 2, 3, 4, 5, 6};   // (3, 2)
        float[] sums = {99, 99};
        ElementWise.columnSums(x, sums, 3, 2);
        assertArrayEquals(new float[] {1 + 3 + 5, 2 + 4 + 6}, sums);
    }

    @Test
    void reluZeroesNonPositivesAndKeepsNaN() {
        float[] x = {-2f, -0f, 0f, 0.5f, Float.NaN, 3f};
        float[] out = new float[6];
        ElementWise.relu(x, out, 6);
        assertArrayEquals(new float[] {0f, 0f, 0f, 0.5f, Float.NaN, 3f}, out);
    }

    @Test
    void reluBackwardPassesGradientOnlyWhereOutputWasPositive() {
        float[] out = {0f, 0.5f, 0f, 3f};
        float[] dout = {1f, 2f, 3f, 4f};
        float[] dx = new float[4];
        ElementWise.reluBackward(out, dout, dx, 4);
        assertArrayEquals(new float[] {0f, 2f, 0f, 4f}, dx);
    }
}
