package dev.descent.network.layers;

import dev.descent.network.matrix.Matrix;
import dev.descent.network.kernels.ElementWise;
import dev.descent.network.kernels.Gemm;
import dev.descent.network.kernels.NonZeroIndex;
import dev.descent.network.kernels.SparseMode;
import java.util.Arrays;

/**
 * The fully connected layer: out = x·W + b; backward dW = xᵀ·dout, db = Σ_rows dout, dx = dout·Wᵀ
 * (the book's {@code Affine}, chapter 5.6).
 *
 * <p>W, b, dW and db are the network's own arrays, shared, not copied: an optimizer that updates the
 * parameter arrays in place is seen by the next forward pass, and the gradients land directly in the
 * network's gradient map. The first layer of a network is built with {@code computeDx = false}: nothing
 * needs the gradient with respect to the input images, and it was about a fifth of a training step.
 *
 * <p>Built with a {@link SparseMode} other than OFF (the first layer, whose input is the images), the layer
 * indexes each batch's non-zero inputs ({@link NonZeroIndex}) and, when the mode picks the sparse path for
 * the batch's density, computes x·W and xᵀ·dout over the non-zero inputs only: the same fma chains without
 * the zero terms, so the same bits as the dense GEMM. The dense path is taken whenever W (forward) or dout
 * (backward) holds a NaN or an infinity, because 0·∞ is NaN in the dense product and skipping it would not
 * be exact.
 *
 * <p>A caller that already has the index of x (the data loader lists the non-zeros while it decodes the images)
 * passes it to {@link #forward(Matrix, NonZeroIndex)}: then x is neither scanned, nor compared with the last
 * input, nor copied, and the sparse or dense choice is made exactly as for an index built here. If the caller listed
 * the non-zeros without writing x ({@link NonZeroIndex#inputPending()}), the dense paths have the index write x
 * first; the sparse path never reads it.
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
    private final SparseMode sparseMode;
    private final NonZeroIndex inputIndex;  // non-zeros of x, (N, in), built here; null when sparseMode is OFF
    private NonZeroIndex usedIndex;         // the index the last forward used: inputIndex or the caller's
    private boolean lastForwardSparse;
    // x as it was indexed, copied by backward: the book's loop runs the loss pass on the very batch it has
    // just trained on, and comparing x with this copy is much cheaper than indexing x again.
    private float[] indexedInput;
    private boolean indexedInputValid;

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
        this(weights, bias, weightGrad, biasGrad, batchRows, gemm, computeDx, SparseMode.OFF);
    }

    /**
     * As {@link #Affine(Matrix, float[], Matrix, float[], int, Gemm, boolean)}, skipping zero inputs in the
     * batches {@code sparseMode} picks ({@link SparseMode#active()} for the first layer of a net).
     */
    public Affine(Matrix weights, float[] bias, Matrix weightGrad, float[] biasGrad, int batchRows, Gemm gemm,
                  boolean computeDx, SparseMode sparseMode) {
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
        this.sparseMode = sparseMode;
        this.inputIndex = sparseMode == SparseMode.OFF ? null : new NonZeroIndex();
    }

    /** x is (N, in); returns out (N, out). */
    @Override
    public Matrix forward(Matrix x) {
        return forward(x, null);
    }

    /**
     * As {@link #forward(Matrix)}, with the non-zeros of x already indexed by the caller, who guarantees that
     * {@code xNonZeros} describes x's current contents (the entries {@code != 0}, as {@link NonZeroIndex#build}
     * lists them) until the matching {@link #backward}; a wrong index gives wrong results, not an error. The index
     * is used, not copied. A layer built with {@link SparseMode#OFF} ignores it and runs the dense GEMM.
     *
     * @param x         x is (N, in)
     * @param xNonZeros the non-zeros of x, (N, in); null to index x here (the same as {@link #forward(Matrix)})
     * @throws IllegalArgumentException if x's or the index's shape is not (N, in)
     */
    public Matrix forward(Matrix x, NonZeroIndex xNonZeros) {
        if (x.rows != out.rows || x.cols != weights.rows) {
            throw new IllegalArgumentException("Affine expects x of shape (" + out.rows + ", " + weights.rows
                    + "), got " + x.shape());
        }
        if (xNonZeros != null && (xNonZeros.rows() != x.rows || xNonZeros.cols() != x.cols)) {
            throw new IllegalArgumentException("the non-zero index given for x is for (" + xNonZeros.rows() + ", "
                    + xNonZeros.cols() + "), x is " + x.shape());
        }
        this.x = x;
        lastForwardSparse = false;
        usedIndex = null;
        if (inputIndex != null) {
            if (xNonZeros != null) {
                usedIndex = xNonZeros;
            } else {
                int size = x.rows * x.cols;
                if (!(indexedInputValid && Arrays.equals(x.data, 0, size, indexedInput, 0, size))) {
                    gemm.index(inputIndex, x.data, 0, x.rows, x.cols);
                    indexedInputValid = false;
                }
                usedIndex = inputIndex;
            }
            lastForwardSparse = sparseMode.sparseFor(usedIndex.density())
                    && ElementWise.allFinite(weights.data, weights.data.length);
        }
        if (lastForwardSparse) {
            gemm.sparseAb(usedIndex, weights.data, out.data, weights.cols);
        } else {
            if (xNonZeros != null) {
                xNonZeros.writeInput(x.data);   // a caller that listed x without writing it
            }
            gemm.ab(x.data, weights.data, out.data, x.rows, weights.cols, weights.rows, false);
        }
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
        // Only an index built here is kept for the next forward; the caller's index needs no copy of x.
        if (usedIndex == inputIndex && inputIndex != null && !indexedInputValid) {
            int size = x.rows * x.cols;
            if (indexedInput == null) {
                indexedInput = new float[size];
            }
            System.arraycopy(x.data, 0, indexedInput, 0, size);
            indexedInputValid = true;
        }
        if (lastForwardSparse && ElementWise.allFinite(dout.data, n * weights.cols)) {
            gemm.sparseAtb(usedIndex, dout.data, weightGrad.data, weights.cols);
        } else {
            if (usedIndex != null) {
                usedIndex.writeInput(x.data);
            }
            gemm.atb(x.data, dout.data, weightGrad.data, weights.rows, weights.cols, n, false);
        }
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
