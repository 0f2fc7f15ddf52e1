package dev.descent.network;

import dev.descent.network.matrix.Matrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Seeded plain-SGD training on Gaussian blobs: the loss falls, and a second run (or a run on another
 * thread, next to another net) gives bit-identical parameters and losses.
 */
class TrainingTest {

    private static final int STEPS = 200;
    private static final int BATCH = 32;
    private static final double LEARNING_RATE = 0.1;

    /** The outcome of one run: the loss before, every step's batch loss, and the final params. */
    private static final class Run {
        double initialLoss;
        double finalLoss;
        final double[] stepLosses = new double[STEPS];
        Map<String, float[]> params;
        final List<float[]> arraysBefore = new ArrayList<>();
    }

    private static Run train(Activation activation, double lambda, long seed) {
        TestData data = TestData.blobs(300, 12, 3, 77);
        WeightInit init = activation == Activation.RELU ? WeightInit.he() : WeightInit.xavier();
        MultiLayerNet net = new MultiLayerNet(12, new int[] {16, 16}, 3, activation, init, lambda, seed);
        Run run = new Run();
        run.arraysBefore.addAll(net.params().values());
        run.initialLoss = net.loss(data.x, data.labels);
        SplittableRandom sampler = new SplittableRandom(seed);
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
        return run;
    }

    @Test
    void sgdLowersTheLossAndKeepsTheParamArrays() {
        for (Activation activation : Activation.values()) {
            Run run = train(activation, 0, 2024);
            // Three blobs, chance level is ln 3 ≈ 1.10; a net that learned nothing stays near it.
            assertTrue(run.finalLoss < 0.5 * run.initialLoss,
                    activation + ": loss " + run.initialLoss + " -> " + run.finalLoss);
            int i = 0;
            for (float[] array : run.params.values()) {
                assertSame(run.arraysBefore.get(i++), array, "training must update the arrays in place");
            }
        }
    }

    @Test
    void sameSeedGivesBitIdenticalParamsAndLosses() {
        Run first = train(Activation.RELU, 0.01, 99);
        Run second = train(Activation.RELU, 0.01, 99);
        assertArrayEquals(first.stepLosses, second.stepLosses);
        for (String key : first.params.keySet()) {
            assertArrayEquals(first.params.get(key), second.params.get(key), key);
        }
    }

    @Test
    void netsOnDifferentThreadsShareNoState() throws Exception {
        Run alone = train(Activation.SIGMOID, 0, 5);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Run> a = pool.submit(() -> train(Activation.SIGMOID, 0, 5));
            Future<Run> b = pool.submit(() -> train(Activation.RELU, 0.1, 6));
            Run concurrent = a.get();
            b.get();
            assertArrayEquals(alone.stepLosses, concurrent.stepLosses);
            for (String key : alone.params.keySet()) {
                assertArrayEquals(alone.params.get(key), concurrent.params.get(key), key);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(STEPS, alone.stepLosses.length);
    }
}
