package dev.descent.network;

import dev.descent.network.matrix.Matrix;
import java.util.Map;

/**
 * What a training loop needs of a net, so that one loop trains and scores the book's {@link MultiLayerNet} and its
 * {@link MultiLayerNetExtend} (BatchNorm, Dropout) alike. Both implement it with the methods the book's classes
 * have, so a loop written against it computes, for the plain net, what it always computed.
 *
 * <p>The contract: {@link #gradient} is the training-mode pass (for the extended net: batch statistics, fresh
 * dropout masks); {@link #loss}, {@link #accuracy} and {@link #predict} are the evaluation-mode passes the book's
 * {@code loss(x, t)} and {@code accuracy(x, t)} are by default, which change nothing in the net.
 */
public interface TrainableNet {

    /** The live parameter arrays, keyed W1, b1, [gamma1, beta1,] …; optimizers change them in place. */
    Map<String, float[]> params();

    /**
     * Gradients of the training loss, keyed as {@link #params()}, in buffers the net owns.
     *
     * @param x      x is (N, inputSize)
     * @param labels labels is (N)
     */
    Map<String, float[]> gradient(Matrix x, int[] labels);

    /**
     * The mean cross-entropy plus the weight-decay term, in evaluation mode.
     *
     * @param x      x is (N, inputSize)
     * @param labels labels is (N)
     */
    double loss(Matrix x, int[] labels);

    /**
     * The fraction of rows whose highest score is the label, in evaluation mode.
     *
     * @param x      x is (N, inputSize)
     * @param labels labels is (N)
     */
    double accuracy(Matrix x, int[] labels);

    /**
     * The scores (before softmax) of each row, in evaluation mode, in a buffer the net owns (read it before the
     * next call).
     *
     * @param x x is (N, inputSize)
     * @return scores (N, outputSize)
     */
    Matrix predict(Matrix x);
}
