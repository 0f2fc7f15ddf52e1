package dev.descent.network.layers;

import dev.descent.network.matrix.Matrix;

/**
 * Batch Normalization (Ioffe and Szegedy 2015, arXiv:1502.03167; the book's {@code BatchNormalization},
 * §6.3) over the N rows of a batch, per feature j:
 * <pre>
 *   training:    μ_j = Σ_i x_ij / N,   σ²_j = Σ_i (x_ij − μ_j)² / N          (batch statistics, biased σ²)
 *                x̂_ij = (x_ij − μ_j) / √(σ²_j + ε),   out_ij = γ_j x̂_ij + β_j
 *                running_mean_j ← m · running_mean_j + (1 − m) · μ_j         (m = {@value #MOMENTUM})
 *                running_var_j  ← m · running_var_j  + (1 − m) · σ²_j
 *   evaluation:  out_ij = γ_j (x_ij − running_mean_j) / √(running_var_j + ε) + β_j
 * </pre>
 * with ε = {@value #EPSILON} (the book writes {@code 10e-7}, which is 1e-6) and the running averages
 * starting at 0, as in the book. Backward (training forwards only), with g = dout and s_j = √(σ²_j + ε):
 * <pre>
 *   dβ_j = Σ_i g_ij,   dγ_j = Σ_i g_ij x̂_ij
 *   dx_ij = γ_j / (N s_j) · (N g_ij − Σ_k g_kj − x̂_ij Σ_k g_kj x̂_kj)
 * </pre>
 * The last line is the book's step-by-step graph (dx̂ → dxc → dstd → dvar → dμ) collapsed by hand; the
 * test-scope reference net keeps the book's steps, and both are checked against central differences.
 *
 * <p><b>Arithmetic.</b> float32 arrays; the column sums (μ, σ², Σg, Σg·x̂) are accumulated in double over
 * the rows in order and rounded once, so the result depends only on the input, never on threads.
 *
 * <p><b>Shared arrays.</b> γ, β, dγ, dβ and the running averages are the network's arrays, shared by the
 * instances for every batch size: an optimizer updating γ and β in place is seen at once. Each instance
 * owns its (N, D) buffers, allocated in the constructor or the first backward, so repeated calls
 * allocate nothing.
 */
public final class BatchNorm {

    /** Added to the variance under the square root: the book's {@code 10e-7} (= 1e-6). */
    public static final double EPSILON = 10e-7;
    /** Weight of the old running average in each update, the book's {@code momentum=0.9}. */
    public static final double MOMENTUM = 0.9;

    private final float[] gamma;           // γ is (D)
    private final float[] beta;            // β is (D)
    private final float[] gammaGrad;       // dγ is (D)
    private final float[] betaGrad;        // dβ is (D)
    private final float[] runningMean;     // (D)
    private final float[] runningVar;      // (D)
    private final Matrix out;              // out is (N, D)
    private final Matrix xn;               // x̂ is (N, D), the last training forward's
    private final float[] std;             // s is (D), √(σ² + ε) of the last training forward
    private final double[] sums;           // (D) accumulators
    private final double[] sums2;          // (D) accumulators
    private Matrix dx;                     // dx is (N, D); allocated by the first backward
    private boolean backwardReady;

    /**
     * @param gamma       γ is (D), the scale, learned
     * @param beta        β is (D), the shift, learned
     * @param gammaGrad   dγ is (D), written by backward
     * @param betaGrad    dβ is (D), written by backward
     * @param runningMean (D), updated by training forwards, read by evaluation forwards
     * @param runningVar  (D), likewise
     * @param batchRows   N, the batch size this instance serves
     */
    public BatchNorm(float[] gamma, float[] beta, float[] gammaGrad, float[] betaGrad, float[] runningMean,
                     float[] runningVar, int batchRows) {
        int d = gamma.length;
        if (beta.length != d || gammaGrad.length != d || betaGrad.length != d || runningMean.length != d
                || runningVar.length != d) {
            throw new IllegalArgumentException("inconsistent BatchNorm shapes: gamma (" + d + "), beta ("
                    + beta.length + "), dgamma (" + gammaGrad.length + "), dbeta (" + betaGrad.length
                    + "), running mean (" + runningMean.length + "), running var (" + runningVar.length + ")");
        }
        this.gamma = gamma;
        this.beta = beta;
        this.gammaGrad = gammaGrad;
        this.betaGrad = betaGrad;
        this.runningMean = runningMean;
        this.runningVar = runningVar;
        this.out = new Matrix(batchRows, d);
        this.xn = new Matrix(batchRows, d);
        this.std = new float[d];
        this.sums = new double[d];
        this.sums2 = new double[d];
    }

