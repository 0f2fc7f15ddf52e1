package dev.descent.network.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The active {@link SparseKernel#gatherRows}, which walks two output rows at once when a row is seven vectors wide,
 * against the scalar fma loop ({@link ScalarSparse}, one row and one output at a time), bit for bit
 * ({@code assertArrayEquals} on floats compares {@code floatToIntBits}).
 * The lists pair empty, one-entry, long and full rows in both orders, an odd last row is left alone, and values
 * and b hold NaN and infinities. Widths: seven vectors at 16 lanes (97, 100, 112) and at 8 lanes (49, 56), and
 * widths below, at and across the vector length and wider than eight vectors. Skipped where no vector path is
 * active (the pom's scalar executions).
 */
class SparseRowPairsTest {

    private static final int K = 40;   // rows of b: the column range of the lists
    // Entries per list: each pair (0-1, 2-3, ...) is unequal one way or the other or empty; 13 lists, the last alone.
    private static final int[] LENGTHS = {0, 1, K, 5, 0, 0, K, 1, 3, 17, 2, K - 1, 7};

    @ParameterizedTest(name = "n={0}")
    @ValueSource(ints = {100, 97, 112, 96, 113, 49, 56, 16, 17, 8, 1, 32, 200})
    void pairsOfRowsGiveTheScalarLoopsBits(int n) {
        assumeTrue(KernelPath.vectorActive(), "the pairs are on the vector path only: " + KernelPath.describe());
        SplittableRandom random = new SplittableRandom(1000L + n);
        float[] b = values(random, K * n);   // b is (K, n)
        b[3 * n + n - 1] = Float.POSITIVE_INFINITY;   // the last column: reached by the moved-back last vector
        b[11 * n] = Float.NaN;
        for (int lists : new int[] {LENGTHS.length, LENGTHS.length - 1, 1, 2}) {   // odd and even counts
            int[] start = new int[lists + 1];
            for (int r = 0; r < lists; r++) {
                start[r + 1] = start[r] + LENGTHS[r];
            }
            int[] index = new int[start[lists]];
            float[] value = values(random, start[lists]);
            for (int r = 0; r < lists; r++) {
                int[] columns = ascendingSubset(random, LENGTHS[r]);
                System.arraycopy(columns, 0, index, start[r], columns.length);
            }
            if (lists > 9) {
                value[start[9] + 4] = Float.NaN;                 // inside a long row paired with a short one
                value[start[8]] = Float.NEGATIVE_INFINITY;       // the short one of that pair
            }
            float[] expected = new float[lists * n];
            float[] actual = new float[lists * n];
            Arrays.fill(actual, 12345f);   // every element must be written, the empty rows' too
            new ScalarSparse().gatherRows(start, index, value, lists, b, expected, n);
            KernelPath.newSparseKernel().gatherRows(start, index, value, lists, b, actual, n);
            assertArrayEquals(expected, actual, "n " + n + ", lists " + lists);
        }
    }

    /** count distinct columns of [0, K) in ascending order. */
    private static int[] ascendingSubset(SplittableRandom random, int count) {
        int[] all = new int[K];
        for (int i = 0; i < K; i++) {
            all[i] = i;
        }
        for (int i = 0; i < count; i++) {   // the first count of a partial shuffle
            int j = i + random.nextInt(K - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] subset = Arrays.copyOf(all, count);
        Arrays.sort(subset);
        return subset;
    }

    /** Non-zero values in (-1, 1) of mixed signs and magnitudes, so a changed order of fmas changes bits. */
    private static float[] values(SplittableRandom random, int length) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            float v = (float) (random.nextDouble() * 2 - 1);
            x[i] = v == 0f ? 0.5f : v;
        }
        return x;
    }
}
