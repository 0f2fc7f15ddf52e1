package dev.descent.network.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The zero-skipping products {@link Gemm#sparseAb} and {@link Gemm#sparseAtb} against the dense GEMM and the
 * naive fma loop, bit for bit ({@code assertArrayEquals} on floats compares {@code floatToIntBits}, so even a
 * zero's sign counts): on real MNIST images from the committed fixture, on random inputs of several densities
 * (including fully dense ones), and on widths below, at and across the vector length. The pom runs this class
 * again on the scalar and 256-bit paths.
 */
class SparseGemmTest {

    private static final Path FIXTURE_IMAGES = Path.of("..", "mnist-data", "fixture", "train-images-idx3-ubyte.gz");

    @Test
    void mnistBatchGivesTheDenseBits() throws IOException {
        float[] x = fixtureImages(128);   // x is (128, 784), about 81 % zeros
        SplittableRandom random = new SplittableRandom(7);
        float[] w = gaussian(random, 784 * 100);      // W1 is (784, 100), He-like scale
        float[] dout = gaussian(random, 128 * 100);   // dA1 is (128, 100)
        NonZeroIndex index = new NonZeroIndex();
        index.build(x, 0, 128, 784);
        assertTrue(index.density() > 0.1 && index.density() < 0.3, "fixture density " + index.density());
        for (Gemm gemm : new Gemm[] {Gemm.create(), Gemm.scalar()}) {
            assertSameAsDense(gemm, index, x, w, dout, 128, 784, 100);
        }
    }

    @Test
    void mnistRowsAtAnOffsetGiveTheDenseBitsOfThoseRows() throws IOException {
        float[] all = fixtureImages(300);   // (300, 784)
        float[] rows = java.util.Arrays.copyOfRange(all, 170 * 784, 300 * 784);   // rows 170..299
        float[] w = gaussian(new SplittableRandom(8), 784 * 100);
        NonZeroIndex index = new NonZeroIndex();
        index.build(all, 170, 130, 784);
        Gemm gemm = Gemm.create();
        float[] expected = new float[130 * 100];
        float[] actual = new float[130 * 100];
        gemm.ab(rows, w, expected, 130, 100, 784, false);
        gemm.sparseAb(index, w, actual, 100);
        assertArrayEquals(expected, actual);
    }

    @ParameterizedTest(name = "rows={0} cols={1} n={2} density={3}")
    @CsvSource({
        "128, 784, 100, 0.19", "128, 784, 100, 1.0", "128, 784, 100, 0.5", "128, 784, 100, 0.0",
        "1, 1, 1, 1.0", "3, 5, 7, 0.5", "9, 20, 15, 0.3", "9, 20, 16, 0.3", "9, 20, 17, 0.3", "31, 40, 32, 0.6",
        "17, 13, 33, 0.7", "5, 64, 48, 1.0", "40, 70, 64, 0.2", "12, 30, 65, 0.4", "7, 9, 130, 0.9",
        "33, 10, 200, 0.1", "5, 9, 53, 0.5"})
    void randomInputsGiveTheDenseAndNaiveBits(int rows, int cols, int n, double density) {
        SplittableRandom random = new SplittableRandom(31L * rows + 7L * cols + n);
        float[] x = new float[rows * cols];   // x is (rows, cols)
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() < density ? (float) (random.nextDouble() * 2 - 1) : 0f;
        }
        float[] w = gaussian(random, cols * n);
        float[] dout = gaussian(random, rows * n);
        NonZeroIndex index = new NonZeroIndex();
        index.build(x, 0, rows, cols);
        for (Gemm gemm : new Gemm[] {Gemm.create(), Gemm.scalar()}) {
            assertSameAsDense(gemm, index, x, w, dout, rows, cols, n);
        }
        float[] naive = new float[rows * n];
        NaiveGemm.multiply(false, false, x, w, naive, rows, n, cols, false);
        float[] sparse = new float[rows * n];
        Gemm.create().sparseAb(index, w, sparse, n);
        assertArrayEquals(naive, sparse, "forward against the naive loop");
    }

    @ParameterizedTest(name = "rows={0} cols={1}")
    @CsvSource({"1, 1", "3, 15", "4, 16", "5, 17", "7, 33", "128, 784", "2, 100"})
    void kernelIndexListsWhatTheScalarBuildLists(int rows, int cols) {
        // Stretches of zeros, ±0, NaN and ±∞ at every position relative to the vector length.
        SplittableRandom random = new SplittableRandom(97L * rows + cols);
        float[] special = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e-45f, -2f};
        float[] x = new float[(rows + 1) * cols];   // (rows + 1, cols): row 0 is left out, so rows sit at an offset
        for (int i = 0; i < x.length; i++) {
            double u = random.nextDouble();
            x[i] = u < 0.6 ? 0f : u < 0.8 ? special[random.nextInt(special.length)] : (float) random.nextDouble();
        }
        java.util.Arrays.fill(x, cols, Math.min(x.length, cols + 40), 0f);   // a long zero stretch
        NonZeroIndex expected = new NonZeroIndex();
        int count = expected.build(x, 1, rows, cols);
        for (Gemm gemm : new Gemm[] {Gemm.create(), Gemm.scalar()}) {
            NonZeroIndex actual = new NonZeroIndex();
            assertEquals(count, gemm.index(actual, x, 1, rows, cols), gemm.path());
            assertArrayEquals(java.util.Arrays.copyOf(expected.rowStart, rows + 1),
                    java.util.Arrays.copyOf(actual.rowStart, rows + 1), gemm.path());
            assertArrayEquals(java.util.Arrays.copyOf(expected.rowColumn, count),
                    java.util.Arrays.copyOf(actual.rowColumn, count), gemm.path());
            assertArrayEquals(java.util.Arrays.copyOf(expected.rowValue, count),
                    java.util.Arrays.copyOf(actual.rowValue, count), gemm.path());
        }
    }

    @Test
    void negativeZeroInputsAreSkippedWithoutChangingABit() {
        // -0·w adds ∓0 to a chain that starts at +0; the sum keeps every bit, so -0 may be skipped like +0.
        float[] x = {-0f, 0.5f, -0f, 0f, -0f, -2f};   // (2, 3)
        float[] w = {1f, -1f, -3f, 2f, 0.25f, -0.5f};   // (3, 2)
        NonZeroIndex index = new NonZeroIndex();
        assertEquals(2, index.build(x, 0, 2, 3));
        float[] dout = {-1f, 1f, 0.5f, 3f};   // (2, 2)
        assertSameAsDense(Gemm.create(), index, x, w, dout, 2, 3, 2);
    }

    @Test
    void indexListsRowsAndColumnsInAscendingOrder() {
        float[] x = {   // (3, 4)
            0f, 2f, 0f, 3f,
            0f, 0f, 0f, 0f,
            5f, 7f, 0f, Float.NaN};
        NonZeroIndex index = new NonZeroIndex();
        assertEquals(5, index.build(x, 0, 3, 4));
        assertArrayEquals(new int[] {0, 2, 2, 5}, java.util.Arrays.copyOf(index.rowStart, 4));
        assertArrayEquals(new int[] {1, 3, 0, 1, 3}, java.util.Arrays.copyOf(index.rowColumn, 5));
        assertArrayEquals(new float[] {2f, 3f, 5f, 7f, Float.NaN}, java.util.Arrays.copyOf(index.rowValue, 5));
        index.buildColumns();
        assertArrayEquals(new int[] {0, 1, 3, 3, 5}, java.util.Arrays.copyOf(index.columnStart, 5));
        assertArrayEquals(new int[] {2, 0, 2, 0, 2}, java.util.Arrays.copyOf(index.columnRow, 5));
        assertArrayEquals(new float[] {5f, 2f, 7f, 3f, Float.NaN}, java.util.Arrays.copyOf(index.columnValue, 5));
        assertEquals(5 / 12.0, index.density());
    }

    @Test
    void aReusedIndexForgetsTheLastBatch() {
        NonZeroIndex index = new NonZeroIndex();
        SplittableRandom random = new SplittableRandom(3);
        float[] big = new float[50 * 30];
        for (int i = 0; i < big.length; i++) {
            big[i] = random.nextBoolean() ? 1f + i : 0f;
        }
        index.build(big, 0, 50, 30);
        index.buildColumns();
        float[] small = {0f, 4f, 0f, 0f, 0f, 6f};   // (2, 3)
        assertEquals(2, index.build(small, 0, 2, 3));
        float[] w = {1f, 2f, 3f, 4f, 5f, 6f};   // (3, 2)
        float[] dout = {1f, -1f, 2f, 0.5f};     // (2, 2)
        assertSameAsDense(Gemm.create(), index, small, w, dout, 2, 3, 2);
    }

    /** Forward c = x·w and gradient dW = xᵀ·dout, sparse against dense, bit for bit. */
    private static void assertSameAsDense(Gemm gemm, NonZeroIndex index, float[] x, float[] w, float[] dout,
                                          int rows, int cols, int n) {
        float[] dense = new float[rows * n];
        float[] sparse = new float[rows * n];
        java.util.Arrays.fill(sparse, Float.NaN);   // every element must be written
        gemm.ab(x, w, dense, rows, n, cols, false);
        gemm.sparseAb(index, w, sparse, n);
        assertArrayEquals(dense, sparse, gemm.path() + ": x·W differs from the dense GEMM");
        float[] denseGrad = new float[cols * n];
        float[] sparseGrad = new float[cols * n];
        java.util.Arrays.fill(sparseGrad, Float.NaN);
        gemm.atb(x, dout, denseGrad, cols, n, rows, false);
        gemm.sparseAtb(index, dout, sparseGrad, n);
        assertArrayEquals(denseGrad, sparseGrad, gemm.path() + ": xᵀ·dout differs from the dense GEMM");
    }

    /** The first {@code count} fixture images scaled as the data sets do, pixel / 255f; (count, 784). */
    static float[] fixtureImages(int count) throws IOException {
        assertTrue(Files.exists(FIXTURE_IMAGES), "missing " + FIXTURE_IMAGES.toAbsolutePath());
        try (InputStream file = Files.newInputStream(FIXTURE_IMAGES);
             DataInputStream in = new DataInputStream(new GZIPInputStream(file))) {
            assertEquals(0x00000803, in.readInt(), "IDX magic of an unsigned-byte 3-d array");
            int images = in.readInt();
            assertEquals(784, in.readInt() * in.readInt());
            assertTrue(images >= count);
            byte[] pixels = new byte[count * 784];
            in.readFully(pixels);
            float[] x = new float[pixels.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = (pixels[i] & 0xFF) / 255f;
            }
            return x;
        }
    }

    private static float[] gaussian(SplittableRandom random, int length) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            double u1 = 1 - random.nextDouble();
            x[i] = (float) (0.05 * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random.nextDouble()));
        }
        return x;
    }

    /**
     * x·W and xᵀ·dout through {@code index} (an index of x) have the bits of the dense GEMM's products, on the vector
     * and on the scalar kernels.
     *
     * @param x    x is (rows, k)
     * @param w    W is (k, n)
     * @param dout dout is (rows, n)
     */
    static void assertDenseBits(NonZeroIndex index, float[] x, float[] w, float[] dout, int rows, int k, int n) {
        for (Gemm gemm : new Gemm[] {Gemm.create(), Gemm.scalar()}) {
            float[] dense = new float[rows * n];
            float[] sparse = new float[rows * n];
            gemm.ab(x, w, dense, rows, n, k, false);
            gemm.sparseAb(index, w, sparse, n);
            assertArrayEquals(dense, sparse, gemm.path() + ": x·W");
            float[] denseGrad = new float[k * n];
            float[] sparseGrad = new float[k * n];
            gemm.atb(x, dout, denseGrad, k, n, rows, false);
            gemm.sparseAtb(index, dout, sparseGrad, n);
            assertArrayEquals(denseGrad, sparseGrad, gemm.path() + ": xᵀ·dout");
        }
    }
}
