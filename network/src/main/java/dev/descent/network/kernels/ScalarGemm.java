package dev.descent.network.kernels;

import java.util.Arrays;

/**
 * The plain-Java GEMM, used when the Vector API is absent or fails its start-up check.
 *
 * <p>Loop order i-k-j over four rows of C at a time: each loaded row of B feeds four output rows, and the
 * innermost loop runs along contiguous memory. A transposed B is first copied into a (k, n) buffer owned
 * by this instance so the inner loop stays contiguous; a transposed A is read in place (its elements are
 * scalars here). Each product is {@link Math#fma}, in the same k order as the vector path, so the two
 * paths are bit-identical (see {@link GemmKernel}).
 */
final class ScalarGemm implements GemmKernel {

    private static final int ROWS_PER_BLOCK = 4;

    /** op(B) as a (k, n) row-major copy, used only when B comes transposed; grown, never shrunk. */
    private float[] transposedB = new float[0];

    @Override
    public void multiply(boolean transA, boolean transB, float[] a, float[] b, float[] c,
                         int m, int n, int k, boolean accumulate) {
        if (!accumulate) {
            Arrays.fill(c, 0, m * n, 0f);
        }
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        float[] bk = transB ? transpose(b, n, k) : b;   // bk is (k, n)
        int aRowStride = transA ? 1 : k;
        int aColStride = transA ? m : 1;
        int i = 0;
        for (; i + ROWS_PER_BLOCK <= m; i += ROWS_PER_BLOCK) {
            fourRows(a, i * aRowStride, aRowStride, aColStride, bk, c, i * n, n, k);
        }
        for (; i < m; i++) {
            oneRow(a, i * aRowStride, aColStride, bk, c, i * n, n, k);
        }
    }

    private static void fourRows(float[] a, int aOff, int aRowStride, int aColStride, float[] bk,
                                 float[] c, int cOff, int n, int k) {
        int c0 = cOff;
        int c1 = cOff + n;
        int c2 = cOff + 2 * n;
        int c3 = cOff + 3 * n;
        for (int kk = 0; kk < k; kk++) {
            int ap = aOff + kk * aColStride;
            float a0 = a[ap];
            float a1 = a[ap + aRowStride];
            float a2 = a[ap + 2 * aRowStride];
            float a3 = a[ap + 3 * aRowStride];
            int bp = kk * n;
            for (int j = 0; j < n; j++) {
                float bkj = bk[bp + j];
                c[c0 + j] = Math.fma(a0, bkj, c[c0 + j]);
                c[c1 + j] = Math.fma(a1, bkj, c[c1 + j]);
                c[c2 + j] = Math.fma(a2, bkj, c[c2 + j]);
                c[c3 + j] = Math.fma(a3, bkj, c[c3 + j]);
            }
        }
    }

    private static void oneRow(float[] a, int aOff, int aColStride, float[] bk, float[] c, int cOff,
                               int n, int k) {
        for (int kk = 0; kk < k; kk++) {
            float aik = a[aOff + kk * aColStride];
            int bp = kk * n;
            for (int j = 0; j < n; j++) {
                c[cOff + j] = Math.fma(aik, bk[bp + j], c[cOff + j]);
            }
        }
    }

    /** b is (n, k); returns op(B) = bᵀ as (k, n) in this instance's buffer. */
    private float[] transpose(float[] b, int n, int k) {
        if (transposedB.length < n * k) {
            transposedB = new float[n * k];
        }
        float[] t = transposedB;
        for (int j = 0; j < n; j++) {
            int src = j * k;
            for (int kk = 0; kk < k; kk++) {
                t[kk * n + j] = b[src + kk];
            }
        }
        return t;
    }

    @Override
    public String description() {
        return "scalar";
    }
}
