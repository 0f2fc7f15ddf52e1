package dev.descent.network.layers;

import dev.descent.network.matrix.Matrix;

/**
 * Sigmoid: out = 1 / (1 + e^−x); backward dx = dout · (1 − out) · out (the book's {@code Sigmoid}),
 * keeping only the output. The exponential is taken in double and rounded once to float.
 */
public final class Sigmoid implements Layer {

    private final Matrix out;   // out is (N, width)
    private Matrix dx;          // dx is (N, width); allocated by the first backward

    public Sigmoid(int batchRows, int width) {
        this.out = new Matrix(batchRows, width);
    }

    /** x is (N, width); returns out (N, width). */
    @Override
    public Matrix forward(Matrix x) {
        checkShape("x", x);
        float[] xs = x.data;
        float[] ys = out.data;
        for (int i = 0; i < ys.length; i++) {
            ys[i] = (float) (1.0 / (1.0 + Math.exp(-xs[i])));
        }
        return out;
    }

    /** dout is (N, width); returns dx (N, width). */
    @Override
    public Matrix backward(Matrix dout) {
        checkShape("dout", dout);
        if (dx == null) {
            dx = new Matrix(out.rows, out.cols);
        }
        float[] ys = out.data;
        float[] g = dout.data;
        float[] d = dx.data;
        for (int i = 0; i < d.length; i++) {
            d[i] = g[i] * (1f - ys[i]) * ys[i];
        }
        return dx;
    }

    private void checkShape(String name, Matrix m) {
        if (m.rows != out.rows || m.cols != out.cols) {
            throw new IllegalArgumentException("Sigmoid expects " + name + " of shape " + out.shape() + ", got " + m.shape());
        }
    }
}
