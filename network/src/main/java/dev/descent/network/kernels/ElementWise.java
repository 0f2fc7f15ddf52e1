package dev.descent.network.kernels;

/**
 * The element-wise pieces of the layers: bias add, column sums, ReLU and its backward pass, and the finiteness
 * check the sparse first layer and the input check make. Matrices are flat row-major arrays.
 *
 * <p>On the vector path ({@link KernelPath}) bias add, column sums, ReLU backward and the finiteness check run on
 * the Vector API ({@code VectorElementWise}, the GEMM's species): JDK 17's C2 leaves these loops scalar (the bias
 * row and the sums may alias the matrix, and the mask works on a float's bits), and scalar they were about 7 % of a
 * training step of the book's net. Each result is the same IEEE operation on the same operands in the same order
 * (column sums add the rows in order), so both paths give the same bits; the scalar loops below are the reference
 * and the scalar path. ReLU C2 vectorizes by itself.
 */
public final class ElementWise {

    /** Fixed once per JVM with the kernel path; the vector class is loaded only when it is true. */
    private static final boolean VECTOR = KernelPath.vectorActive();

    private ElementWise() {
    }

    /**
     * x[i][j] += b[j] for every row: adds the bias row to each row.
     *
     * @param x x is (rows, cols), updated in place
     * @param b b is (cols)
     */
    public static void addRowVector(float[] x, float[] b, int rows, int cols) {
        if (VECTOR) {
            VectorElementWise.addRowVector(x, b, rows, cols);
        } else {
            scalarAddRowVector(x, b, rows, cols, 0);
        }
    }

    /**
     * sums[j] = Σ_i x[i][j], summed in row order (the bias gradient db = Σ_i dout[i]).
     *
     * @param x    x is (rows, cols)
     * @param sums sums is (cols), overwritten
     */
    public static void columnSums(float[] x, float[] sums, int rows, int cols) {
        if (VECTOR) {
            VectorElementWise.columnSums(x, sums, rows, cols);
        } else {
            scalarColumnSums(x, sums, rows, cols, 0);
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
        // as much as a GEMM. C2 vectorizes this loop itself (0.6 µs for 128 × 100).
        for (int i = 0; i < length; i++) {
            out[i] = Math.max(x[i], 0f);
        }
    }

    /**
     * dx = dout where the forward output was positive, else +0; {@code out} is the forward output of
     * {@link #relu}, which serves as the mask.
     *
     * @param out  out is (length)
     * @param dout dout is (length)
     * @param dx   dx is (length); may be dout itself
     */
    public static void reluBackward(float[] out, float[] dout, float[] dx, int length) {
        if (VECTOR) {
            VectorElementWise.reluBackward(out, dout, dx, length);
        } else {
            scalarReluBackward(out, dout, dx, 0, length);
        }
    }

    /**
     * False when any of {@code x[0 .. length)} is NaN or infinite: then a zero input times x is NaN in the
     * dense product, so the sparse first layer must take the dense path; in a layer's output it points at an input
     * row to look at.
     */
    public static boolean allFinite(float[] x, int length) {
        return VECTOR ? VectorElementWise.allFinite(x, length) : scalarAllFinite(x, 0, length);
    }

    /** {@link #addRowVector} for columns {@code [from, cols)} of every row. */
    static void scalarAddRowVector(float[] x, float[] b, int rows, int cols, int from) {
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            for (int j = from; j < cols; j++) {
                x[row + j] += b[j];
            }
        }
    }

    /** {@link #columnSums} for columns {@code [from, cols)}. */
    static void scalarColumnSums(float[] x, float[] sums, int rows, int cols, int from) {
        java.util.Arrays.fill(sums, from, cols, 0f);
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            for (int j = from; j < cols; j++) {
                sums[j] += x[row + j];
            }
        }
    }

    /** {@link #reluBackward} for {@code [from, to)}. */
    static void scalarReluBackward(float[] out, float[] dout, float[] dx, int from, int to) {
        // Branch-free "out > 0 ? dout : +0": out > 0 exactly when its bits, read as an int, lie in
        // [1, 0x7F800000] (positive, finite or infinite; not zero, negative or NaN). The mask keeps dout's
        // bits there and gives +0 elsewhere, the same bits as the branch.
        for (int i = from; i < to; i++) {
            int bits = Float.floatToRawIntBits(out[i]);
            int outside = ((bits - 1) | (0x7F800000 - bits)) >> 31;
            dx[i] = Float.intBitsToFloat(Float.floatToRawIntBits(dout[i]) & ~outside);
        }
    }

    /** {@link #allFinite} for {@code [from, to)}. */
    static boolean scalarAllFinite(float[] x, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Float.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }
}
