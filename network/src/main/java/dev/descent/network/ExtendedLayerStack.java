package dev.descent.network;

import dev.descent.network.matrix.Matrix;
import dev.descent.network.kernels.Gemm;
import dev.descent.network.kernels.NonZeroIndex;
import dev.descent.network.layers.Affine;
import dev.descent.network.layers.BatchNorm;
import dev.descent.network.layers.Dropout;
import dev.descent.network.layers.Layer;
import dev.descent.network.layers.Mode;
import dev.descent.network.layers.Relu;
import dev.descent.network.layers.Sigmoid;
import dev.descent.network.layers.SoftmaxWithLoss;
import java.util.SplittableRandom;

/**
 * The layers of one {@link MultiLayerNetExtend} for one batch size N: per hidden layer Affine →
 * [BatchNorm] → activation → [Dropout], then Affine → SoftmaxWithLoss. All stacks of a net share its
 * parameter, gradient and running-average arrays and its dropout generator; each owns its activation
 * buffers.
 */
final class ExtendedLayerStack {

    final int rows;
    private final Affine[] affines;        // hidden layers + 1
    private final BatchNorm[] norms;       // one per hidden layer, or null without BatchNorm
    private final Layer[] activations;     // one per hidden layer
    private final Dropout[] dropouts;      // one per hidden layer, or null without Dropout
    private final SoftmaxWithLoss lastLayer;
    private Matrix inputChunk;             // (N, inputSize); allocated on first use
    private int[] labelCopy;               // (N); allocated on first use

    /**
     * @param weights   W1..Wn, Wi is (size[i-1], size[i])
     * @param norms     per hidden layer {γ, β, dγ, dβ, running mean, running var}, or null without BatchNorm
     * @param dropout   the net's mask generator, or null without Dropout
     */
    ExtendedLayerStack(int rows, Matrix[] weights, float[][] biases, Matrix[] weightGrads, float[][] biasGrads,
                       float[][][] norms, Activation activation, double dropoutRatio, SplittableRandom dropout,
                       Gemm gemm) {
        this.rows = rows;
        int hidden = weights.length - 1;
        this.affines = new Affine[hidden + 1];
        this.norms = norms == null ? null : new BatchNorm[hidden];
        this.activations = new Layer[hidden];
        this.dropouts = dropout == null ? null : new Dropout[hidden];
        for (int l = 0; l <= hidden; l++) {
            affines[l] = new Affine(weights[l], biases[l], weightGrads[l], biasGrads[l], rows, gemm, l > 0);
            if (l == hidden) {
                break;
            }
            int width = weights[l].cols;
            if (norms != null) {
                float[][] n = norms[l];
                this.norms[l] = new BatchNorm(n[0], n[1], n[2], n[3], n[4], n[5], rows);
            }
            activations[l] = activation == Activation.RELU ? new Relu(rows, width) : new Sigmoid(rows, width);
            if (dropout != null) {
                dropouts[l] = new Dropout(dropoutRatio, dropout, rows, width);
            }
        }
        this.lastLayer = new SoftmaxWithLoss(rows, weights[hidden].cols);
    }

    /**
     * Runs every layer but the softmax.
     *
     * @param x         x is (N, inputSize), already checked for shape
     * @param xNonZeros the non-zeros of x for the first Affine ({@link Affine#forward(Matrix, NonZeroIndex)}), or
     *                  null
     * @return the scores (N, outputSize), owned by the last Affine
     */
    Matrix forward(Matrix x, NonZeroIndex xNonZeros, Mode mode) {
        Matrix h = affines[0].forward(x, xNonZeros);
        InputChecks.requireFiniteInput(x, h, xNonZeros);
        for (int l = 0; l < activations.length; l++) {
            if (l > 0) {
                h = affines[l].forward(h);
            }
            if (norms != null) {
                h = norms[l].forward(h, mode);
            }
            h = activations[l].forward(h);
            if (dropouts != null) {
                h = dropouts[l].forward(h, mode);
            }
        }
        return activations.length == 0 ? h : affines[activations.length].forward(h);
    }

    /** Forward through all layers including the softmax; returns the mean cross-entropy. */
    double forwardLoss(Matrix x, NonZeroIndex xNonZeros, int[] labels, Mode mode) {
        return lastLayer.forward(forward(x, xNonZeros, mode), labels);
    }

    /** Backpropagates from the loss of the last training {@link #forwardLoss}, filling the shared gradients. */
    void backward() {
        Matrix dout = lastLayer.backward();
        for (int l = activations.length; l >= 0; l--) {
            dout = affines[l].backward(dout);
            if (l == 0) {
                break;
            }
            if (dropouts != null) {
                dout = dropouts[l - 1].backward(dout);
            }
            dout = activations[l - 1].backward(dout);
            if (norms != null) {
                dout = norms[l - 1].backward(dout);
            }
        }
    }

    /** Whether unit {@code index} (row-major in (N, width)) of hidden layer {@code layer} (0-based) was kept. */
    boolean dropoutKept(int layer, int index) {
        return dropouts[layer].kept(index);
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
