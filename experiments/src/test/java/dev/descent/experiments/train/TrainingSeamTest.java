package dev.descent.experiments.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.mnist.BatchSampler;
import dev.descent.mnist.Fixture;
import dev.descent.mnist.MnistData;
import dev.descent.network.Activation;
import dev.descent.network.matrix.Matrix;
import dev.descent.network.MultiLayerNet;
import dev.descent.optimizers.EvaluationWeights;
import dev.descent.optimizers.Optimizer;
import dev.descent.optimizers.Optimizers;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The training loop's side of the optimizer seams: shapes and length for plan(), schedule-free's evaluation. */
class TrainingSeamTest {

    private static TrainingSetup setup(int iterations) {
        return new TrainingSetup("mnist", List.of(20, 12), Activation.RELU, "he", 0, iterations, 32,
                Sampling.WITH_REPLACEMENT, 10, 3);
    }

    @Test
    void shapesMatchTheNetsArraysKeyForKey() {
        TrainingSetup setup = setup(5);
        Map<String, int[]> shapes = setup.parameterShapes();
        Map<String, float[]> params = setup.newNet().params();
        assertEquals(List.copyOf(params.keySet()), List.copyOf(shapes.keySet()));
        assertArrayEquals(new int[] {784, 20}, shapes.get("W1"));
        assertArrayEquals(new int[] {20}, shapes.get("b1"));
        assertArrayEquals(new int[] {20, 12}, shapes.get("W2"));
        assertArrayEquals(new int[] {12, 10}, shapes.get("W3"));
        shapes.forEach((key, shape) -> assertEquals(params.get(key).length,
                shape.length == 1 ? shape[0] : shape[0] * shape[1], key));
    }

    /** The recorded loss of sf-adamw is the loss at its average x, which differs from the loss at y. */
    @Test
    void scheduleFreeIsMeasuredAtItsAverage() throws IOException {
        MnistData data = Fixture.load();
        TrainingSetup setup = setup(12);
        EvaluationSet test = EvaluationSet.of(data.test());
        RunResult run = new TrainingRun(setup, "sf-adamw:lr=0.01", data.train(), test, () -> false).call();

        // The same loop by hand: gradient at y, then the loss once at x and once at y.
        MultiLayerNet net = setup.newNet();
        Map<String, float[]> params = net.params();
        Optimizer sf = Optimizers.parse("sf-adamw:lr=0.01");
        sf.plan(setup.parameterShapes(), setup.iterations());
        BatchSampler sampler = setup.sampling().sampler(data.train().size(), setup.batchSize(), setup.samplerSeed());
        int[] indices = new int[setup.batchSize()];
        float[] pixels = new float[setup.batchSize() * 784];
        int[] labels = new int[setup.batchSize()];
        Matrix x = new Matrix(setup.batchSize(), 784, pixels);
        double[] atX = new double[setup.iterations()];
        double[] atY = new double[setup.iterations()];
        for (int i = 0; i < setup.iterations(); i++) {
            sampler.next(indices);
            data.train().gather(indices, setup.batchSize(), pixels, labels);
            sf.update(params, net.gradient(x, labels));
            atY[i] = net.loss(x, labels);
            ((EvaluationWeights) sf).useEvaluationWeights(params);
            atX[i] = net.loss(x, labels);
            ((EvaluationWeights) sf).useTrainingWeights(params);
        }
        assertArrayEquals(atX, run.losses());
        assertNotEquals(atY[setup.iterations() - 1], run.losses()[setup.iterations() - 1]);
    }

    @Test
    void muonAndAScheduledAdamLearnOnTheFixture() throws IOException {
        MnistData data = Fixture.load();
        TrainingSetup setup = setup(60);
        EvaluationSet test = EvaluationSet.of(data.test());
        for (String spec : List.of("muon", "adam:lr=0.003@cosine:warmup=10", "sgd:lr=0.1@wsd")) {
            RunResult run = new TrainingRun(setup, spec, data.train(), test, () -> false).call();
            assertEquals(Optimizers.parse(spec).toString(), run.optimizer());
            double first = run.losses()[0];
            double last = run.losses()[run.losses().length - 1];
            assertTrue(last < 0.8 * first, spec + ": loss " + first + " -> " + last);
        }
    }
}
