package dev.descent.network.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link NonZeroIndex#adopt} of row lists made elsewhere (here by the obvious scan, the rule the data loader's
 * listing gather follows) gives the index {@link NonZeroIndex#build} makes from x: the same row lists, the same
 * column lists, and products with the dense GEMM's bits; it never copies or rescans, and it refuses lists that do
 * not fit.
 */
class NonZeroIndexAdoptTest {


    /** rowStart (rows + 1), column, value of every entry != 0f of x (rows, cols), listed with a branch. */
    private record Lists(int[] rowStart, int[] column, float[] value) {
    }

    private static Lists scan(float[] x, int rows, int cols) {
        int[] rowStart = new int[rows + 1];
        int[] column = new int[rows * cols];
        float[] value = new float[rows * cols];
        int p = 0;
        for (int r = 0; r < rows; r++) {
            rowStart[r] = p;
            for (int c = 0; c < cols; c++) {
                if (x[r * cols + c] != 0f) {
                    column[p] = c;
                    value[p] = x[r * cols + c];
                    p++;
                }
            }
        }
        rowStart[rows] = p;
        return new Lists(rowStart, column, value);
    }

    private static void assertSameIndex(NonZeroIndex built, NonZeroIndex adopted) {
        assertEquals(built.rows(), adopted.rows());
        assertEquals(built.cols(), adopted.cols());
        assertEquals(built.nonZeros(), adopted.nonZeros());
        assertEquals(built.density(), adopted.density());
        int rows = built.rows();
        int nz = built.nonZeros();
        assertArrayEquals(Arrays.copyOf(built.rowStart, rows + 1), Arrays.copyOf(adopted.rowStart, rows + 1));
        assertArrayEquals(Arrays.copyOf(built.rowColumn, nz), Arrays.copyOf(adopted.rowColumn, nz));
        assertArrayEquals(Arrays.copyOf(built.rowValue, nz), Arrays.copyOf(adopted.rowValue, nz));
        built.buildColumns();
        adopted.buildColumns();
        int cols = built.cols();
        assertArrayEquals(Arrays.copyOf(built.columnStart, cols + 1), Arrays.copyOf(adopted.columnStart, cols + 1));
        assertArrayEquals(Arrays.copyOf(built.columnRow, nz), Arrays.copyOf(adopted.columnRow, nz));
        assertArrayEquals(Arrays.copyOf(built.columnValue, nz), Arrays.copyOf(adopted.columnValue, nz));
    }

    @Test
    void adoptedScanOfAFixtureBatchIsTheBuiltIndexAndGivesTheDenseBits() throws IOException {
        float[] x = SparseGemmTest.fixtureImages(128);   // x is (128, 784)
        Lists lists = scan(x, 128, 784);
        NonZeroIndex adopted = new NonZeroIndex();
        assertEquals(lists.rowStart()[128], adopted.adopt(128, 784, lists.rowStart(), lists.column(), lists.value()));
        NonZeroIndex built = new NonZeroIndex();
        Gemm.create().index(built, x, 0, 128, 784);
        assertTrue(built.density() > 0.1 && built.density() < 0.3, "fixture density " + built.density());
        assertSameIndex(built, adopted);

        SplittableRandom random = new SplittableRandom(3);
        float[] w = new float[784 * 100];    // W1 is (784, 100)
        float[] dout = new float[128 * 100]; // dA1 is (128, 100)
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (0.05 * random.nextGaussian());
        }
        for (int i = 0; i < dout.length; i++) {
            dout[i] = (float) random.nextGaussian();
        }
        SparseGemmTest.assertDenseBits(adopted, x, w, dout, 128, 784, 100);
    }

    @Test
    void nanInfinitiesAndSignedZerosAreTreatedAsBuildTreatsThem() {
        SplittableRandom random = new SplittableRandom(5);
        int rows = 9;
        int cols = 37;
        float[] x = new float[rows * cols];
        float[] specials = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e-45f, -2.5f};
        for (int i = 0; i < x.length; i++) {
            x[i] = specials[random.nextInt(specials.length)];
        }
        Arrays.fill(x, 2 * cols, 3 * cols, 0f);   // an empty row
        Arrays.fill(x, 5 * cols, 6 * cols, 1f);   // a full row
        Lists lists = scan(x, rows, cols);
        NonZeroIndex adopted = new NonZeroIndex();
        adopted.adopt(rows, cols, lists.rowStart(), lists.column(), lists.value());
        NonZeroIndex built = new NonZeroIndex();
        built.build(x, 0, rows, cols);
        assertSameIndex(built, adopted);
    }

    @Test
    void buildAfterAdoptLeavesTheCallersListsAlone() throws IOException {
        float[] x = SparseGemmTest.fixtureImages(16);
        Lists lists = scan(x, 16, 784);
        int[] rowStart = lists.rowStart().clone();
        int[] column = lists.column().clone();
        float[] value = lists.value().clone();
        NonZeroIndex index = new NonZeroIndex();
        index.adopt(16, 784, lists.rowStart(), lists.column(), lists.value());
        float[] other = new float[16 * 784];
        Arrays.fill(other, 0.5f);
        index.build(other, 0, 16, 784);
        assertEquals(16 * 784, index.nonZeros());
        assertArrayEquals(rowStart, lists.rowStart());
        assertArrayEquals(column, lists.column());
        assertArrayEquals(value, lists.value());
    }

    @Test
    void listsThatDoNotFitAreRefusedWithTheirSizes() {
        NonZeroIndex index = new NonZeroIndex();
        IllegalArgumentException starts = assertThrows(IllegalArgumentException.class,
                () -> index.adopt(4, 10, new int[4], new int[40], new float[40]));
        assertTrue(starts.getMessage().contains("rowStart holds 4 ints"), starts.getMessage());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> index.adopt(2, 3, new int[] {0, 3, 7}, new int[10], new float[10]));
        assertTrue(tooMany.getMessage().contains("at most 6 entries"), tooMany.getMessage());
        IllegalArgumentException notFromZero = assertThrows(IllegalArgumentException.class,
                () -> index.adopt(2, 3, new int[] {1, 2, 3}, new int[6], new float[6]));
        assertTrue(notFromZero.getMessage().contains("start at 0"), notFromZero.getMessage());
        IllegalArgumentException shortValues = assertThrows(IllegalArgumentException.class,
                () -> index.adopt(2, 3, new int[] {0, 2, 5}, new int[5], new float[4]));
        assertTrue(shortValues.getMessage().contains("value 4 floats"), shortValues.getMessage());
        assertThrows(IllegalArgumentException.class, () -> index.adopt(-1, 3, new int[1], new int[0], new float[0]));
        assertThrows(IllegalArgumentException.class, () -> index.adopt(1, 3, new int[2], null, new float[0]));
    }
}
