package dev.descent.experiments.train;

import dev.descent.network.matrix.Matrix;
import dev.descent.network.MultiLayerNet;
import dev.descent.network.MultiLayerNetExtend;
import java.util.Map;

/**
 * What the training loop needs of a net, so that {@link TrainingRun} and {@link EvaluationSet} train and score the
 * book's {@link MultiLayerNet} and its {@link MultiLayerNetExtend} (BatchNorm, Dropout) alike. The two classes stay
 * as the book has them; {@link #of(MultiLayerNet)} and {@link #of(MultiLayerNetExtend)} put them behind this
 * interface without changing a call, so a run with neither BatchNorm nor Dropout computes what it always computed.
 *
 * <p>The loop's contract: {@link #gradient} is the training-mode pass (for the extended net: batch statistics,
 * fresh dropout masks); {@link #loss} and {@link #accuracy} are the evaluation-mode passes the book's
 * {@code loss(x, t)} and {@code accuracy(x, t)} are by default, which change nothing in the net.
 */
public interface TrainableNet {

    /** The live parameter arrays, keyed W1, b1, [gamma1, beta1,] …; optimizers change them in place. */
    Map<String, float[]> params();

    /**
     * Gradients of the training loss, keyed as {@link #params()}, in buffers the net owns.
     *
     * @param x      x is (N, 784)
     * @param labels labels is (N)
     */
    Map<String, float[]> gradient(Matrix x, int[] labels);

    /**
     * The mean cross-entropy plus the weight-decay term, in evaluation mode.
     *
     * @param x      x is (N, 784)
     * @param labels labels is (N)
     */
    double loss(Matrix x, int[] labels);

    /**
     * The fraction of rows whose highest score is the label, in evaluation mode.
     *
     * @param x      x is (N, 784)
     * @param labels labels is (N)
     */
    double accuracy(Matrix x, int[] labels);

    /**
     * The scores (before softmax) of each row, in evaluation mode, in a buffer the net owns (read it before the
     * next call).
     *
     * @param x x is (N, 784)
     * @return scores (N, 10)
     */
    Matrix predict(Matrix x);

    /** The book's plain net. */
    static TrainableNet of(MultiLayerNet net) {
        return new TrainableNet() {
            @Override
            public Map<String, float[]> params() {
                return net.params();
            }

            @Override
            public Map<String, float[]> gradient(Matrix x, int[] labels) {
                return net.gradient(x, labels);
            }

            @Override
            public double loss(Matrix x, int[] labels) {
                return net.loss(x, labels);
            }

            @Override
            public double accuracy(Matrix x, int[] labels) {
                return net.accuracy(x, labels);
            }

            @Override
            public Matrix predict(Matrix x) {
                return net.predict(x);
            }

            @Override
            public String toString() {
                return net.toString();
            }
        };
    }

    /** The book's net with BatchNorm and/or Dropout: gradient in training mode, loss and accuracy in evaluation. */
    static TrainableNet of(MultiLayerNetExtend net) {
        return new TrainableNet() {
            @Override
            public Map<String, float[]> params() {
                return net.params();
            }

            @Override
            public Map<String, float[]> gradient(Matrix x, int[] labels) {
                return net.gradient(x, labels);
            }

            @Override
            public double loss(Matrix x, int[] labels) {
                return net.loss(x, labels);
            }

            @Override
            public double accuracy(Matrix x, int[] labels) {
                return net.accuracy(x, labels);
            }

            @Override
            public Matrix predict(Matrix x) {
                return net.predict(x);
            }

            @Override
            public String toString() {
                return net.toString();
            }
        };
    }
}
