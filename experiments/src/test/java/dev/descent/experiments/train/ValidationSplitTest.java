package dev.descent.experiments.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.mnist.BatchSampler;
import dev.descent.mnist.Dataset;
import dev.descent.mnist.Fixture;
import dev.descent.mnist.MnistData;
import dev.descent.network.Activation;
import dev.descent.network.MultiLayerNet;
import dev.descent.network.matrix.Matrix;
import dev.descent.optimizers.Optimizer;
import dev.descent.optimizers.Optimizers;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validation split and the train accuracy: the split is the end of the training pool, fixed whatever the seed;
 * no batch ever reaches it; and the accuracies a run records are the counts a hand-written loop finds on the same
 * net, on the examples trained on and on the split (training examples, not test examples).
 */
class ValidationSplitTest {

    private static TrainingSetup setup(int trainSize, int validation, boolean trainAccuracy, long seed,
                                       Sampling sampling, int iterations) {
        return new TrainingSetup("mnist", List.of(24, 16), Activation.RELU, "he", 0, false, 0, iterations, 40,
                trainSize, sampling, iterations, seed, validation, trainAccuracy);
    }

    @Test
    void theSplitIsTheEndOfThePoolAndTheSameForEverySeed() {
        for (long seed : new long[] {0, 1, 77}) {
            TrainingSetup book = setup(500, 100, false, seed, Sampling.WITH_REPLACEMENT, 10);
            assertEquals(400, book.trainingExamples(60_000));
            assertEquals(400, book.validationStart(60_000));
            TrainingSetup whole = setup(TrainingSetup.ALL_TRAINING_EXAMPLES, 10_000, false, seed,
                    Sampling.EPOCHS, 10);
            assertEquals(50_000, whole.trainingExamples(60_000));
            assertEquals(50_000, whole.validationStart(60_000));
        }
        TrainingSetup none = setup(300, 0, false, 0, Sampling.WITH_REPLACEMENT, 10);
        assertEquals(300, none.trainingExamples(60_000));
        assertTrue(!none.hasValidation());
        assertThrows(IllegalArgumentException.class, () -> setup(100, 90, false, 0, Sampling.EPOCHS, 10),
                "10 examples left cannot fill a batch of 40");
    }

    @Test
    void noBatchReachesTheValidationSplit() {
        for (Sampling sampling : Sampling.values()) {
            TrainingSetup setup = setup(500, 100, false, 5, sampling, 10);
            BatchSampler sampler = setup.sampling().sampler(setup.trainingExamples(1000), setup.batchSize(),
                    setup.samplerSeed());
            int[] indices = new int[setup.batchSize()];
            int highest = -1;
            for (int batch = 0; batch < 2000; batch++) {
                sampler.next(indices);
                for (int index : indices) {
                    assertTrue(index >= 0 && index < 400, sampling + " drew example " + index);
                    highest = Math.max(highest, index);
                }
            }
            assertEquals(399, highest, "the whole rest of the pool is trained on");
        }
    }

    /** Scrambling the validation examples changes nothing a run trains on, only what it measures on them. */
    @Test
    void trainingNeverSeesTheValidationExamples() throws IOException {
        MnistData data = Fixture.load();
        Dataset train = data.train();
        Dataset scrambled = withScrambledTail(train, 200);
        TrainingSetup setup = setup(TrainingSetup.ALL_TRAINING_EXAMPLES, 200, true, 3, Sampling.EPOCHS, 30);
        EvaluationSet test = EvaluationSet.of(data.test());
        RunResult original = new TrainingRun(setup, "momentum", train, test, () -> false).call();
        RunResult changed = new TrainingRun(setup, "momentum", scrambled, test, () -> false).call();
        assertArrayEquals(original.losses(), changed.losses());
        assertArrayEquals(original.testAccuracy(), changed.testAccuracy());
        assertArrayEquals(original.trainAccuracy(), changed.trainAccuracy());
        assertNotEquals(original.finalValidationLoss(), changed.finalValidationLoss());
    }

