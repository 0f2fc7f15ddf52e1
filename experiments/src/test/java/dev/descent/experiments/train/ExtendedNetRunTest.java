package dev.descent.experiments.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.mnist.BatchSampler;
import dev.descent.mnist.Fixture;
import dev.descent.mnist.MnistData;
import dev.descent.network.Activation;
import dev.descent.network.matrix.Matrix;
import dev.descent.network.MultiLayerNetExtend;
import dev.descent.network.WeightInit;
import dev.descent.optimizers.Optimizer;
import dev.descent.optimizers.Optimizers;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The training loop with the book's BatchNorm/Dropout net and on a subset of the training set. */
class ExtendedNetRunTest {

    private static TrainingSetup setup(boolean batchNorm, double dropout, int trainSize, int iterations) {
        return new TrainingSetup("mnist", List.of(20, 12), Activation.RELU, "he", 0.01, batchNorm, dropout,
                iterations, 32, trainSize, Sampling.WITH_REPLACEMENT, 10, 3);
    }

    @Test
    void shapesIncludeGammaAndBetaKeyForKeyInTheNetsOrder() {
        TrainingSetup setup = setup(true, 0.2, TrainingSetup.ALL_TRAINING_EXAMPLES, 5);
        Map<String, int[]> shapes = setup.parameterShapes();
        Map<String, float[]> params = setup.newTrainableNet().params();
        assertEquals(List.of("W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2", "W3", "b3"),
                List.copyOf(shapes.keySet()));
        assertEquals(List.copyOf(params.keySet()), List.copyOf(shapes.keySet()));
        assertArrayEquals(new int[] {20}, shapes.get("gamma1"));
        assertArrayEquals(new int[] {12}, shapes.get("beta2"));
        shapes.forEach((key, shape) -> assertEquals(params.get(key).length,
                shape.length == 1 ? shape[0] : shape[0] * shape[1], key));
        // Dropout alone has no parameters of its own.
        assertEquals(setup(false, 0, TrainingSetup.ALL_TRAINING_EXAMPLES, 5).parameterShapes().keySet(),
                setup(false, 0.2, TrainingSetup.ALL_TRAINING_EXAMPLES, 5).parameterShapes().keySet());
    }

    @Test
    void onlyBatchNormOrDropoutMakeTheExtendedNet() {
        assertFalse(setup(false, 0, TrainingSetup.ALL_TRAINING_EXAMPLES, 5).extended());
        assertTrue(setup(true, 0, TrainingSetup.ALL_TRAINING_EXAMPLES, 5).extended());
        assertTrue(setup(false, 0.5, TrainingSetup.ALL_TRAINING_EXAMPLES, 5).extended());
        assertThrows(IllegalStateException.class, () -> setup(true, 0, TrainingSetup.ALL_TRAINING_EXAMPLES, 5)
                .newNet());
        assertThrows(IllegalArgumentException.class, () -> setup(false, 1.0, TrainingSetup.ALL_TRAINING_EXAMPLES, 5));
        assertThrows(IllegalArgumentException.class, () -> setup(false, 0, 31, 5));
    }

    /**
     * The run is the book's loop written out by hand on {@link MultiLayerNetExtend}: gradient in training mode,
     * update, loss in evaluation mode, accuracy on the whole test set in evaluation mode.
     */
    @Test
    void aBatchNormDropoutRunIsTheBooksLoopOnTheExtendedNet() throws IOException {
        MnistData data = Fixture.load();
        TrainingSetup setup = setup(true, 0.2, TrainingSetup.ALL_TRAINING_EXAMPLES, 25);
        RunResult run = new TrainingRun(setup, "momentum", data.train(), EvaluationSet.of(data.test()), () -> false)
                .call();

        MultiLayerNetExtend net = new MultiLayerNetExtend(784, new int[] {20, 12}, 10, Activation.RELU,
                WeightInit.he(), 0.01, true, 0.2, 3);
        Optimizer optimizer = Optimizers.parse("momentum");
        BatchSampler sampler = setup.sampling().sampler(data.train().size(), 32, setup.samplerSeed());
        int[] indices = new int[32];
        float[] pixels = new float[32 * 784];
        int[] labels = new int[32];
        Matrix x = new Matrix(32, 784, pixels);
        float[] testPixels = new float[data.test().size() * 784];
        int[] testLabels = new int[data.test().size()];
        data.test().gatherRange(0, data.test().size(), testPixels, testLabels);
        Matrix testX = new Matrix(data.test().size(), 784, testPixels);
        double[] losses = new double[25];
        double[] accuracies = new double[4];
        int evaluation = 0;
        for (int i = 0; i < 25; i++) {
            sampler.next(indices);
            data.train().gather(indices, 32, pixels, labels);
            optimizer.update(net.params(), net.gradient(x, labels));
            losses[i] = net.loss(x, labels);
            if (i % 10 == 0 || i == 24) {
                accuracies[evaluation++] = net.accuracy(testX, testLabels);
            }
        }
        assertArrayEquals(losses, run.losses());
        assertArrayEquals(accuracies, run.testAccuracy());
        assertTrue(run.complete());
    }

    /** Training on the first N images is training on a data set that holds only them ({@code Dataset.head}). */
    @Test
    void aTrainSizeTrainsOnTheFirstImagesOnly() throws IOException {
        MnistData data = Fixture.load();
        EvaluationSet test = EvaluationSet.of(data.test());
        TrainingSetup subset = setup(false, 0, 100, 30);
        TrainingSetup whole = setup(false, 0, TrainingSetup.ALL_TRAINING_EXAMPLES, 30);
        RunResult onSubset = new TrainingRun(subset, "sgd:lr=0.1", data.train(), test, () -> false).call();
        RunResult onHead = new TrainingRun(whole, "sgd:lr=0.1", data.train().head(100), test, () -> false).call();
        RunResult onAll = new TrainingRun(whole, "sgd:lr=0.1", data.train(), test, () -> false).call();
        assertArrayEquals(onHead.losses(), onSubset.losses());
        assertArrayEquals(onHead.testAccuracy(), onSubset.testAccuracy());
        assertFalse(Arrays.equals(onAll.losses(), onSubset.losses()), "the subset changes the batches");

        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> new TrainingRun(
                setup(false, 0, 2000, 5), "sgd", data.train(), test, () -> false));
        assertTrue(tooMany.getMessage().contains("train size 2000 is larger than the training set (1000"),
                tooMany.getMessage());
    }
}
