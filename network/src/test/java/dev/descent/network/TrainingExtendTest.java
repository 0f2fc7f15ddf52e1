package dev.descent.network;

import dev.descent.network.matrix.Matrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Seeded plain-SGD training of {@link MultiLayerNetExtend} with BatchNorm and Dropout on Gaussian blobs:
 * the loss falls, and a second run, or a run on another thread next to another net, gives bit-identical
 * parameters, running averages and losses.
 */
class TrainingExtendTest {

    private static final int STEPS = 200;
    private static final int BATCH = 32;
    private static final double LEARNING_RATE = 0.1;

    private static final class Run {
        double initialLoss;
        double finalLoss;
        final double[] stepLosses = new double[STEPS];
        Map<String, float[]> params;
        float[] runningMean;
        float[] runningVariance;
    }

    private static Run train(Activation activation, boolean batchNorm, double dropout, long seed) {
        TestData data = TestData.blobs(300, 12, 3, 77);
        WeightInit init = activation == Activation.RELU ? WeightInit.he() : WeightInit.xavier();
        MultiLayerNetExtend net = new MultiLayerNetExtend(12, new int[] {16, 16}, 3, activation, init, 0.001,
                batchNorm, dropout, seed);
        Run run = new Run();
        run.initialLoss = net.loss(data.x, data.labels);
        SplittableRandom sampler = new SplittableRandom(seed + 1000);
        Matrix batch = new Matrix(BATCH, 12);
        int[] batchLabels = new int[BATCH];
        for (int step = 0; step < STEPS; step++) {
            for (int r = 0; r < BATCH; r++) {
                int i = sampler.nextInt(data.x.rows);
                System.arraycopy(data.x.data, i * 12, batch.data, r * 12, 12);
                batchLabels[r] = data.labels[i];
            }
            Map<String, float[]> grads = net.gradient(batch, batchLabels);
            for (Map.Entry<String, float[]> e : net.params().entrySet()) {
                float[] p = e.getValue();
                float[] g = grads.get(e.getKey());
                for (int j = 0; j < p.length; j++) {
                    p[j] -= (float) (LEARNING_RATE * g[j]);
                }
            }
            run.stepLosses[step] = net.loss(batch, batchLabels);
        }
        run.finalLoss = net.loss(data.x, data.labels);
        run.params = net.params();
        if (batchNorm) {
            run.runningMean = net.runningMean(1);
            run.runningVariance = net.runningVariance(2);
        }
        return run;
    }

    @Test
    void sgdLowersTheLossWithBatchNormAndDropout() {
        for (Activation activation : Activation.values()) {
            Run run = train(activation, true, 0.2, 2024);
            // Three blobs, chance level is ln 3 ≈ 1.10; the evaluation-mode loss must fall well below it.
            assertTrue(run.finalLoss < 0.5 * run.initialLoss && run.finalLoss < 0.5,
                    activation + ": loss " + run.initialLoss + " -> " + run.finalLoss);
        }
    }

    @Test
    void sameSeedGivesBitIdenticalRuns() {
        Run first = train(Activation.RELU, true, 0.3, 99);
        Run second = train(Activation.RELU, true, 0.3, 99);
        assertSame(first, second);
    }

    @Test
    void netsOnDifferentThreadsShareNoState() throws Exception {
        Run alone = train(Activation.SIGMOID, true, 0.2, 5);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Run> a = pool.submit(() -> train(Activation.SIGMOID, true, 0.2, 5));
            Future<Run> b = pool.submit(() -> train(Activation.RELU, true, 0.5, 6));
            Run concurrent = a.get();
            b.get();
            assertSame(alone, concurrent);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertSame(Run expected, Run actual) {
        assertArrayEquals(expected.stepLosses, actual.stepLosses, "step losses");
        for (String key : expected.params.keySet()) {
            assertArrayEquals(expected.params.get(key), actual.params.get(key), key);
        }
        assertArrayEquals(expected.runningMean, actual.runningMean, "running mean 1");
        assertArrayEquals(expected.runningVariance, actual.runningVariance, "running variance 2");
    }
}
