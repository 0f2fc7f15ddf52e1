package dev.descent.network.layers;

import dev.descent.network.Matrix;
import dev.descent.network.kernels.ElementWise;
import dev.descent.network.kernels.Gemm;

/**
 * The fully connected layer: out = x·W + b; backward dW = xᵀ·dout, db = Σ_rows dout, dx = dout·Wᵀ
 * (the book's {@code Affine}, chapter 5.6).
 *
 * <p>W, b, dW and db are the network's own arrays, shared, not copied: an optimizer that updates the
 * parameter arrays in place is seen by the next forward pass, and the gradients land directly in the
 * network's gradient map. The first layer of a network is built with {@code computeDx = false}: nothing
 * needs the gradient with respect to the input images, and it was about a fifth of a training step.
 */
public final class Affine implements Layer {

    private final Matrix weights;       // W is (in, out)
    private final float[] bias;         // b is (out)
    private final Matrix weightGrad;    // dW is (in, out)
    private final float[] biasGrad;     // db is (out)
    private final Gemm gemm;
    private final boolean computeDx;
    private final Matrix out;           // out is (N, out)
    private Matrix dx;                  // dx is (N, in); allocated by the first backward that needs it
    private Matrix x;                   // x is (N, in), the last forward input

    /**
     * @param weights    W is (in, out)
     * @param bias       b is (out)
     * @param weightGrad dW is (in, out)
     * @param biasGrad   db is (out)
     * @param batchRows  N, the batch size this instance serves
     * @param gemm       the owner's GEMM (its pack buffers are not thread-safe)
     * @param computeDx  false for the first layer
     */
    public Affine(Matrix weights, float[] bias, Matrix weightGrad, float[] biasGrad, int batchRows, Gemm gemm,
                  boolean computeDx) {
        if (bias.length != weights.cols || weightGrad.rows != weights.rows || weightGrad.cols != weights.cols
                || biasGrad.length != weights.cols) {
            throw new IllegalArgumentException("inconsistent Affine shapes: W " + weights.shape() + ", b ("
                    + bias.length + "), dW " + weightGrad.shape() + ", db (" + biasGrad.length + ")");
        }
        this.weights = weights;
        this.bias = bias;
        this.weightGrad = weightGrad;
        this.biasGrad = biasGrad;
        this.gemm = gemm;
        this.computeDx = computeDx;
        this.out = new Matrix(batchRows, weights.cols);
    }

    /** x is (N, in); returns out (N, out). */
    @Override
    public Matrix forward(Matrix x) {
        if (x.rows != out.rows || x.cols != weights.rows) {
            throw new IllegalArgumentException("Affine expects x of shape (" + out.rows + ", " + weights.rows
                    + "), got " + x.shape());
        }
        this.x = x;
        gemm.ab(x.data, weights.data, out.data, x.rows, weights.cols, weights.rows, false);
        ElementWise.addRowVector(out.data, bias, out.rows, out.cols);
        return out;
    }

    /** dout is (N, out); fills dW and db, returns dx (N, in) or null when built without dx. */
    @Override
    public Matrix backward(Matrix dout) {
        if (x == null) {
            throw new IllegalStateException("Affine.backward called before forward");
        }
        if (dout.rows != out.rows || dout.cols != out.cols) {
            throw new IllegalArgumentException("Affine expects dout of shape " + out.shape() + ", got " + dout.shape());
        }
        int n = x.rows;
        gemm.atb(x.data, dout.data, weightGrad.data, weights.rows, weights.cols, n, false);
        ElementWise.columnSums(dout.data, biasGrad, n, weights.cols);
        if (!computeDx) {
            return null;
        }
        if (dx == null) {
            dx = new Matrix(n, weights.rows);
        }
        gemm.abt(dout.data, weights.data, dx.data, n, weights.rows, weights.cols, false);
        return dx;
    }
}
