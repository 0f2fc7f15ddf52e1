package dev.descent.network;

import dev.descent.network.kernels.NonZeroIndex;
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
 *
 * <p>Each pass also takes the non-zeros of x when the caller already has them ({@link NonZeroIndex#adopt}: a data
 * loader lists them while it decodes the images), so that the first layer need not scan x for them. The caller
 * guarantees that the index describes x's current contents; the results are bit for bit those without it. The
 * default methods ignore the index, which is always correct; both nets of this module use it.
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

    /**
     * As {@link #gradient(Matrix, int[])}, with x's non-zeros already indexed.
     *
     * @param x         x is (N, inputSize)
     * @param xNonZeros the entries of x that are {@code != 0}, (N, inputSize), or null
     * @param labels    labels is (N)
     */
    default Map<String, float[]> gradient(Matrix x, NonZeroIndex xNonZeros, int[] labels) {
        return gradient(x, labels);
    }

    /** As {@link #loss(Matrix, int[])}, with x's non-zeros already indexed (or null). */
    default double loss(Matrix x, NonZeroIndex xNonZeros, int[] labels) {
        return loss(x, labels);
    }

    /** As {@link #accuracy(Matrix, int[])}, with x's non-zeros already indexed (or null). */
    default double accuracy(Matrix x, NonZeroIndex xNonZeros, int[] labels) {
        return accuracy(x, labels);
    }

    /** As {@link #predict(Matrix)}, with x's non-zeros already indexed (or null). */
    default Matrix predict(Matrix x, NonZeroIndex xNonZeros) {
        return predict(x);
    }
}
