package dev.descent.network.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The element-wise kernels of the active path (vector or scalar, whichever this JVM runs; the build runs this
 * test on each) against the scalar reference loops, bit for bit: widths and lengths below, at and around the
 * vector length and the book's 100 and 10, values that include NaN, ±∞, ±0 and subnormals, and the aliasing the
 * layers use.
 * A NaN must stay a NaN, but which NaN (sign and payload) is not compared: where two NaNs meet, x86 returns one
 * operand's and C2 may swap the operands of an add, as with the GEMM's tests ({@code floatToIntBits}).
 */
class ElementWisePathsTest {

    private static final int[] LENGTHS = {1, 3, 7, 8, 10, 15, 16, 17, 31, 32, 33, 64, 100, 129};
    private static final float[] SPECIAL = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
        Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, 1e-30f};

    /** Gaussian values with a sprinkling of the special ones. */
    private static float[] values(Random random, int length) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = random.nextInt(8) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : (float) random.nextGaussian();
        }
        return x;
    }

    private static void assertSameBits(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(actual[i]),
                    what + " at " + i + ": expected " + expected[i] + ", got " + actual[i]);
        }
    }

    @Test
    void addRowVectorGivesTheScalarLoopsBits() {
        Random random = new Random(1);
        for (int cols : LENGTHS) {
            for (int rows : new int[] {1, 5, 128}) {
                float[] x = values(random, rows * cols + 3);   // longer than needed: the rest must stay
                float[] b = values(random, cols);
                float[] expected = x.clone();
                ElementWise.scalarAddRowVector(expected, b, rows, cols, 0);
                ElementWise.addRowVector(x, b, rows, cols);
                assertSameBits(expected, x, "addRowVector " + rows + "x" + cols);
            }
        }
    }

    @Test
    void columnSumsGiveTheScalarLoopsBits() {
        Random random = new Random(2);
        for (int cols : LENGTHS) {
            for (int rows : new int[] {1, 5, 128}) {
                float[] x = values(random, rows * cols);
                float[] expected = values(random, cols + 2);   // overwritten up to cols, the rest must stay
                float[] sums = expected.clone();
                ElementWise.scalarColumnSums(x, expected, rows, cols, 0);
                ElementWise.columnSums(x, sums, rows, cols);
                assertSameBits(expected, sums, "columnSums " + rows + "x" + cols);
            }
        }
    }

    @Test
    void columnSumsAddTheRowsInOrder() {
        // Rows 1e8, 1, -1e8: in row order the 1 is lost in 1e8 + 1 and the sum is 0; any other order gives 1.
        float[] x = {1e8f, 1f, -1e8f};
        float[] wide = new float[3 * 33];   // (3, 33): two whole 16-lane vectors and a scalar column
        for (int i = 0; i < 3; i++) {
            java.util.Arrays.fill(wide, i * 33, i * 33 + 33, x[i]);
        }
        float[] sums = new float[33];
        ElementWise.columnSums(wide, sums, 3, 33);
        for (float sum : sums) {
            assertEquals(0f, sum);
        }
    }

    @Test
    void reluBackwardGivesTheScalarLoopsBitsAlsoInPlace() {
        Random random = new Random(3);
        for (int length : LENGTHS) {
            float[] out = new float[length * 7];
            ElementWise.relu(values(random, out.length), out, out.length);
            for (int i = 0; i < out.length; i += 5) {
                out[i] = SPECIAL[i % SPECIAL.length];   // the mask itself may be NaN, ±0 or ±∞
            }
            float[] dout = values(random, out.length);
            float[] expected = new float[out.length];
            ElementWise.scalarReluBackward(out, dout, expected, 0, out.length);
            float[] dx = new float[out.length];
            ElementWise.reluBackward(out, dout, dx, out.length);
            assertSameBits(expected, dx, "reluBackward " + out.length);
            ElementWise.reluBackward(out, dout, dout, out.length);   // dx = dout, as the ReLU layer calls it
            assertSameBits(expected, dout, "reluBackward in place " + out.length);
        }
    }

    @Test
    void allFiniteFindsEveryNonFiniteValueAndOnlyThose() {
        Random random = new Random(4);
        for (int length = 0; length <= 200; length++) {
            float[] x = new float[length];
            for (int i = 0; i < length; i++) {
                x[i] = (float) random.nextGaussian() * (i % 3 == 0 ? Float.MAX_VALUE : 1f);
            }
            boolean finite = ElementWise.scalarAllFinite(x, 0, length);
            assertEquals(finite, ElementWise.allFinite(x, length), "length " + length);
            if (!finite) {
                continue;
            }
            for (int at = 0; at < length; at++) {
                for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
                    float kept = x[at];
                    x[at] = bad;
                    assertFalse(ElementWise.allFinite(x, length), bad + " at " + at + " of " + length);
                    x[at] = kept;
                }
            }
            assertTrue(ElementWise.allFinite(x, length), "length " + length);
        }
    }

    @Test
    void allFiniteOnLongArraysFindsEachNonFiniteValue() {
        for (int length : new int[] {1, 7, 16, 33, 64, 100, 129, 1000}) {
            Random random = new Random(length);
            float[] x = new float[length];
            for (int i = 0; i < length; i++) {
                x[i] = (float) random.nextGaussian();
            }
            assertTrue(ElementWise.allFinite(x, length), "length " + length);
            for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
                // one position in each of the vector kernel's four interleaved sums, its one-vector tail and its
                // scalar tail
                for (int at : new int[] {0, 17, 33, 49, length / 2, length - 20, length - 1}) {
                    if (at < 0 || at >= length) {
                        continue;
                    }
                    float[] y = x.clone();
                    y[at] = bad;
                    assertFalse(ElementWise.allFinite(y, length), bad + " at " + at + " of " + length);
                }
            }
            x[length - 1] = Float.MAX_VALUE;
            assertTrue(ElementWise.allFinite(x, length), "MAX_VALUE is finite");
        }
    }
}
