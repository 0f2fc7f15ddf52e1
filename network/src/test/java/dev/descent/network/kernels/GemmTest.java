package dev.descent.network.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The GEMM paths against the naive triple loop (bit for bit) and against Commons Math in double (within
 * the rounding-error bound of a float dot product). Runs on the JVM's active path and on the scalar path;
 * the pom runs this class again with the path forced to scalar and to the 256-bit kernel, and once
 * without the Vector API module.
 */
class GemmTest {

    private static final float[] EMPTY = new float[0];

    enum Form { AB, ATB, ABT }

    static Stream<Arguments> shapes() {
        List<int[]> mnk = new ArrayList<>(List.of(
                new int[] {1, 1, 1}, new int[] {1, 17, 3}, new int[] {5, 1, 9}, new int[] {7, 9, 1},
                new int[] {3, 5, 7}, new int[] {4, 32, 16}, new int[] {6, 16, 8}, new int[] {8, 33, 31},
                new int[] {13, 47, 70}, new int[] {25, 100, 10}, new int[] {10, 10, 100},
                new int[] {17, 65, 300},
                new int[] {9, 31, 513},    // k spans two packing blocks
                new int[] {3, 36, 801},    // and three
                new int[] {16, 48, 20},    // 16 columns left after the 32-wide panels, all written in place
                new int[] {11, 80, 5},     // the same, with rows left after the 8-row blocks
                new int[] {128, 100, 64}));
        SplittableRandom random = new SplittableRandom(20240601);
        for (int i = 0; i < 16; i++) {
            mnk.add(new int[] {1 + random.nextInt(40), 1 + random.nextInt(70), 1 + random.nextInt(90)});
        }
        List<Arguments> cases = new ArrayList<>();
        for (int[] s : mnk) {
            for (Form form : Form.values()) {
                for (boolean accumulate : new boolean[] {false, true}) {
                    cases.add(Arguments.of(s[0], s[1], s[2], form, accumulate));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} {3} accumulate={4}")
    @MethodSource("shapes")
    void activePathMatchesNaiveLoopBitForBit(int m, int n, int k, Form form, boolean accumulate) {
        checkAgainstReferences(Gemm.create(), m, n, k, form, accumulate);
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} {3} accumulate={4}")
    @MethodSource("shapes")
    void scalarPathMatchesNaiveLoopBitForBit(int m, int n, int k, Form form, boolean accumulate) {
        checkAgainstReferences(Gemm.scalar(), m, n, k, form, accumulate);
    }

    @Test
    void oneInstanceReusedAcrossShapesStaysCorrect() {
        // The packing buffers grow and are reused; a large shape followed by a small one must not leak
        // stale panel data into the small one's zero padding.
        Gemm gemm = Gemm.create();
        checkAgainstReferences(gemm, 40, 90, 300, Form.ABT, false);
        checkAgainstReferences(gemm, 3, 5, 7, Form.AB, false);
        checkAgainstReferences(gemm, 9, 37, 260, Form.ATB, true);
        checkAgainstReferences(gemm, 2, 3, 1, Form.ABT, true);
    }

    @Test
    void zeroInnerDimensionGivesZeroOrKeepsC() {
        Gemm gemm = Gemm.create();
        float[] c = {1f, 2f, 3f, 4f, 5f, 6f};
        gemm.ab(EMPTY, EMPTY, c, 2, 3, 0, true);
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f, 5f, 6f}, c);
        gemm.ab(EMPTY, EMPTY, c, 2, 3, 0, false);
        assertArrayEquals(new float[6], c);
    }

    @Test
    void handComputedProducts() {
        // [1 2; 3 4]·[5 6; 7 8] = [19 22; 43 50]; aᵀ·b with a = [1 3; 2 4] is the same product;
        // a·bᵀ with bᵀ stored as [5 7; 6 8] too.
        Gemm gemm = Gemm.create();
        float[] c = new float[4];
        gemm.ab(new float[] {1, 2, 3, 4}, new float[] {5, 6, 7, 8}, c, 2, 2, 2, false);
        assertArrayEquals(new float[] {19, 22, 43, 50}, c);
        gemm.atb(new float[] {1, 3, 2, 4}, new float[] {5, 6, 7, 8}, c, 2, 2, 2, false);
        assertArrayEquals(new float[] {19, 22, 43, 50}, c);
        gemm.abt(new float[] {1, 2, 3, 4}, new float[] {5, 7, 6, 8}, c, 2, 2, 2, true);
        assertArrayEquals(new float[] {38, 44, 86, 100}, c);
    }

    @Test
    void rejectsShortArraysAndAliasing() {
        Gemm gemm = Gemm.create();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> gemm.ab(new float[5], new float[6], new float[6], 2, 3, 3, false));
        assertEquals("a has 5 floats, a (2, 3) matrix needs 6", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> gemm.abt(new float[6], new float[5], new float[4], 2, 2, 3, false));
        assertEquals("b has 5 floats, a (2, 3) matrix needs 6", e.getMessage());
        float[] shared = new float[4];
        e = assertThrows(IllegalArgumentException.class, () -> gemm.ab(shared, new float[4], shared, 2, 2, 2, false));
        assertTrue(e.getMessage().contains("must not be the same array"), e.getMessage());
    }

