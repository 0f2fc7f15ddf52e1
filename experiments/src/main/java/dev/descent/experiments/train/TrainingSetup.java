package dev.descent.experiments.train;

import dev.descent.network.Activation;
import dev.descent.network.MultiLayerNet;
import dev.descent.network.MultiLayerNetExtend;
import dev.descent.network.TrainableNet;
import dev.descent.network.WeightInit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that defines a training run except the optimizer: the data set, the net, the loop and the seed.
 * Two runs with equal setups and equal optimizer specs compute bit-identical losses.
 *
 * @param dataset      "mnist" or "fashion"
 * @param hiddenSizes  widths of the hidden layers, e.g. [100, 100, 100, 100]
 * @param activation   hidden activation
 * @param weightInit   canonical weight-init spelling: "he", "xavier" or a standard deviation such as "0.01"
 * @param weightDecay  L2 coefficient λ (loss + ½λΣ‖W‖²)
 * @param batchNorm    BatchNorm after each hidden Affine layer (the book's §6.3)
 * @param dropout      Dropout ratio in [0, 1) after each hidden activation, 0 for none (the book's §6.4.3)
 * @param iterations   number of updates
 * @param batchSize    examples per batch
 * @param trainSize    train on the first this many training examples, or {@link #ALL_TRAINING_EXAMPLES}
 * @param sampling     how batches are drawn
 * @param evalEvery    test accuracy after every this many iterations (and after the last)
 * @param seed         seeds the initial weights, the dropout masks and the batch sequence
 * @param validation   the last this many examples of the training pool (the first {@code trainSize}, or all) are
 *                     held out as a validation set: never trained on, measured (accuracy and loss) at every
 *                     evaluation; 0 for none
 * @param trainAccuracy also measure the accuracy on the examples trained on at every evaluation (figure 6-20)
 */
public record TrainingSetup(String dataset, List<Integer> hiddenSizes, Activation activation, String weightInit,
                            double weightDecay, boolean batchNorm, double dropout, int iterations, int batchSize,
                            int trainSize, Sampling sampling, int evalEvery, long seed, int validation,
                            boolean trainAccuracy) {

    /** The book's ch06 optimizer_compare_mnist.py setting. */
    public static final List<Integer> BOOK_HIDDEN_SIZES = List.of(100, 100, 100, 100);
    public static final int BOOK_ITERATIONS = 2000;
    public static final int BOOK_BATCH_SIZE = 128;
    public static final int DEFAULT_EVAL_EVERY = 100;
    /** MNIST images are 28×28 and there are ten classes. */
    public static final int INPUT_SIZE = 784;
    public static final int OUTPUT_SIZE = 10;
    /** {@link #trainSize} meaning the whole training set. */
    public static final int ALL_TRAINING_EXAMPLES = 0;

    public TrainingSetup {
        hiddenSizes = List.copyOf(hiddenSizes);
        if (hiddenSizes.isEmpty()) {
            throw new IllegalArgumentException("hidden sizes are empty; give at least one layer width, e.g. 100,100");
        }
        for (int width : hiddenSizes) {
            if (width < 1) {
                throw new IllegalArgumentException("hidden size " + width + " in " + hiddenSizes + " must be at least 1");
            }
        }
        weightInit = WeightInit.parse(weightInit).toString();
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be a finite number >= 0, got " + weightDecay);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout ratio must be in [0, 1), got " + dropout
                    + " (0 means no Dropout; the book uses 0.2)");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be at least 1, got " + iterations);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (trainSize < 0) {
            throw new IllegalArgumentException("train size must be at least 1 (or " + ALL_TRAINING_EXAMPLES
                    + " for the whole training set), got " + trainSize);
        }
        if (trainSize != ALL_TRAINING_EXAMPLES && batchSize > trainSize) {
            throw new IllegalArgumentException("batch size " + batchSize + " is larger than the train size "
                    + trainSize + "; use a batch size of " + trainSize + " or less");
        }
        if (evalEvery < 1) {
            throw new IllegalArgumentException("eval-every must be at least 1, got " + evalEvery);
        }
        if (validation < 0) {
            throw new IllegalArgumentException("validation size must be at least 0 (0 for none), got " + validation);
        }
        if (trainSize != ALL_TRAINING_EXAMPLES && validation > 0 && batchSize > trainSize - validation) {
            throw new IllegalArgumentException("a validation split of " + validation + " leaves "
                    + (trainSize - validation) + " of the train size " + trainSize + " to train on, fewer than the"
                    + " batch size " + batchSize + "; use a smaller validation split or batch size");
        }
    }

    /** A setup without a validation split and without train accuracy: every run as it was before they existed. */
    public TrainingSetup(String dataset, List<Integer> hiddenSizes, Activation activation, String weightInit,
                         double weightDecay, boolean batchNorm, double dropout, int iterations, int batchSize,
                         int trainSize, Sampling sampling, int evalEvery, long seed) {
        this(dataset, hiddenSizes, activation, weightInit, weightDecay, batchNorm, dropout, iterations, batchSize,
                trainSize, sampling, evalEvery, seed, 0, false);
    }

    /** A setup with the plain net (no BatchNorm, no Dropout) trained on the whole training set. */
    public TrainingSetup(String dataset, List<Integer> hiddenSizes, Activation activation, String weightInit,
                         double weightDecay, int iterations, int batchSize, Sampling sampling, int evalEvery,
                         long seed) {
        this(dataset, hiddenSizes, activation, weightInit, weightDecay, false, 0, iterations, batchSize,
                ALL_TRAINING_EXAMPLES, sampling, evalEvery, seed);
    }

    /** The book's experiment on the given data set and seed. */
    public static TrainingSetup book(String dataset, long seed) {
        return new TrainingSetup(dataset, BOOK_HIDDEN_SIZES, Activation.RELU, "he", 0, BOOK_ITERATIONS,
                BOOK_BATCH_SIZE, Sampling.WITH_REPLACEMENT, DEFAULT_EVAL_EVERY, seed);
    }

    /** Whether the net is the book's {@code MultiLayerNetExtend}: BatchNorm or Dropout is on. */
    public boolean extended() {
        return batchNorm || dropout > 0;
    }

    /**
     * A fresh plain net with this setup's initial weights; every call returns the same weights.
     *
     * @throws IllegalStateException when the setup asks for BatchNorm or Dropout: use {@link #newTrainableNet()}
     */
    public MultiLayerNet newNet() {
        if (extended()) {
            throw new IllegalStateException("this setup has BatchNorm or Dropout; use newTrainableNet()");
        }
        return new MultiLayerNet(INPUT_SIZE, hiddenArray(), OUTPUT_SIZE, activation, WeightInit.parse(weightInit),
                weightDecay, seed);
    }

    /**
     * A fresh net for the training loop: the book's {@code MultiLayerNetExtend} when BatchNorm or Dropout is on,
     * else {@link #newNet()}'s plain net (so a setup without them computes exactly what it always did). Both draw
     * the same initial weights from the seed; the extended net also seeds its dropout masks from it.
     */
    public TrainableNet newTrainableNet() {
        if (!extended()) {
            return newNet();
        }
        return new MultiLayerNetExtend(INPUT_SIZE, hiddenArray(), OUTPUT_SIZE, activation,
                WeightInit.parse(weightInit), weightDecay, batchNorm, dropout, seed);
    }

    /**
     * How many training examples the run draws from, given the training set's size: the pool (the first
     * {@code trainSize}, or all) minus the validation split at its end. The batches draw indices below this number.
     */
    public int trainingExamples(int available) {
        return pool(available) - validation;
    }

    /**
     * The first index of the validation split: it is the last {@link #validation} examples of the pool, indices
     * {@code [validationStart, validationStart + validation)}, right after the examples trained on. Fixed, not drawn
     * from the seed, so that every trial, optimizer and seed of a tuning sees the same split.
     */
    public int validationStart(int available) {
        return pool(available) - validation;
    }

    /** Whether this setup holds out a validation split. */
    public boolean hasValidation() {
        return validation > 0;
    }

    private int pool(int available) {
        return trainSize == ALL_TRAINING_EXAMPLES ? available : trainSize;
    }

    private int[] hiddenArray() {
        return hiddenSizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The seed of the batch sequence. Derived from {@link #seed} but not equal to it, so that the weight generator and
     * the batch generator never walk the same stream.
     */
    public long samplerSeed() {
        return seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    }

    /** Whether evaluation happens after loop iteration {@code iteration} (0-based). */
    public boolean evaluatesAt(int iteration) {
        return (iteration % evalEvery == 0) || iteration == iterations - 1;
    }

    /** Number of evaluations a complete run makes. */
    public int evaluationCount() {
        int count = (iterations - 1) / evalEvery + 1;
        return (iterations - 1) % evalEvery == 0 ? count : count + 1;
    }

    /**
     * The shape of each parameter of {@link #newTrainableNet()}, keyed and ordered as its {@code params()}:
     * {@code W1 -> [784, 100]} (row-major (in, out)), {@code b1 -> [100]}, with BatchNorm {@code gamma1 -> [100]},
     * {@code beta1 -> [100]}, …; what {@code Optimizer.plan} takes.
     */
    public Map<String, int[]> parameterShapes() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        int in = INPUT_SIZE;
        for (int layer = 1; layer <= hiddenSizes.size() + 1; layer++) {
            int out = layer <= hiddenSizes.size() ? hiddenSizes.get(layer - 1) : OUTPUT_SIZE;
            shapes.put("W" + layer, new int[] {in, out});
            shapes.put("b" + layer, new int[] {out});
            if (batchNorm && layer <= hiddenSizes.size()) {
                shapes.put("gamma" + layer, new int[] {out});
                shapes.put("beta" + layer, new int[] {out});
            }
            in = out;
        }
        return shapes;
    }

    /** Architecture as the book writes it, e.g. "784-100-100-100-100-10". */
    public String architecture() {
        StringBuilder text = new StringBuilder().append(INPUT_SIZE);
        hiddenSizes.forEach(width -> text.append('-').append(width));
        return text.append('-').append(OUTPUT_SIZE).toString();
    }
}
