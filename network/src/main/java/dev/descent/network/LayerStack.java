package dev.descent.network;

import dev.descent.network.matrix.Matrix;
import dev.descent.network.kernels.Gemm;
import dev.descent.network.kernels.NonZeroIndex;
import dev.descent.network.kernels.SparseMode;
import dev.descent.network.layers.Affine;
import dev.descent.network.layers.Layer;
import dev.descent.network.layers.Relu;
import dev.descent.network.layers.Sigmoid;
import dev.descent.network.layers.SoftmaxWithLoss;

/**
 * The layers of one {@link MultiLayerNet} for one batch size N: Affine, activation, …, Affine, then
 * SoftmaxWithLoss. All stacks of a net share its parameter and gradient arrays; each owns its activation
 * buffers, so switching between, say, training batches of 128 and evaluation chunks of 1000 reallocates
 * nothing.
 */
final class LayerStack {

    final int rows;
    private final Layer[] layers;
    private final Affine first;            // layers[0], the one that sees x
    private final SoftmaxWithLoss lastLayer;
    private Matrix inputChunk;   // (N, inputSize), for copying a chunk of a larger x; allocated on first use
    private int[] labelCopy;     // (N), for byte labels; allocated on first use

    /**
     * @param weights     W1..Wn, Wi is (size[i-1], size[i])
     * @param biases      b1..bn
     * @param weightGrads dW1..dWn, same shapes as the weights
     * @param biasGrads   db1..dbn
     */
    LayerStack(int rows, Matrix[] weights, float[][] biases, Matrix[] weightGrads, float[][] biasGrads,
               Activation activation, Gemm gemm) {
        this.rows = rows;
        int affineCount = weights.length;
        this.layers = new Layer[2 * affineCount - 1];
        for (int i = 0; i < affineCount; i++) {
            // Only the first layer sees the raw input, whose zeros (81 % of MNIST's pixels) are worth skipping.
            SparseMode sparse = i == 0 ? SparseMode.active() : SparseMode.OFF;
            layers[2 * i] = new Affine(weights[i], biases[i], weightGrads[i], biasGrads[i], rows, gemm, i > 0, sparse);
            if (i < affineCount - 1) {
                int width = weights[i].cols;
                layers[2 * i + 1] = activation == Activation.RELU ? new Relu(rows, width) : new Sigmoid(rows, width);
            }
        }
        this.first = (Affine) layers[0];
        this.lastLayer = new SoftmaxWithLoss(rows, weights[affineCount - 1].cols);
    }

    /**
     * Runs every layer but the softmax.
     *
     * @param x         x is (N, inputSize), already checked for shape
     * @param xNonZeros the non-zeros of x for the first Affine ({@link Affine#forward(Matrix, NonZeroIndex)}), or
     *                  null to let it index x itself
     * @return the scores (N, outputSize), owned by the last Affine
     */
    Matrix forward(Matrix x, NonZeroIndex xNonZeros) {
        Matrix h = first.forward(x, xNonZeros);
        InputChecks.requireFiniteInput(x, h, xNonZeros);
        for (int i = 1; i < layers.length; i++) {
            h = layers[i].forward(h);
        }
        return h;
    }

    /** Forward through all layers including the softmax; returns the mean cross-entropy. */
    double forwardLoss(Matrix x, NonZeroIndex xNonZeros, int[] labels) {
        return lastLayer.forward(forward(x, xNonZeros), labels);
    }

    /** Backpropagates from the loss of the last {@link #forwardLoss}, filling the shared gradient arrays. */
    void backward() {
        Matrix dout = lastLayer.backward();
        for (int i = layers.length - 1; i >= 0; i--) {
            dout = layers[i].backward(dout);
        }
    }

    /** A reusable (N, inputSize) buffer for a chunk of rows of a larger input. */
    Matrix inputChunk(int inputSize) {
        if (inputChunk == null) {
            inputChunk = new Matrix(rows, inputSize);
        }
        return inputChunk;
    }

    /** The byte labels as ints (unsigned), in a reusable buffer of length N. */
    int[] labelsAsInts(byte[] labels) {
        if (labelCopy == null) {
            labelCopy = new int[rows];
        }
        for (int i = 0; i < rows; i++) {
            labelCopy[i] = labels[i] & 0xFF;
        }
        return labelCopy;
    }
}