    /**
     * x is (N, D); returns out (N, D). A training forward also updates the running averages.
     */
    public Matrix forward(Matrix x, Mode mode) {
        checkShape("x", x);
        if (mode == Mode.TRAIN) {
            forwardTrain(x);
        } else {
            forwardEvaluation(x);
        }
        backwardReady = mode == Mode.TRAIN;
        return out;
    }

    /** dout is (N, D); fills dγ and dβ, returns dx (N, D). Only after a training forward. */
    public Matrix backward(Matrix dout) {
        if (!backwardReady) {
            throw new IllegalStateException("BatchNorm.backward needs a forward in Mode.TRAIN first");
        }
        checkShape("dout", dout);
        if (dx == null) {
            dx = new Matrix(out.rows, out.cols);
        }
        int n = out.rows;
        int d = out.cols;
        float[] g = dout.data;
        float[] xs = xn.data;
        java.util.Arrays.fill(sums, 0);
        java.util.Arrays.fill(sums2, 0);
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                sums[j] += g[row + j];                       // Σ g
                sums2[j] += (double) g[row + j] * xs[row + j];   // Σ g·x̂
            }
        }
        for (int j = 0; j < d; j++) {
            betaGrad[j] = (float) sums[j];
            gammaGrad[j] = (float) sums2[j];
        }
        float[] dxs = dx.data;
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                double scale = (double) gamma[j] / ((double) n * std[j]);
                dxs[row + j] = (float) (scale * ((double) n * g[row + j] - sums[j] - xs[row + j] * sums2[j]));
            }
        }
        return dx;
    }

    private void forwardTrain(Matrix x) {
        int n = out.rows;
        int d = out.cols;
        float[] xs = x.data;
        java.util.Arrays.fill(sums, 0);
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                sums[j] += xs[row + j];
            }
        }
        for (int j = 0; j < d; j++) {
            sums[j] /= n;                                    // μ_j, kept in double for the centring
        }
        java.util.Arrays.fill(sums2, 0);
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                double centred = xs[row + j] - sums[j];
                sums2[j] += centred * centred;
            }
        }
        float[] xns = xn.data;
        float[] ys = out.data;
        for (int j = 0; j < d; j++) {
            double variance = sums2[j] / n;
            std[j] = (float) Math.sqrt(variance + EPSILON);
            runningMean[j] = (float) (MOMENTUM * runningMean[j] + (1 - MOMENTUM) * sums[j]);
            runningVar[j] = (float) (MOMENTUM * runningVar[j] + (1 - MOMENTUM) * variance);
        }
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                float normalized = (float) ((xs[row + j] - sums[j]) / std[j]);
                xns[row + j] = normalized;
                ys[row + j] = gamma[j] * normalized + beta[j];
            }
        }
    }

    /** Row by row with the running averages: row i of out depends on row i of x only. */
    private void forwardEvaluation(Matrix x) {
        int n = out.rows;
        int d = out.cols;
        float[] xs = x.data;
        float[] ys = out.data;
        for (int j = 0; j < d; j++) {
            sums[j] = Math.sqrt(runningVar[j] + EPSILON);       // the evaluation-time s_j
        }
        for (int i = 0; i < n; i++) {
            int row = i * d;
            for (int j = 0; j < d; j++) {
                float normalized = (float) ((xs[row + j] - (double) runningMean[j]) / sums[j]);
                ys[row + j] = gamma[j] * normalized + beta[j];
            }
        }
    }

    private void checkShape(String name, Matrix m) {
        if (m.rows != out.rows || m.cols != out.cols) {
            throw new IllegalArgumentException("BatchNorm expects " + name + " of shape " + out.shape() + ", got "
                    + m.shape());
        }
    }
}
