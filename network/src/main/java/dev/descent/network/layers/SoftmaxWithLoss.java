package dev.descent.network.layers;

import dev.descent.network.matrix.Matrix;

/**
 * Softmax followed by the cross-entropy loss, with class-index labels (the book's {@code SoftmaxWithLoss}):
 * <pre>
 *   y[i][j] = exp(x[i][j] − max_j x[i]) / Σ_j exp(x[i][j] − max_j x[i])
 *   loss    = −Σ_i log(y[i][t_i] + ε) / N,   ε = {@value #EPSILON}
 *   dx      = (y − onehot(t)) / N
 * </pre>
 * Subtracting the row maximum keeps exp from overflowing and does not change y. ε only keeps log away from
 * log(0); the backward formula is the exact derivative of the loss without it.
 */
public final class SoftmaxWithLoss {

    /** Added to the predicted probability of the true class before the log, as in the book. */
    public static final double EPSILON = 1e-7;

    private final Matrix y;     // y is (N, classes)
    private Matrix dx;          // dx is (N, classes); allocated by the first backward
    private int[] labels;       // labels is (N), the last forward's

    public SoftmaxWithLoss(int batchRows, int classes) {
        this.y = new Matrix(batchRows, classes);
    }

    /**
     * Computes y = softmax(x) and returns the mean cross-entropy loss.
     *
     * @param x      x is (N, classes), the scores
     * @param labels labels is (N), class indices in [0, classes); kept by reference for backward
     */
    public double forward(Matrix x, int[] labels) {
        if (x.rows != y.rows || x.cols != y.cols || labels.length != y.rows) {
            throw new IllegalArgumentException("SoftmaxWithLoss expects x " + y.shape() + " and " + y.rows
                    + " labels, got x " + x.shape() + " and " + labels.length + " labels");
        }
        this.labels = labels;
        int n = y.rows;
        int classes = y.cols;
        float[] xs = x.data;
        float[] ys = y.data;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            int row = i * classes;
            float max = xs[row];
            for (int j = 1; j < classes; j++) {
                max = Math.max(max, xs[row + j]);
            }
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                float e = (float) Math.exp(xs[row + j] - max);
                ys[row + j] = e;
                sum += e;
            }
            for (int j = 0; j < classes; j++) {
                ys[row + j] = (float) (ys[row + j] / sum);
            }
            loss -= Math.log(ys[row + labels[i]] + EPSILON);
        }
        return loss / n;
    }

    /** The probabilities y (N, classes) of the last forward. */
    public Matrix probabilities() {
        return y;
    }

    /** Returns dx = (y − onehot(t)) / N, shape (N, classes). */
    public Matrix backward() {
        if (labels == null) {
            throw new IllegalStateException("SoftmaxWithLoss.backward called before forward");
        }
        if (dx == null) {
            dx = new Matrix(y.rows, y.cols);
        }
        int n = y.rows;
        int classes = y.cols;
        float batch = n;
        float[] ys = y.data;
        float[] d = dx.data;
        for (int i = 0; i < n; i++) {
            int row = i * classes;
            int t = labels[i];
            for (int j = 0; j < classes; j++) {
                float oneHot = j == t ? 1f : 0f;
                d[row + j] = (ys[row + j] - oneHot) / batch;
            }
        }
        return dx;
    }
}
