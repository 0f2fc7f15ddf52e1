package dev.descent.optimizers;

/**
 * Muon's quintic Newton–Schulz iteration: an approximate orthogonalisation {@code G ≈ U·S·Vᵀ ↦ U·S'·Vᵀ} with the
 * singular values S' pushed into roughly [0.7, 1.2], using matrix products only.
 *
 * <p>Iteration on {@code X = G/(‖G‖_F + 1e-7)}, with X arranged so that it has no more rows than columns (the
 * result of the tall case is the transpose of the wide case's, so this changes no number in exact arithmetic,
 * only the size of the Gram matrix A):
 * <pre>
 *   A = X·Xᵀ
 *   B = b·A + c·A·A
 *   X = a·X + B·X          (a, b, c) = (3.4445, −4.7750, 2.0315)
 * </pre>
 * Every product runs in float32 with each output element summed in ascending index order (row-times-row loops
 * the JIT vectorises), so results are the same bits on every run. The original runs this in bfloat16.
 *
 * <p>Source: Jordan et al. 2024, "Muon: An optimizer for hidden layers in neural networks",
 * github.com/KellerJordan/Muon, {@code zeropower_via_newtonschulz5}.
 */
final class NewtonSchulz {

    /** The quintic's coefficients, chosen by Jordan to maximise the slope at zero. */
    static final float A = 3.4445f;
    static final float B = -4.7750f;
    static final float C = 2.0315f;
    /** Added to the Frobenius norm so that a zero matrix stays zero. */
    static final float NORM_EPS = 1e-7f;

    private final int rows;
    private final int columns;
    private final boolean transposed;
    private final int r;
    private final int c;
    // x, next are (r, c); xt is (c, r); gram, gramSquared are (r, r)
    private final float[] x;
    private final float[] next;
    private final float[] xt;
    private final float[] gram;
    private final float[] gramSquared;

    /** Work space for (rows, columns) matrices. */
    NewtonSchulz(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
        this.transposed = rows > columns;
        this.r = Math.min(rows, columns);
        this.c = Math.max(rows, columns);
        this.x = new float[r * c];
        this.next = new float[r * c];
        this.xt = new float[r * c];
        this.gram = new float[r * r];
        this.gramSquared = new float[r * r];
    }

    /**
     * Writes the orthogonalised {@code g} into {@code out}.
     *
     * @param g (rows, columns), row-major, in its first rows·columns entries (it may be longer); read before
     *     {@code out} is written, so it may be {@code out}
     * @param steps number of iterations, at least 1
     * @param out (rows, columns), row-major, in its first rows·columns entries
     */
    void orthogonalise(float[] g, int steps, float[] out) {
        double sumOfSquares = 0;
        for (int i = 0; i < x.length; i++) {
            sumOfSquares += (double) g[i] * g[i];
        }
        float scale = 1 / ((float) Math.sqrt(sumOfSquares) + NORM_EPS);
        if (transposed) {
            transpose(g, rows, columns, x);
            for (int i = 0; i < x.length; i++) {
                x[i] *= scale;
            }
        } else {
            for (int i = 0; i < x.length; i++) {
                x[i] = g[i] * scale;
            }
        }
        for (int step = 0; step < steps; step++) {
            iterate();
        }
        if (transposed) {
            transpose(x, r, c, out);
        } else {
            System.arraycopy(x, 0, out, 0, x.length);
        }
    }

    /** One quintic step: x ← a·x + (b·A + c·A·A)·x with A = x·xᵀ. */
    private void iterate() {
        transpose(x, r, c, xt);
        // gram = x·xᵀ, (r, r): row i accumulates x[i][k]·xᵀ[k][:] over k.
        multiply(x, xt, r, c, r, gram);
        multiply(gram, gram, r, r, r, gramSquared);
        for (int i = 0; i < gram.length; i++) {
            gram[i] = B * gram[i] + C * gramSquared[i];
        }
        // next = a·x + B·x
        for (int i = 0; i < r; i++) {
            int row = i * c;
            for (int j = 0; j < c; j++) {
                next[row + j] = A * x[row + j];
            }
            for (int k = 0; k < r; k++) {
                float bik = gram[i * r + k];
                int source = k * c;
                for (int j = 0; j < c; j++) {
                    next[row + j] += bik * x[source + j];
                }
            }
        }
        System.arraycopy(next, 0, x, 0, x.length);
    }

    /** out = left·right; left is (n, inner), right is (inner, m), out is (n, m), all row-major. */
    private static void multiply(float[] left, float[] right, int n, int inner, int m, float[] out) {
        java.util.Arrays.fill(out, 0, n * m, 0f);
        for (int i = 0; i < n; i++) {
            int row = i * m;
            for (int k = 0; k < inner; k++) {
                float lik = left[i * inner + k];
                int source = k * m;
                for (int j = 0; j < m; j++) {
                    out[row + j] += lik * right[source + j];
                }
            }
        }
    }

    /** out = inᵀ; in is (n, m), out is (m, n). */
    private static void transpose(float[] in, int n, int m, float[] out) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                out[j * n + i] = in[i * m + j];
            }
        }
    }
}
