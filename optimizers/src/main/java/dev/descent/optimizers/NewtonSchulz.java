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
    // Row arrays, so that every inner loop reads and writes rows at the same index j (what lets the JIT
    // vectorise it): x, next are (r, c); xt is (c, r); gram, gramSquared are (r, r).
    private final float[][] x;
    private final float[][] next;
    private final float[][] xt;
    private final float[][] gram;
    private final float[][] gramSquared;

    /** Work space for (rows, columns) matrices. */
    NewtonSchulz(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
        this.transposed = rows > columns;
        this.r = Math.min(rows, columns);
        this.c = Math.max(rows, columns);
        this.x = new float[r][c];
        this.next = new float[r][c];
        this.xt = new float[c][r];
        this.gram = new float[r][r];
        this.gramSquared = new float[r][r];
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
        for (int i = 0; i < rows * columns; i++) {
            sumOfSquares += (double) g[i] * g[i];
        }
        float scale = 1 / ((float) Math.sqrt(sumOfSquares) + NORM_EPS);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                float value = g[i * columns + j] * scale;
                if (transposed) {
                    x[j][i] = value;
                } else {
                    x[i][j] = value;
                }
            }
        }
        for (int step = 0; step < steps; step++) {
            iterate();
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                out[i * columns + j] = transposed ? x[j][i] : x[i][j];
            }
        }
    }

    /** One quintic step: x ← a·x + (b·A + c·A·A)·x with A = x·xᵀ. */
    private void iterate() {
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                xt[j][i] = x[i][j];
            }
        }
        multiply(x, xt, gram);           // A = x·xᵀ
        multiply(gram, gram, gramSquared);
        for (int i = 0; i < r; i++) {
            float[] a = gram[i];
            float[] aa = gramSquared[i];
            for (int j = 0; j < r; j++) {
                a[j] = B * a[j] + C * aa[j];
            }
        }
        for (int i = 0; i < r; i++) {
            float[] row = next[i];
            float[] source = x[i];
            for (int j = 0; j < c; j++) {
                row[j] = A * source[j];
            }
        }
        multiplyAdd(gram, x, next);      // next = a·x + B·x
        for (int i = 0; i < r; i++) {
            System.arraycopy(next[i], 0, x[i], 0, c);
        }
    }

    /** out = left·right; left is (n, inner), right is (inner, m), out is (n, m). */
    private static void multiply(float[][] left, float[][] right, float[][] out) {
        for (float[] row : out) {
            java.util.Arrays.fill(row, 0f);
        }
        multiplyAdd(left, right, out);
    }

    /** out += left·right, each out[i][j] summed over k in ascending order. */
    private static void multiplyAdd(float[][] left, float[][] right, float[][] out) {
        for (int i = 0; i < out.length; i++) {
            float[] outRow = out[i];
            float[] leftRow = left[i];
            for (int k = 0; k < leftRow.length; k++) {
                float lik = leftRow[k];
                float[] rightRow = right[k];
                for (int j = 0; j < outRow.length; j++) {
                    outRow[j] += lik * rightRow[j];
                }
            }
        }
    }
}