    /** The last {@code tail} examples with their pixels inverted and their labels moved on by one. */
    private static Dataset withScrambledTail(Dataset data, int tail) {
        int features = data.features();
        byte[] pixels = new byte[data.size() * features];
        byte[] labels = data.labels().clone();
        float[] row = new float[features];
        for (int i = 0; i < data.size(); i++) {
            data.gatherRange(i, 1, row, null);
            boolean scramble = i >= data.size() - tail;
            for (int f = 0; f < features; f++) {
                int value = Math.round(row[f] * 255);
                pixels[i * features + f] = (byte) (scramble ? 255 - value : value);
            }
            if (scramble) {
                labels[i] = (byte) ((labels[i] + 1) % 10);
            }
        }
        return new Dataset(data.name() + " (scrambled tail)", data.rows(), data.cols(), pixels, labels);
    }

    /**
     * The recorded train and validation accuracy after the last iteration are the counts of correct argmax
     * predictions a hand-written copy of the loop finds on examples 0..599 and 600..799 of the training set (train
     * size 800, validation 200); the validation loss is the net's loss on the 200 examples in one pass.
     */
    @Test
    void recordedAccuraciesAreIndependentCountsOnTheSameNet() throws IOException {
        MnistData data = Fixture.load();
        Dataset train = data.train();
        TrainingSetup setup = setup(800, 200, true, 11, Sampling.WITH_REPLACEMENT, 25);
        RunResult run = new TrainingRun(setup, "sgd:lr=0.1", train, EvaluationSet.of(data.test()), () -> false)
                .call();

        MultiLayerNet net = setup.newNet();
        Optimizer sgd = Optimizers.parse("sgd:lr=0.1");
        sgd.plan(setup.parameterShapes(), setup.iterations());
        BatchSampler sampler = setup.sampling().sampler(600, setup.batchSize(), setup.samplerSeed());
        int[] indices = new int[setup.batchSize()];
        float[] pixels = new float[setup.batchSize() * 784];
        int[] labels = new int[setup.batchSize()];
        Matrix x = new Matrix(setup.batchSize(), 784, pixels);
        for (int i = 0; i < setup.iterations(); i++) {
            sampler.next(indices);
            train.gather(indices, setup.batchSize(), pixels, labels);
            sgd.update(net.params(), net.gradient(x, labels));
        }
        int last = run.evalIterations().length - 1;
        assertEquals(setup.iterations() - 1, run.evalIterations()[last]);
        assertEquals(correct(net, train, 0, 600) / 600.0, run.trainAccuracy()[last]);
        assertEquals(correct(net, train, 600, 200) / 200.0, run.validationAccuracy()[last]);
        // The validation loss is the mean cross-entropy: on a net without weight decay, the net's own loss.
        Matrix all = new Matrix(200, 784);
        int[] validationLabels = new int[200];
        train.gatherRange(600, 200, all.data, validationLabels);
        assertEquals(net.loss(all, validationLabels), run.validationLoss()[last], 1e-6);
        assertEquals(crossEntropy(net, all, validationLabels), run.validationLoss()[last], 1e-12);
        assertEquals(2, run.trainAccuracy().length);
    }

    /** The mean of −ln softmax(scores)[label], in double with the usual max shift, rows in order. */
    private static double crossEntropy(MultiLayerNet net, Matrix x, int[] labels) {
        Matrix scores = net.predict(x);
        double sum = 0;
        for (int r = 0; r < x.rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < scores.cols; c++) {
                max = Math.max(max, scores.data[r * scores.cols + c]);
            }
            double exps = 0;
            for (int c = 0; c < scores.cols; c++) {
                exps += Math.exp(scores.data[r * scores.cols + c] - max);
            }
            sum += Math.log(exps) - (scores.data[r * scores.cols + labels[r]] - max);
        }
        return sum / x.rows;
    }

    /** Examples from..from+count-1 whose highest score is the label (the first highest on ties). */
    private static int correct(MultiLayerNet net, Dataset data, int from, int count) {
        Matrix x = new Matrix(count, 784);
        int[] labels = new int[count];
        data.gatherRange(from, count, x.data, labels);
        Matrix scores = net.predict(x);
        int correct = 0;
        for (int r = 0; r < count; r++) {
            int best = 0;
            for (int c = 1; c < scores.cols; c++) {
                if (scores.data[r * scores.cols + c] > scores.data[r * scores.cols + best]) {
                    best = c;
                }
            }
            correct += best == labels[r] ? 1 : 0;
        }
        return correct;
    }
}
