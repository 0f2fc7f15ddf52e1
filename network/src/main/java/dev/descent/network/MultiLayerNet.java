package dev.descent.network;

import dev.descent.network.matrix.Matrix;
import dev.descent.network.kernels.Gemm;
import dev.descent.network.kernels.NonZeroIndex;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The book's fully connected {@code MultiLayerNet} (chapters 5–6): Affine → activation, repeated for each
 * hidden layer, then Affine → SoftmaxWithLoss, with optional L2 weight decay.
 * <pre>
 *   loss = −Σ_i log(y[i][t_i] + 1e-7) / N + ½ λ Σ_l ‖W_l‖²     (weights only, not biases)
 *   dW_l = backprop(dW_l) + λ W_l
 * </pre>
 *
 * <p><b>Parameters.</b> {@link #params()} holds the live arrays W1, b1, …, Wn, bn (Wl is (n_{l−1}, n_l)
 * row-major, bl is (n_l)); the layers read these very arrays, so an optimizer updates them in place and
 * must never replace them. Weights are N(0, std²) with std from {@link WeightInit}, drawn from
 * {@link java.util.SplittableRandom} seeded with {@code seed} by Box–Muller ({@link Gaussian}), W1 in
 * row-major order first, then W2, …; biases start at 0. Same seed, same weights, on any JVM.
 *
 * <p><b>Buffers.</b> Activations live in per-batch-size layer stacks (the last {@value #CACHED_BATCH_SIZES}
 * batch sizes used are kept), the GEMM packing buffers in this net. After the first call with a given batch
 * size, {@link #gradient}, {@link #loss}, {@link #predict} and {@link #accuracy} allocate nothing.
 *
 * <p><b>Threads and determinism.</b> A net is used by one thread at a time; different nets share no mutable
 * state and may run on different threads. Nothing inside runs in parallel, and every kernel path gives the
 * same bits, so the same inputs give bit-identical outputs.
 *
 * <p><b>Bad input</b> (wrong input width, empty batch, wrong label count, label out of range, NaN or
 * infinite input) throws {@link IllegalArgumentException} naming the row, column or index.
 */
public final class MultiLayerNet implements TrainableNet {

    /** Rows per forward pass in {@link #accuracy}, so large sets never need one huge activation matrix. */
    public static final int ACCURACY_CHUNK_ROWS = 1000;
    /** How many batch sizes keep their activation buffers (least recently used is dropped). */
    static final int CACHED_BATCH_SIZES = 4;

    private final int inputSize;
    private final int[] hiddenSizes;
    private final int outputSize;
    private final Activation activation;
    private final WeightInit weightInit;
    private final double weightDecayLambda;
    private final long seed;

    private final Matrix[] weights;       // W_l is (n_{l-1}, n_l)
    private final float[][] biases;       // b_l is (n_l)
    private final Matrix[] weightGrads;   // dW_l, same shape as W_l
    private final float[][] biasGrads;    // db_l, same shape as b_l
    private final Map<String, float[]> params;
    private final Map<String, float[]> grads;
    private final Gemm gemm = Gemm.create();

    private final LayerStack[] stacks = new LayerStack[CACHED_BATCH_SIZES];
    private final long[] lastUsed = new long[CACHED_BATCH_SIZES];
    private long useClock;

    /**
     * @param inputSize         features per example, e.g. 784
     * @param hiddenSizes       width of each hidden layer, e.g. {100, 100, 100, 100}; may be empty
     * @param outputSize        number of classes, e.g. 10
     * @param activation        hidden-layer activation
     * @param weightInit        std of the initial weights
     * @param weightDecayLambda λ ≥ 0 of the L2 penalty ½λΣ‖W‖²; 0 disables it
     * @param seed              seed of the weight initialisation
     */
    public MultiLayerNet(int inputSize, int[] hiddenSizes, int outputSize, Activation activation,
                         WeightInit weightInit, double weightDecayLambda, long seed) {
        InputChecks.requireNetShape(inputSize, hiddenSizes, outputSize, activation, weightInit, weightDecayLambda);
        this.inputSize = inputSize;
        this.hiddenSizes = hiddenSizes.clone();
        this.outputSize = outputSize;
        this.activation = activation;
        this.weightInit = weightInit;
        this.weightDecayLambda = weightDecayLambda;
        this.seed = seed;

        int layers = hiddenSizes.length + 1;
        int[] sizes = layerSizes();
        weights = weightInit.drawWeights(sizes, seed);
        biases = new float[layers][];
        weightGrads = new Matrix[layers];
        biasGrads = new float[layers][];
        LinkedHashMap<String, float[]> p = new LinkedHashMap<>();
        LinkedHashMap<String, float[]> g = new LinkedHashMap<>();
        for (int l = 0; l < layers; l++) {
            int fanIn = sizes[l];
            int fanOut = sizes[l + 1];
            biases[l] = new float[fanOut];
            weightGrads[l] = new Matrix(fanIn, fanOut);
            biasGrads[l] = new float[fanOut];
            p.put("W" + (l + 1), weights[l].data);
            p.put("b" + (l + 1), biases[l]);
            g.put("W" + (l + 1), weightGrads[l].data);
            g.put("b" + (l + 1), biasGrads[l]);
        }
        this.params = new FixedArrayMap(p);
        this.grads = new FixedArrayMap(g);
    }

    /**
     * The live parameter arrays W1, b1, …, Wn, bn in that order; the same map and arrays on every call.
     * Change the arrays' contents in place (that is how optimizers update the net); the map itself is
     * read-only.
     */
    public Map<String, float[]> params() {
        return params;
    }

    /**
     * Runs forward and backward on a batch and returns the gradients of {@link #loss} with respect to
     * every parameter, keyed like {@link #params()} with the same lengths. The map and its arrays are
     * owned by the net and overwritten by the next call.
     *
     * @param x      x is (N, inputSize)
     * @param labels labels is (N), class indices in [0, outputSize)
     */
    public Map<String, float[]> gradient(Matrix x, int[] labels) {
        return gradient(x, null, labels);
    }

    /**
     * As {@link #gradient(Matrix, int[])}, with labels as unsigned bytes (the MNIST label file's format).
     *
     * @param x      x is (N, inputSize)
     * @param labels labels is (N)
     */
    public Map<String, float[]> gradient(Matrix x, byte[] labels) {
        InputChecks.requireBatch(x, inputSize);
        InputChecks.requireLabels(labels, x.rows, outputSize);
        return backprop(x, null, stackFor(x.rows).labelsAsInts(labels));
    }

    /**
     * The mean cross-entropy of the batch plus ½λΣ‖W‖².
     *
     * @param x      x is (N, inputSize)
     * @param labels labels is (N)
     */
    public double loss(Matrix x, int[] labels) {
        return loss(x, null, labels);
    }

    /**
     * As {@link #loss(Matrix, int[])}, with labels as unsigned bytes.
     *
     * @param x      x is (N, inputSize)
     * @param labels labels is (N)
     */
    public double loss(Matrix x, byte[] labels) {
        InputChecks.requireBatch(x, inputSize);
        InputChecks.requireLabels(labels, x.rows, outputSize);
        LayerStack stack = stackFor(x.rows);
        return stack.forwardLoss(x, null, stack.labelsAsInts(labels)) + weightDecayLoss();
    }

    /**
     * The scores (before softmax) for a batch.
     *
     * @param x x is (N, inputSize)
     * @return scores (N, outputSize) in a buffer owned by the net: read or copy it before the next call on
     *         this net, which may overwrite it
     */
    public Matrix predict(Matrix x) {
        return predict(x, null);
    }

    /**
     * The fraction of rows whose highest score (the first one on ties) is the label. Works on any number
     * of rows, in chunks of {@value #ACCURACY_CHUNK_ROWS} through reused buffers.
     *
     * @param x      x is (N, inputSize)
     * @param labels labels is (N)
     */
    public double accuracy(Matrix x, int[] labels) {
        return accuracy(x, null, labels);
    }

    /**
     * As {@link #accuracy(Matrix, int[])}, with labels as unsigned bytes.
     *
     * @param x      x is (N, inputSize)
     * @param labels labels is (N)
     */
    public double accuracy(Matrix x, byte[] labels) {
        InputChecks.requireBatch(x, inputSize);
        InputChecks.requireLabels(labels, x.rows, outputSize);
        return accuracy(x, null, null, labels);
    }

    /**
     * As {@link #gradient(Matrix, int[])}, with the non-zeros of x already indexed: the first layer uses
     * {@code xNonZeros} instead of scanning x (see {@link TrainableNet#gradient(Matrix, NonZeroIndex, int[])}).
     * Same result, bit for bit.
     *
     * @param x         x is (N, inputSize)
     * @param xNonZeros the entries of x that are {@code != 0}, (N, inputSize); the caller guarantees it describes
     *                  x's current contents; null to index x here
     * @param labels    labels is (N), class indices in [0, outputSize)
     */
    @Override
    public Map<String, float[]> gradient(Matrix x, NonZeroIndex xNonZeros, int[] labels) {
        InputChecks.requireBatch(x, inputSize);
        InputChecks.requireLabels(labels, x.rows, outputSize);
        return backprop(x, xNonZeros, labels);
    }

    /** As {@link #loss(Matrix, int[])}, with the non-zeros of x already indexed (as in {@link #gradient}). */
    @Override
    public double loss(Matrix x, NonZeroIndex xNonZeros, int[] labels) {
        InputChecks.requireBatch(x, inputSize);
        InputChecks.requireLabels(labels, x.rows, outputSize);
        return stackFor(x.rows).forwardLoss(x, xNonZeros, labels) + weightDecayLoss();
    }

    /** As {@link #predict(Matrix)}, with the non-zeros of x already indexed (as in {@link #gradient}). */
    @Override
    public Matrix predict(Matrix x, NonZeroIndex xNonZeros) {
        InputChecks.requireBatch(x, inputSize);
        return stackFor(x.rows).forward(x, xNonZeros);
    }

    /**
     * As {@link #accuracy(Matrix, int[])}, with the non-zeros of x already indexed (as in {@link #gradient}); the
     * index is used when x fits in one chunk of {@value #ACCURACY_CHUNK_ROWS} rows, larger x are indexed chunk by
     * chunk as without it.
     */
    @Override
    public double accuracy(Matrix x, NonZeroIndex xNonZeros, int[] labels) {
        InputChecks.requireBatch(x, inputSize);
        InputChecks.requireLabels(labels, x.rows, outputSize);
        return accuracy(x, xNonZeros, labels, null);
    }

    public int inputSize() {
        return inputSize;
    }

    public int outputSize() {
        return outputSize;
    }

    /** A copy of the hidden layer widths. */
    public int[] hiddenSizes() {
        return hiddenSizes.clone();
    }

    /** The number of Affine layers (hidden layers + 1), i.e. the number of W/b pairs in {@link #params()}. */
    public int layerCount() {
        return weights.length;
    }

    public Activation activation() {
        return activation;
    }

    public WeightInit weightInit() {
        return weightInit;
    }

    public double weightDecayLambda() {
        return weightDecayLambda;
    }

    public long seed() {
        return seed;
    }

    /** E.g. "MultiLayerNet(784-100-100-100-100-10, activation=relu, weightInit=he, lambda=0.0, seed=1)". */
    @Override
    public String toString() {
        String sizes = Arrays.stream(layerSizes()).mapToObj(Integer::toString).collect(Collectors.joining("-"));
        return "MultiLayerNet(" + sizes + ", activation=" + activation + ", weightInit=" + weightInit
                + ", lambda=" + weightDecayLambda + ", seed=" + seed + ")";
    }

    private Map<String, float[]> backprop(Matrix x, NonZeroIndex xNonZeros, int[] labels) {
        LayerStack stack = stackFor(x.rows);
        stack.forwardLoss(x, xNonZeros, labels);
        stack.backward();
        if (weightDecayLambda != 0) {
            WeightDecay.addGradient(weights, weightGrads, (float) weightDecayLambda);
        }
        return grads;
    }

    /**
     * Exactly one of intLabels and byteLabels is non-null; x and the labels are already checked. The index of x,
     * if any, is used when x is scored in one chunk.
     */
    private double accuracy(Matrix x, NonZeroIndex xNonZeros, int[] intLabels, byte[] byteLabels) {
        int correct = 0;
        if (x.rows > ACCURACY_CHUNK_ROWS && xNonZeros != null) {
            xNonZeros.writeInput(x.data);   // the chunks are copied from x
        }
        for (int start = 0; start < x.rows; start += ACCURACY_CHUNK_ROWS) {
            int rows = Math.min(ACCURACY_CHUNK_ROWS, x.rows - start);
            LayerStack stack = stackFor(rows);
            Matrix chunk = x;
            if (rows != x.rows) {
                chunk = stack.inputChunk(inputSize);
                System.arraycopy(x.data, start * inputSize, chunk.data, 0, rows * inputSize);
            }
            Matrix scores = stack.forward(chunk, chunk == x ? xNonZeros : null);   // scores is (rows, outputSize)
            for (int i = 0; i < rows; i++) {
                int label = intLabels != null ? intLabels[start + i] : byteLabels[start + i] & 0xFF;
                if (argmax(scores.data, i * outputSize, outputSize) == label) {
                    correct++;
                }
            }
        }
        return (double) correct / x.rows;
    }

    /** ½λΣ‖W‖² over the weights (not the biases), summed in double. */
    private double weightDecayLoss() {
        return WeightDecay.loss(weights, weightDecayLambda);
    }

    /** The layer stack for batch size {@code rows}, creating it in place of the least recently used. */
    private LayerStack stackFor(int rows) {
        useClock++;
        int victim = 0;
        for (int i = 0; i < stacks.length; i++) {
            if (stacks[i] != null && stacks[i].rows == rows) {
                lastUsed[i] = useClock;
                return stacks[i];
            }
            if (lastUsed[i] < lastUsed[victim]) {   // an empty slot has lastUsed 0, the smallest
                victim = i;
            }
        }
        stacks[victim] = new LayerStack(rows, weights, biases, weightGrads, biasGrads, activation, gemm);
        lastUsed[victim] = useClock;
        return stacks[victim];
    }

    private int[] layerSizes() {
        int[] sizes = new int[hiddenSizes.length + 2];
        sizes[0] = inputSize;
        System.arraycopy(hiddenSizes, 0, sizes, 1, hiddenSizes.length);
        sizes[sizes.length - 1] = outputSize;
        return sizes;
    }

    /** Index of the largest of x[offset .. offset + length), the first one on ties (as numpy's argmax). */
    private static int argmax(float[] x, int offset, int length) {
        int best = 0;
        float bestValue = x[offset];
        for (int j = 1; j < length; j++) {
            if (x[offset + j] > bestValue) {
                bestValue = x[offset + j];
                best = j;
            }
        }
        return best;
    }
}
