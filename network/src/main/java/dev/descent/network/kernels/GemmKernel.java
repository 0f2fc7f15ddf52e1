package dev.descent.network.kernels;

/**
 * One implementation of {@code C (+)= op(A) · op(B)} on flat row-major float arrays.
 *
 * <p>Every implementation computes each element of C as the same chain of fused multiply-adds,
 * {@code c = fma(a[i][k], b[k][j], c)} for {@code k = 0, 1, …, K−1}, starting from the old C when
 * accumulating and from +0 otherwise. Because the order and the rounding are fixed, all
 * implementations give bit-identical results, so the choice of path never changes a training run.
 *
 * <p>An instance owns its packing buffers: it must be used by one thread at a time, and different
 * owners (networks) must hold different instances.
 */
interface GemmKernel {

    /**
     * C (+)= op(A) · op(B).
     *
     * @param transA     false: a is (m, k); true: a is (k, m) and is read transposed
     * @param transB     false: b is (k, n); true: b is (n, k) and is read transposed
     * @param a          op(A) is (m, k)
     * @param b          op(B) is (k, n)
     * @param c          c is (m, n)
     * @param accumulate true adds to the old C, false overwrites it
     */
    void multiply(boolean transA, boolean transB, float[] a, float[] b, float[] c,
                  int m, int n, int k, boolean accumulate);

    /** A short description of the path, e.g. "scalar" or "vector 512-bit 8x32". */
    String description();
}
