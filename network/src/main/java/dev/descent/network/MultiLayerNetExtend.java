package dev.descent.network;

import dev.descent.network.matrix.Matrix;
import dev.descent.network.kernels.Gemm;
import dev.descent.network.kernels.NonZeroIndex;
import dev.descent.network.layers.BatchNorm;
import dev.descent.network.layers.Dropout;
import dev.descent.network.layers.Mode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The book's {@code MultiLayerNetExtend} (§6.3–§6.4): {@link MultiLayerNet} with optional Batch
 * Normalization and Dropout. Each hidden layer is Affine → [{@link BatchNorm}] → activation →
 * [{@link Dropout}], then Affine → SoftmaxWithLoss, with optional L2 weight decay on the weights:
 * <pre>
 *   loss = −Σ_i log(y[i][t_i] + 1e-7) / N + ½ λ Σ_l ‖W_l‖²     (weights only: not b, γ, β)
 *   dW_l = backprop(dW_l) + λ W_l
 * </pre>
 *
 * <p><b>Parameters.</b> {@link #params()} holds the live arrays W1, b1, gamma1, beta1, W2, b2, gamma2,
 * beta2, …, Wn, bn (γ and β only with BatchNorm, one pair per hidden layer, as the book names them);
 * {@link #gradient} returns the same keys. Optimizers update these arrays in place and must never
 * replace them. Weights are drawn exactly as {@link MultiLayerNet}'s (same seed, same weights: N(0, std²)
 * by Box–Muller from {@code SplittableRandom(seed)}, W1 row-major first); biases and β start at 0, γ at 1.
 * BatchNorm's running mean and variance are state, not parameters: they are not in the map (an optimizer
 * must not touch them), start at 0 as in the book, and are read with {@link #runningMean} and
 * {@link #runningVariance}.
 *
 * <p><b>Modes</b> (the book's {@code train_flg}). {@link #gradient} always runs in {@link Mode#TRAIN}:
 * batch statistics, fresh dropout masks, and it moves the running averages. {@link #predict},
 * {@link #accuracy} and {@link #loss(Matrix, int[])} run in {@link Mode#EVALUATION}, as the book's
 * {@code predict}, {@code accuracy} and {@code loss} do by default: running averages, every unit kept and
 * scaled by 1 − ratio, nothing changes in the net, and each row's output depends on that row only, so
 * logging the loss never changes the training. {@link #loss(Matrix, int[], Mode)} gives the training-mode
 * loss when wanted (it too draws masks and moves the running averages). Without BatchNorm and Dropout the
 * modes agree and the net computes bit for bit what {@link MultiLayerNet} computes.
 *
 * <p><b>Randomness and threads.</b> The dropout masks come from one {@link SplittableRandom} per net,
 * {@code new SplittableRandom(seed).split()}, drawn in a fixed order (hidden layer by layer, row-major):
 * the same seed and the same calls give bit-identical results on any thread. A net is used by one thread
 * at a time; different nets share no mutable state.
 *
 * <p><b>Buffers.</b> As {@link MultiLayerNet}: per-batch-size layer stacks (the last
 * {@value #CACHED_BATCH_SIZES} batch sizes), so after the first call with a batch size no call allocates.
 *
 * <p><b>Bad input</b> throws {@link IllegalArgumentException} naming the row, column or index, as
 * {@link MultiLayerNet} does.
 */
public final class MultiLayerNetExtend implements TrainableNet {

    /** Rows per forward pass in {@link #accuracy}. */
    public static final int ACCURACY_CHUNK_ROWS = MultiLayerNet.ACCURACY_CHUNK_ROWS;
    /** How many batch sizes keep their activation buffers (least recently used is dropped). */
    static final int CACHED_BATCH_SIZES = 4;

    private final int inputSize;
    private final int[] hiddenSizes;
    private final int outputSize;
    private final Activation activation;
    private final WeightInit weightInit;
    private final double weightDecayLambda;
    private final boolean useBatchNorm;
    private final double dropoutRatio;
    private final long seed;

    private final Matrix[] weights;       // W_l is (n_{l-1}, n_l)
    private final float[][] biases;       // b_l is (n_l)
    private final Matrix[] weightGrads;   // dW_l, same shape as W_l
    private final float[][] biasGrads;    // db_l, same shape as b_l
    private final float[][][] norms;      // per hidden layer {γ, β, dγ, dβ, running mean, running var}, each (n_l)
    private final SplittableRandom dropoutRandom;   // null without Dropout
    private final Map<String, float[]> params;
    private final Map<String, float[]> grads;
    private final Gemm gemm = Gemm.create();

    private final ExtendedLayerStack[] stacks = new ExtendedLayerStack[CACHED_BATCH_SIZES];
    private final long[] lastUsed = new long[CACHED_BATCH_SIZES];
    private long useClock;
    private ExtendedLayerStack lastTrainingStack;

    /**
     * @param inputSize         features per example, e.g. 784
     * @param hiddenSizes       width of each hidden layer, e.g. {100, 100, 100, 100, 100}; may be empty
     * @param outputSize        number of classes, e.g. 10
     * @param activation        hidden-layer activation
     * @param weightInit        std of the initial weights
     * @param weightDecayLambda λ ≥ 0 of the L2 penalty ½λΣ‖W‖²; 0 disables it
     * @param useBatchNorm      BatchNorm after each hidden Affine (the book's {@code use_batchnorm})
     * @param dropoutRatio      in [0, 1): the probability of dropping a hidden unit in training; 0 means no
     *                          Dropout layers (the book's {@code use_dropout=False}), the book's figure uses 0.2
     * @param seed              seed of the weight initialisation and of the dropout masks
     */
    public MultiLayerNetExtend(int inputSize, int[] hiddenSizes, int outputSize, Activation activation,
                               WeightInit weightInit, double weightDecayLambda, boolean useBatchNorm,
                               double dropoutRatio, long seed) {
        InputChecks.requireNetShape(inputSize, hiddenSizes, outputSize, activation, weightInit, weightDecayLambda);
        if (!(dropoutRatio >= 0 && dropoutRatio < 1)) {
            throw new IllegalArgumentException("dropoutRatio " + dropoutRatio + " must be in [0, 1): the "
                    + "probability of dropping a hidden unit in training (0 turns Dropout off; the book uses 0.2)");
        }
        this.inputSize = inputSize;
        this.hiddenSizes = hiddenSizes.clone();
        this.outputSize = outputSize;
        this.activation = activation;
        this.weightInit = weightInit;
        this.weightDecayLambda = weightDecayLambda;
        this.useBatchNorm = useBatchNorm;
        this.dropoutRatio = dropoutRatio;
        this.seed = seed;

        int layers = hiddenSizes.length + 1;
        int[] sizes = layerSizes();
        weights = weightInit.drawWeights(sizes, seed);
        biases = new float[layers][];
        weightGrads = new Matrix[layers];
        biasGrads = new float[layers][];
        norms = useBatchNorm ? new float[hiddenSizes.length][][] : null;
        for (int l = 0; l < layers; l++) {
            int fanIn = sizes[l];
            int fanOut = sizes[l + 1];
            biases[l] = new float[fanOut];
            weightGrads[l] = new Matrix(fanIn, fanOut);
            biasGrads[l] = new float[fanOut];
            if (useBatchNorm && l < hiddenSizes.length) {
                float[] gamma = new float[fanOut];
                Arrays.fill(gamma, 1f);
                norms[l] = new float[][] {gamma, new float[fanOut], new float[fanOut], new float[fanOut],
                        new float[fanOut], new float[fanOut]};
            }
        }
        LinkedHashMap<String, float[]> p = new LinkedHashMap<>();
        LinkedHashMap<String, float[]> g = new LinkedHashMap<>();
        for (int l = 0; l < layers; l++) {
            String n = Integer.toString(l + 1);
            p.put("W" + n, weights[l].data);
            p.put("b" + n, biases[l]);
            g.put("W" + n, weightGrads[l].data);
            g.put("b" + n, biasGrads[l]);
            if (norms != null && l < hiddenSizes.length) {
                p.put("gamma" + n, norms[l][0]);
                p.put("beta" + n, norms[l][1]);
                g.put("gamma" + n, norms[l][2]);
                g.put("beta" + n, norms[l][3]);
            }
        }
        this.params = new FixedArrayMap(p);
        this.grads = new FixedArrayMap(g);
        this.dropoutRandom = dropoutRatio > 0 ? new SplittableRandom(seed).split() : null;
    }

    /**
     * The live parameter arrays W1, b1, [gamma1, beta1,] …, Wn, bn; the same map and arrays on every call.
     * Change the arrays' contents in place; the map itself is read-only.
     */
    public Map<String, float[]> params() {
        return params;
    }

    /**
     * In {@link Mode#TRAIN}: forward (batch statistics, new dropout masks, running averages moved) and
     * backward on a batch; returns the gradients of the training-mode loss with respect to every
     * parameter, keyed like {@link #params()}. The map and its arrays are owned by the net and
     * overwritten by the next call.
     *
     * @param x      x is (N, inputSize)
     * @param labels labels is (N), class indices in [0, outputSize)
     */
    public Map<String, float[]> gradient(Matrix x, int[] labels) {
        return gradient(x, null, labels);
    }

    /**
     * As {@link #gradient(Matrix, int[])}, with labels as unsigned bytes.
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
     * The mean cross-entropy plus ½λΣ‖W‖² in {@link Mode#EVALUATION} (the book's {@code loss(x, t)}
     * default); changes nothing in the net.
     *
     * @param x      x is (N, inputSize)
     * @param labels labels is (N)
     */
    public double loss(Matrix x, int[] labels) {
        return loss(x, labels, Mode.EVALUATION);
    }

    /**
     * The mean cross-entropy plus ½λΣ‖W‖² in the given mode. {@link Mode#TRAIN} draws dropout masks and
     * moves the running averages, like a forward pass of {@link #gradient}.
     *
     * @param x      x is (N, inputSize)
     * @param labels labels is (N)
     */
    public double loss(Matrix x, int[] labels, Mode mode) {
        return loss(x, null, labels, mode);
    }

    /**
     * As {@link #loss(Matrix, int[], Mode)}, with the non-zeros of x already indexed (as in
     * {@link #gradient(Matrix, NonZeroIndex, int[])}).
     */
    public double loss(Matrix x, NonZeroIndex xNonZeros, int[] labels, Mode mode) {
        InputChecks.requireBatch(x, inputSize);
        InputChecks.requireLabels(labels, x.rows, outputSize);
        ExtendedLayerStack stack = stackFor(x.rows);
        double loss = stack.forwardLoss(x, xNonZeros, labels, requireMode(mode));
        if (mode == Mode.TRAIN) {
            lastTrainingStack = stack;
        }
        return loss + weightDecayLoss();
    }

    /**
     * As {@link #loss(Matrix, int[])}, with labels as unsigned bytes.
     *
     * @param x      x is (N, inputSize)
     * @param labels labels is (N)
     */
    public double loss(Matrix x, byte[] labels) {
        return loss(x, labels, Mode.EVALUATION);
    }

    /**
     * As {@link #loss(Matrix, int[], Mode)}, with labels as unsigned bytes.
     *
     * @param x      x is (N, inputSize)
     * @param labels labels is (N)
     */
    public double loss(Matrix x, byte[] labels, Mode mode) {
        InputChecks.requireBatch(x, inputSize);
        InputChecks.requireLabels(labels, x.rows, outputSize);
        ExtendedLayerStack stack = stackFor(x.rows);
        double loss = stack.forwardLoss(x, null, stack.labelsAsInts(labels), requireMode(mode));
        if (mode == Mode.TRAIN) {
            lastTrainingStack = stack;
        }
        return loss + weightDecayLoss();
    }

    /**
     * The scores (before softmax) for a batch, in {@link Mode#EVALUATION}.
     *
     * @param x x is (N, inputSize)
     * @return scores (N, outputSize) in a buffer owned by the net: read or copy it before the next call
     */
    public Matrix predict(Matrix x) {
        return predict(x, null);
    }

    /**
     * The fraction of rows whose highest score (the first one on ties) is the label, in
     * {@link Mode#EVALUATION}, in chunks of {@value #ACCURACY_CHUNK_ROWS} rows.
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
     * As {@link #gradient(Matrix, int[])}, with the non-zeros of x already indexed: the first layer may use
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

    /** As {@link #loss(Matrix, int[])}, in {@link Mode#EVALUATION}, with the non-zeros of x already indexed. */
    @Override
    public double loss(Matrix x, NonZeroIndex xNonZeros, int[] labels) {
        return loss(x, xNonZeros, labels, Mode.EVALUATION);
    }

    /** As {@link #predict(Matrix)}, with the non-zeros of x already indexed. */
    @Override
    public Matrix predict(Matrix x, NonZeroIndex xNonZeros) {
        InputChecks.requireBatch(x, inputSize);
        return stackFor(x.rows).forward(x, xNonZeros, Mode.EVALUATION);
    }

    /**
     * As {@link #accuracy(Matrix, int[])}, with the non-zeros of x already indexed; the index is used when x fits
     * in one chunk of {@value #ACCURACY_CHUNK_ROWS} rows.
     */
    @Override
    public double accuracy(Matrix x, NonZeroIndex xNonZeros, int[] labels) {
        InputChecks.requireBatch(x, inputSize);
        InputChecks.requireLabels(labels, x.rows, outputSize);
        return accuracy(x, xNonZeros, labels, null);
    }

    /** A copy of BatchNorm's running mean of hidden layer {@code layer} (1-based, as in gamma1). */
    public float[] runningMean(int layer) {
        return normArray(layer, 4).clone();
    }

    /** A copy of BatchNorm's running variance of hidden layer {@code layer} (1-based, as in gamma1). */
    public float[] runningVariance(int layer) {
        return normArray(layer, 5).clone();
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

    /** The number of Affine layers (hidden layers + 1). */
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

    public boolean useBatchNorm() {
        return useBatchNorm;
    }

    /** The dropout ratio; 0 when the net has no Dropout layers. */
    public double dropoutRatio() {
        return dropoutRatio;
    }

    public long seed() {
        return seed;
    }

    /**
     * E.g. "MultiLayerNetExtend(784-100-100-10, activation=relu, weightInit=he, lambda=0.0,
     * batchNorm=true, dropout=0.2, seed=1)".
     */
    @Override
    public String toString() {
        String sizes = Arrays.stream(layerSizes()).mapToObj(Integer::toString).collect(Collectors.joining("-"));
        return "MultiLayerNetExtend(" + sizes + ", activation=" + activation + ", weightInit=" + weightInit
                + ", lambda=" + weightDecayLambda + ", batchNorm=" + useBatchNorm + ", dropout=" + dropoutRatio
                + ", seed=" + seed + ")";
    }

    /**
     * Whether hidden unit {@code index} (row-major in (N, width)) of hidden layer {@code layer} (1-based)
     * was kept by the dropout mask of the last training-mode forward ({@link #gradient} or a training-mode
     * {@link #loss}); for tests that recompute it.
     */
    boolean dropoutKept(int layer, int index) {
        if (dropoutRandom == null || lastTrainingStack == null) {
            throw new IllegalStateException("no dropout mask: the net has no Dropout or no training-mode forward ran");
        }
        return lastTrainingStack.dropoutKept(layer - 1, index);
    }

    private Map<String, float[]> backprop(Matrix x, NonZeroIndex xNonZeros, int[] labels) {
        ExtendedLayerStack stack = stackFor(x.rows);
        stack.forwardLoss(x, xNonZeros, labels, Mode.TRAIN);
        stack.backward();
        lastTrainingStack = stack;
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
            ExtendedLayerStack stack = stackFor(rows);
            Matrix chunk = x;
            if (rows != x.rows) {
                chunk = stack.inputChunk(inputSize);
                System.arraycopy(x.data, start * inputSize, chunk.data, 0, rows * inputSize);
            }
            Matrix scores = stack.forward(chunk, chunk == x ? xNonZeros : null, Mode.EVALUATION); // (rows, outputSize)
            for (int i = 0; i < rows; i++) {
                int label = intLabels != null ? intLabels[start + i] : byteLabels[start + i] & 0xFF;
                if (argmax(scores.data, i * outputSize, outputSize) == label) {
                    correct++;
                }
            }
        }
        return (double) correct / x.rows;
    }

    /** ½λΣ‖W‖² over the weights (not b, γ, β), summed in double. */
    private double weightDecayLoss() {
        return WeightDecay.loss(weights, weightDecayLambda);
    }

    private float[] normArray(int layer, int which) {
        if (norms == null) {
            throw new IllegalStateException("the net was built without BatchNorm (useBatchNorm = false)");
        }
        if (layer < 1 || layer > norms.length) {
            throw new IllegalArgumentException("hidden layer " + layer + " does not exist: BatchNorm layers are 1.."
                    + norms.length);
        }
        return norms[layer - 1][which];
    }

    private static Mode requireMode(Mode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("mode is null: use Mode.TRAIN or Mode.EVALUATION");
        }
        return mode;
    }

    /** The layer stack for batch size {@code rows}, creating it in place of the least recently used. */
    private ExtendedLayerStack stackFor(int rows) {
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
        if (stacks[victim] == lastTrainingStack) {
            lastTrainingStack = null;
        }
        stacks[victim] = new ExtendedLayerStack(rows, weights, biases, weightGrads, biasGrads, norms, activation,
                dropoutRatio, dropoutRandom, gemm);
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
