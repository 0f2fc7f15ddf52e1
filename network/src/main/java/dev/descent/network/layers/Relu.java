package dev.descent.network.layers;

import dev.descent.network.matrix.Matrix;
import dev.descent.network.kernels.ElementWise;

/**
 * ReLU: out = max(x, 0); backward dx = dout where x > 0, else 0 (the book's {@code Relu}). The forward
 * output is the mask (out > 0 exactly where x > 0), so no separate mask array is kept, and unlike the
 * book's version the backward pass writes its own buffer instead of changing dout.
 */
public final class Relu implements Layer {

    private final Matrix out;   // out is (N, width)
    private Matrix dx;          // dx is (N, width); allocated by the first backward

    public Relu(int batchRows, int width) {
        this.out = new Matrix(batchRows, width);
    }

    /** x is (N, width); returns out (N, width). */
    @Override
    public Matrix forward(Matrix x) {
        checkShape("x", x);
        ElementWise.relu(x.data, out.data, out.size());
        return out;
    }

    /** dout is (N, width); returns dx (N, width). */
    @Override
    public Matrix backward(Matrix dout) {
        checkShape("dout", dout);
        if (dx == null) {
            dx = new Matrix(out.rows, out.cols);
        }
        ElementWise.reluBackward(out.data, dout.data, dx.data, out.size());
        return dx;
    }

    private void checkShape(String name, Matrix m) {
        if (m.rows != out.rows || m.cols != out.cols) {
            throw new IllegalArgumentException("Relu expects " + name + " of shape " + out.shape() + ", got " + m.shape());
        }
    }
}
