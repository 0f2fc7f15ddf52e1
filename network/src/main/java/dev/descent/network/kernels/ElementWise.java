package dev.descent.network.kernels;

/**
 * The element-wise pieces of the layers: bias add, column sums, ReLU and its backward pass.
 *
 * <p>Plain loops (no Vector API): they touch each element once, so they are memory-bound and small next
 * to the GEMMs, and staying scalar keeps them identical on every path. Matrices are flat row-major arrays.
 */
public final class ElementWise {

    private ElementWise() {
    }

    /**
     * x[i][j] += b[j] for every row: adds the bias row to each row.
     *
     * @param x x is (rows, cols), updated in place
     * @param b b is (cols)
     */
    public static void addRowVector(float[] x, float[] b, int rows, int cols) {
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                x[row + j] += b[j];
            }
        }
    }

    /**
     * sums[j] = Σ_i x[i][j], summed in row order (the bias gradient db = Σ_i dout[i]).
     *
     * @param x    x is (rows, cols)
     * @param sums sums is (cols), overwritten
     */
    public static void columnSums(float[] x, float[] sums, int rows, int cols) {
        java.util.Arrays.fill(sums, 0, cols, 0f);
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                sums[j] += x[row + j];
            }
        }
    }

    /**
     * out = max(x, 0) element-wise, except that NaN passes through (as in the book) so a diverging run
     * shows up as a NaN loss instead of being silently zeroed. {@code out} doubles as the ReLU mask:
     * out > 0 exactly where x > 0.
     *
     * @param x   x is (length)
     * @param out out is (length); may be x itself
     */
    public static void relu(float[] x, float[] out, int length) {
        // Math.max(v, 0f) is exactly "v <= 0 ? 0 : v" (NaN stays NaN, -0 becomes +0) but compiles without a
        // branch: on real activations about half are negative, and the mispredicted branch made ReLU cost
        // as much as a GEMM.
        for (int i = 0; i < length; i++) {
            out[i] = Math.max(x[i], 0f);
        }
    }

    /**
     * dx = dout where the forward output was positive, else 0; {@code out} is the forward output of
     * {@link #relu}, which serves as the mask.
     *
     * @param out  out is (length)
     * @param dout dout is (length)
     * @param dx   dx is (length); may be dout itself
     */
    public static void reluBackward(float[] out, float[] dout, float[] dx, int length) {
        // Branch-free "out > 0 ? dout : +0": out > 0 exactly when its bits, read as an int, lie in
        // [1, 0x7F800000] (positive, finite or infinite; not zero, negative or NaN). The mask keeps dout's
        // bits there and gives +0 elsewhere, the same bits as the branch.
        for (int i = 0; i < length; i++) {
            int bits = Float.floatToRawIntBits(out[i]);
            int outside = ((bits - 1) | (0x7F800000 - bits)) >> 31;
            dx[i] = Float.intBitsToFloat(Float.floatToRawIntBits(dout[i]) & ~outside);
        }
    }
}
