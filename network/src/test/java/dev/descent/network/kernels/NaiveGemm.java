package dev.descent.network.kernels;

/**
 * The slow, obvious twin of the GEMM kernels: a triple loop over (i, j, k) reading op(A) and op(B) by
 * index. It uses the same per-element order as the fast kernels (c = fma(a, b, c) for k = 0, 1, …,
 * starting from the old c or +0), so the fast kernels must match it bit for bit.
 */
final class NaiveGemm {

    private NaiveGemm() {
    }

    /**
     * @param a op(A) is (m, k); stored (k, m) when transA
     * @param b op(B) is (k, n); stored (n, k) when transB
     * @param c c is (m, n)
     */
    static void multiply(boolean transA, boolean transB, float[] a, float[] b, float[] c, int m, int n, int k,
                         boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = accumulate ? c[i * n + j] : 0f;
                for (int p = 0; p < k; p++) {
                    float aip = transA ? a[p * m + i] : a[i * k + p];
                    float bpj = transB ? b[j * k + p] : b[p * n + j];
                    sum = Math.fma(aip, bpj, sum);
                }
                c[i * n + j] = sum;
            }
        }
    }
}
