package dev.descent.network.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Shapes past the 512-bit kernel's blocks: k over several packing blocks (at most 400 rows each), more than 128
 * rows of C, and products large enough for the 8×48 tile (4 M multiply-adds), in every form (both operands
 * transposed through the kernel itself), against the naive fma loop bit for bit. On another path the same shapes
 * check that path once more.
 */
class GemmRowBlocksTest {

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4} accumulate={5}")
    @CsvSource({
        "129, 100, 20, false, false, false",
        "300, 47, 530, false, false, true",
        "261, 65, 257, false, true, false",
        "136, 33, 300, true, false, true",
        "255, 17, 9, true, true, false",
        "384, 100, 784, false, false, false",
        "131, 100, 784, false, false, true",
        "784, 100, 128, true, false, false",
        "141, 44, 1203, true, true, true",
        "203, 48, 500, false, false, true",
        "200, 80, 300, true, false, false"})
    void matchesTheNaiveLoopBitForBit(int m, int n, int k, boolean transA, boolean transB, boolean accumulate) {
        SplittableRandom random = new SplittableRandom(1000L * m + 10L * n + k);
        float[] a = randomArray(random, m * k);   // (m, k), or (k, m) when transA
        float[] b = randomArray(random, k * n);   // (k, n), or (n, k) when transB
        float[] expected = randomArray(random, m * n);   // (m, n)
        float[] actual = expected.clone();
        NaiveGemm.multiply(transA, transB, a, b, expected, m, n, k, accumulate);
        Gemm gemm = Gemm.create();
        if (transA) {
            if (transB) {
                // No public form multiplies two transposed operands; the kernel does.
                KernelPath.newKernel().multiply(true, true, a, b, actual, m, n, k, accumulate);
            } else {
                gemm.atb(a, b, actual, m, n, k, accumulate);
            }
        } else if (transB) {
            gemm.abt(a, b, actual, m, n, k, accumulate);
        } else {
            gemm.ab(a, b, actual, m, n, k, accumulate);
        }
        assertArrayEquals(expected, actual, gemm.path() + ": differs from the naive fma loop");
    }

    private static float[] randomArray(SplittableRandom random, int length) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return x;
    }
}
