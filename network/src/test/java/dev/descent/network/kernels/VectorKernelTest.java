package dev.descent.network.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The vector GEMM kernel of this CPU's preferred species, created directly, against the naive fma loop bit for bit.
 * The other GEMM tests go through {@link Gemm#create()}, which falls back to the scalar path when the start-up
 * self-check finds a vector kernel wrong: they would pass on the fallback while the vector kernel is broken. Here a
 * wrong vector kernel fails.
 *
 * <p>Runs only in the default test execution (no {@code descent.kernels} property: the executions that force a path
 * must keep one species per JVM) with the vector module present and a preferred species of 256 or 512 bits.
 */
class VectorKernelTest {

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4} accumulate={5}")
    @CsvSource({
        // n = 100: three 32-wide panels, the last one joined by the 4 columns left in a 48-wide one (8×48 tile) from
        // 4 M multiply-adds, else a 16-wide panel of its own (8×16 tile); k in blocks of at most 400
        "128, 100, 784, false, false, false",
        "128, 100, 100, false, false, false",
        "128, 100, 128, true, false, false",
        "784, 100, 128, true, false, false",
        "13, 100, 401, false, false, true",
        "131, 100, 784, true, false, true",
        // n a multiple of 32: 32-wide panels only; rows left after the 8-row tiles take the 4-row tile and rows
        "40, 64, 30, false, false, false",
        "17, 128, 803, false, false, true",
        "9, 32, 7, true, false, false",
        // a partial 32-wide panel through the edge tile, a transposed B packed by transposing, a single element
        "21, 20, 50, false, false, false",
        "128, 100, 100, false, true, false",
        "35, 70, 90, true, true, true",
        "1, 100, 1, false, false, false"})
    void matchesTheNaiveLoopBitForBit(int m, int n, int k, boolean transA, boolean transB, boolean accumulate) {
        GemmKernel kernel = preferredVectorKernel();
        SplittableRandom random = new SplittableRandom(100_003L * m + 101L * n + k);
        assertSameBits(kernel, random, m, n, k, transA, transB, accumulate);
    }

    @Test
    void randomShapesMatchTheNaiveLoopBitForBit() {
        GemmKernel kernel = preferredVectorKernel();
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 60; trial++) {
            int m = 1 + random.nextInt(40);
            int n = 1 + random.nextInt(140);
            int k = 1 + random.nextInt(120);
            assertSameBits(kernel, random, m, n, k, random.nextBoolean(), random.nextBoolean(), random.nextBoolean());
        }
    }

    private static void assertSameBits(GemmKernel kernel, SplittableRandom random, int m, int n, int k,
                                       boolean transA, boolean transB, boolean accumulate) {
        float[] a = randomArray(random, m * k);   // (m, k), or (k, m) when transA
        float[] b = randomArray(random, k * n);   // (k, n), or (n, k) when transB
        float[] expected = randomArray(random, m * n);   // (m, n)
        float[] actual = expected.clone();
        NaiveGemm.multiply(transA, transB, a, b, expected, m, n, k, accumulate);
        kernel.multiply(transA, transB, a, b, actual, m, n, k, accumulate);
        assertArrayEquals(expected, actual, kernel.description() + " differs from the naive fma loop for m=" + m
                + " n=" + n + " k=" + k + " transA=" + transA + " transB=" + transB + " accumulate=" + accumulate);
    }

    /** The vector kernel this JVM would choose, created without the self-check; skips where there is none. */
    private static GemmKernel preferredVectorKernel() {
        assumeTrue(System.getProperty(KernelPath.PROPERTY) == null,
                "a test execution that forces a path keeps to that path's species");
        assumeTrue(ModuleLayer.boot().findModule(KernelPath.VECTOR_MODULE).isPresent(),
                "the vector module is not in this JVM");
        int bits = VectorProbe.preferredBits();
        assumeTrue(bits == 512 || bits == 256, "no 256- or 512-bit vectors preferred here (" + bits + " bits)");
        return bits == 512 ? new VectorGemm512() : new VectorGemm256();
    }

    private static float[] randomArray(SplittableRandom random, int length) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return x;
    }
}
