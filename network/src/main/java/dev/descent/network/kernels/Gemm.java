package dev.descent.network.kernels;

/**
 * Matrix multiply in the three forms backprop needs, into a caller-given output:
 * {@code A·B} (forward), {@code Aᵀ·B} (dW = xᵀ·dout) and {@code A·Bᵀ} (dx = dout·Wᵀ).
 *
 * <p>All matrices are flat row-major float arrays; only the first rows·cols elements are used, so an
 * array may be longer than its matrix. With {@code accumulate} false the output is overwritten, with true
 * the product is added to it. Each output element is the fma chain
 * {@code c = fma(a[i][k], b[k][j], c)} over k = 0, 1, …, in that order, on every path: the vector and
 * scalar kernels give bit-identical results.
 *
 * <p>An instance owns packing buffers (grown to the largest shape seen, then reused, so steady-state calls
 * allocate nothing). Use one instance per thread or per network; never share one between threads.
 */
public final class Gemm {

    private final GemmKernel kernel;
    private final SparseKernel sparse;

    private Gemm(GemmKernel kernel, SparseKernel sparse) {
        this.kernel = kernel;
        this.sparse = sparse;
    }

    /** A GEMM on the JVM's active path ({@link KernelPath}): vector when available, else scalar. */
    public static Gemm create() {
        return new Gemm(KernelPath.newKernel(), KernelPath.newSparseKernel());
    }

    /** A GEMM on the scalar path whatever the JVM supports (benchmarks and tests compare the two). */
    public static Gemm scalar() {
        return new Gemm(new ScalarGemm(), new ScalarSparse());
    }

    /**
     * c = a·b, or c += a·b when accumulating.
     *
     * @param a a is (m, k)
     * @param b b is (k, n)
     * @param c c is (m, n)
     */
    public void ab(float[] a, float[] b, float[] c, int m, int n, int k, boolean accumulate) {
        check(a, "a", m, k, b, "b", k, n, c, m, n);
        kernel.multiply(false, false, a, b, c, m, n, k, accumulate);
    }

    /**
     * c = aᵀ·b, or c += aᵀ·b when accumulating.
     *
     * @param a a is (k, m)
     * @param b b is (k, n)
     * @param c c is (m, n)
     */
    public void atb(float[] a, float[] b, float[] c, int m, int n, int k, boolean accumulate) {
        check(a, "a", k, m, b, "b", k, n, c, m, n);
        kernel.multiply(true, false, a, b, c, m, n, k, accumulate);
    }

    /**
     * c = a·bᵀ, or c += a·bᵀ when accumulating.
     *
     * @param a a is (m, k)
     * @param b b is (n, k)
     * @param c c is (m, n)
     */
    public void abt(float[] a, float[] b, float[] c, int m, int n, int k, boolean accumulate) {
        check(a, "a", m, k, b, "b", n, k, c, m, n);
        kernel.multiply(false, true, a, b, c, m, n, k, accumulate);
    }

    /**
     * Indexes the non-zeros of rows {@code [firstRow, firstRow + rows)} of x into {@code index}, as
     * {@link NonZeroIndex#build} does, using this GEMM's kernel (vectors skip all-zero stretches).
     *
     * @param x x is (≥ firstRow + rows, cols) row-major
     * @return the number of non-zero entries
     */
    public int index(NonZeroIndex index, float[] x, int firstRow, int rows, int cols) {
        return index.build(x, firstRow, rows, cols, sparse);
    }

    /**
     * c = x·b for the x indexed in {@code x}, skipping x's zeros: bit-identical to {@link #ab} with
     * accumulate false whenever b is finite (a zero times a finite b adds only a zero; see
     * {@link ElementWise#allFinite}).
     *
     * @param x x is (m, k), indexed by {@link NonZeroIndex#build}
     * @param b b is (k, n)
     * @param c c is (m, n)
     */
    public void sparseAb(NonZeroIndex x, float[] b, float[] c, int n) {
        int m = x.rows();
        int k = x.cols();
        checkLength(b, "b", k, n);
        checkLength(c, "c", m, n);
        sparse.gatherRows(x.rowStart, x.rowColumn, x.rowValue, m, b, c, n);
    }

    /**
     * c = xᵀ·b for the x indexed in {@code x}, skipping x's zeros: bit-identical to {@link #atb} with
     * accumulate false whenever b is finite. Builds the index's column lists if needed.
     *
     * @param x x is (k, m), indexed by {@link NonZeroIndex#build}
     * @param b b is (k, n)
     * @param c c is (m, n)
     */
    public void sparseAtb(NonZeroIndex x, float[] b, float[] c, int n) {
        int k = x.rows();
        int m = x.cols();
        checkLength(b, "b", k, n);
        checkLength(c, "c", m, n);
        x.buildColumns();
        sparse.gatherRows(x.columnStart, x.columnRow, x.columnValue, m, b, c, n);
    }

    /** The kernel this instance runs, e.g. "512-bit FloatVector, 8x32 and 8x48 tiles" or "scalar". */
    public String path() {
        return kernel.description();
    }

    @Override
    public String toString() {
        return "Gemm[" + path() + "]";
    }

    private static void check(float[] a, String aName, int aRows, int aCols,
                              float[] b, String bName, int bRows, int bCols,
                              float[] c, int cRows, int cCols) {
        if (aRows < 0 || aCols < 0 || bCols < 0) {
            throw new IllegalArgumentException("negative matrix size: " + aName + " is (" + aRows + ", "
                    + aCols + "), " + bName + " is (" + bRows + ", " + bCols + ")");
        }
        checkLength(a, aName, aRows, aCols);
        checkLength(b, bName, bRows, bCols);
        checkLength(c, "c", cRows, cCols);
        if (c == a || c == b) {
            throw new IllegalArgumentException("the output c must not be the same array as an input "
                    + "(it is overwritten while the inputs are still being read)");
        }
    }

    private static void checkLength(float[] x, String name, int rows, int cols) {
        if (x == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        long needed = (long) rows * cols;
        if (x.length < needed) {
            throw new IllegalArgumentException(name + " has " + x.length + " floats, a (" + rows + ", " + cols
                    + ") matrix needs " + needed);
        }
    }
}