    private static void checkAgainstReferences(Gemm gemm, int m, int n, int k, Form form, boolean accumulate) {
        SplittableRandom random = new SplittableRandom(31L * m + 7L * n + k + form.ordinal());
        float[] a = randomArray(random, m * k);   // (m, k), or (k, m) for ATB
        float[] b = randomArray(random, k * n);   // (k, n), or (n, k) for ABT
        float[] c0 = randomArray(random, m * n);  // (m, n)
        float[] expected = c0.clone();
        float[] actual = c0.clone();
        boolean transA = form == Form.ATB;
        boolean transB = form == Form.ABT;
        NaiveGemm.multiply(transA, transB, a, b, expected, m, n, k, accumulate);
        switch (form) {
            case AB:
                gemm.ab(a, b, actual, m, n, k, accumulate);
                break;
            case ATB:
                gemm.atb(a, b, actual, m, n, k, accumulate);
                break;
            default:
                gemm.abt(a, b, actual, m, n, k, accumulate);
        }
        assertArrayEquals(expected, actual, gemm.path() + ": differs from the naive fma loop");
        assertCloseToCommonsMath(a, b, c0, actual, m, n, k, transA, transB, accumulate);
    }

    /**
     * Commons Math computes op(A)·op(B) in double. A float fma chain of length k (plus the old c) differs
     * from the exact result by at most γ·(Σ_p |a_ip b_pj| + |c|), γ = (k+1)u / (1 − (k+1)u), u = 2⁻²⁴
     * (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., §3.1); the double product is
     * exact enough to stand in for the exact one.
     */
    private static void assertCloseToCommonsMath(float[] a, float[] b, float[] c0, float[] actual, int m, int n, int k,
                                                 boolean transA, boolean transB, boolean accumulate) {
        RealMatrix opA = new Array2DRowRealMatrix(m, k);
        RealMatrix opB = new Array2DRowRealMatrix(k, n);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                opA.setEntry(i, p, transA ? a[p * m + i] : a[i * k + p]);
            }
        }
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                opB.setEntry(p, j, transB ? b[j * k + p] : b[p * n + j]);
            }
        }
        RealMatrix product = opA.multiply(opB);
        RealMatrix absProduct = abs(opA).multiply(abs(opB));
        double u = Math.scalb(1.0, -24);
        double gamma = (k + 1) * u / (1 - (k + 1) * u);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double old = accumulate ? c0[i * n + j] : 0;
                double exact = product.getEntry(i, j) + old;
                double bound = gamma * (absProduct.getEntry(i, j) + Math.abs(old)) + 1e-30;
                double error = Math.abs(actual[i * n + j] - exact);
                assertTrue(error <= bound, "c[" + i + "][" + j + "] = " + actual[i * n + j] + ", Commons Math "
                        + exact + ", error " + error + " > bound " + bound);
            }
        }
    }

    private static RealMatrix abs(RealMatrix x) {
        RealMatrix y = x.copy();
        y.walkInOptimizedOrder(new org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int row, int column, double value) {
                return Math.abs(value);
            }
        });
        return y;
    }

    private static float[] randomArray(SplittableRandom random, int length) {
        float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return x;
    }
}
