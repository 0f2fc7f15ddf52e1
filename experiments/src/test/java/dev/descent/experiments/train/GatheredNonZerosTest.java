package dev.descent.experiments.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.mnist.BatchSampler;
import dev.descent.mnist.Dataset;
import dev.descent.mnist.Fixture;
import dev.descent.mnist.MnistData;
import dev.descent.network.Activation;
import dev.descent.network.MultiLayerNet;
import dev.descent.network.kernels.Gemm;
import dev.descent.network.kernels.NonZeroIndex;
import dev.descent.network.matrix.Matrix;
import dev.descent.optimizers.Optimizer;
import dev.descent.optimizers.Optimizers;
import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The index a run hands its net, listed by the data set without writing x, is the index the first layer would have
 * built from the x a dense gather writes, seen through the public products: x·I gives x back exactly (so every
 * non-zero entry is listed once, with its value, and nothing else that is non-zero), and x·W, xᵀ·D have the bits of
 * the built index's products; written out on demand it is that x, bit for bit. And a run through it records what the
 * book's loop without it records.
 */
class GatheredNonZerosTest {

    private static void assertSameAsBuilt(NonZeroIndex gathered, float[] x, int rows) {
        NonZeroIndex built = new NonZeroIndex();
        Gemm gemm = Gemm.create();
        gemm.index(built, x, 0, rows, 784);
        assertEquals(rows, gathered.rows());
        assertEquals(784, gathered.cols());
        assertEquals(built.nonZeros(), gathered.nonZeros());
        assertEquals(built.density(), gathered.density());

        float[] identity = new float[784 * 784];   // I is (784, 784)
        for (int i = 0; i < 784; i++) {
            identity[i * 784 + i] = 1f;
        }
        float[] back = new float[rows * 784];
        gemm.sparseAb(gathered, identity, back, 784);
        assertArrayEquals(java.util.Arrays.copyOf(x, rows * 784), back, "x·I must give x back");

        SplittableRandom random = new SplittableRandom(9);
        float[] w = new float[784 * 30];     // W is (784, 30)
        float[] d = new float[rows * 30];    // D is (rows, 30)
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) random.nextGaussian();
        }
        float[] expected = new float[rows * 30];
        float[] actual = new float[rows * 30];
        gemm.sparseAb(built, w, expected, 30);
        gemm.sparseAb(gathered, w, actual, 30);
        assertArrayEquals(expected, actual, "x·W");
        float[] expectedGrad = new float[784 * 30];
        float[] actualGrad = new float[784 * 30];
        gemm.sparseAtb(built, d, expectedGrad, 30);
        gemm.sparseAtb(gathered, d, actualGrad, 30);
        assertArrayEquals(expectedGrad, actualGrad, "xᵀ·D");
        assertWritesX(gathered, x, rows);
    }

    /** The gathered index leaves x unwritten and writes exactly the dense gather's x on demand, once. */
    private static void assertWritesX(NonZeroIndex gathered, float[] x, int rows) {
        assertTrue(gathered.inputPending(), "a listing gather writes no x");
        float[] written = new float[rows * 784 + 5];
        java.util.Arrays.fill(written, Float.NaN);   // what an earlier batch left in the buffer
        gathered.writeInput(written);
        assertArrayEquals(java.util.Arrays.copyOf(x, rows * 784), java.util.Arrays.copyOf(written, rows * 784));
        assertTrue(Float.isNaN(written[rows * 784]), "rows past the index are left alone");
        assertFalse(gathered.inputPending());
        java.util.Arrays.fill(written, 7f);
        gathered.writeInput(written);   // already written: nothing to do
        assertEquals(7f, written[0]);
    }

    @Test
    void theGatheredIndexIsTheIndexOfTheGatheredX() throws IOException {
        MnistData data = Fixture.load();
        Dataset train = data.train();
        GatheredNonZeros nonZeros = new GatheredNonZeros(128, 784);
        float[] x = new float[128 * 784];
        int[] labels = new int[128];
        int[] expectedLabels = new int[128];
        int[] indices = new int[128];
        BatchSampler sampler = Sampling.WITH_REPLACEMENT.sampler(train.size(), 128, 4);
        for (int step = 0; step < 3; step++) {   // the lists are reused from batch to batch
            sampler.next(indices);
            train.gather(indices, 128, x, expectedLabels);
            assertSameAsBuilt(nonZeros.gather(train, indices, 128, labels), x, 128);
            assertArrayEquals(expectedLabels, labels);
        }
        // A shorter last chunk in the same lists.
        data.test().gatherRange(963, 37, x, expectedLabels);
        assertSameAsBuilt(nonZeros.gatherRange(data.test(), 963, 37, labels), x, 37);
        assertArrayEquals(java.util.Arrays.copyOf(expectedLabels, 37), java.util.Arrays.copyOf(labels, 37));
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> nonZeros.gatherRange(train, 0, 129, null));
        assertTrue(tooMany.getMessage().contains("rowStart holds 129 ints"), tooMany.getMessage());
    }

    /** The lists take what MNIST batches need, a fraction of room for dense rows, and grow for denser batches. */
    @Test
    void theListsGrowToWhatTheBatchesNeed() throws IOException {
        MnistData data = Fixture.load();
        GatheredNonZeros nonZeros = new GatheredNonZeros(128, 784);
        float[] x = new float[128 * 784];
        int[] labels = new int[128];
        data.train().gatherRange(0, 128, x, null);
        assertSameAsBuilt(nonZeros.gatherRange(data.train(), 0, 128, labels), x, 128);
        int mnist = nonZeros.capacity();
        assertEquals(data.train().listCapacityRange(0, 128), mnist);
        assertTrue(mnist < 128 * 784 / 3, "MNIST lists " + mnist + " of " + 128 * 784 + " entries");

        byte[] pixels = new byte[4 * 784];   // four images without a zero pixel
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = (byte) (k % 254 + 1);
        }
        Dataset dense = new Dataset("dense", 28, 28, pixels, new byte[] {1, 2, 3, 4});
        int[] all = new int[128];
        for (int r = 0; r < all.length; r++) {
            all[r] = r % 4;
        }
        dense.gather(all, 128, x, null);
        assertSameAsBuilt(nonZeros.gather(dense, all, 128, labels), x, 128);
        assertEquals(128 * 784, nonZeros.capacity());
        // Back to MNIST in the grown lists.
        data.test().gatherRange(500, 128, x, null);
        assertSameAsBuilt(nonZeros.gatherRange(data.test(), 500, 128, labels), x, 128);
    }

    /** A run (indexes handed to the net) records the losses and accuracies of the book's loop without them. */
    @Test
    void aRunRecordsWhatTheLoopWithoutIndexesRecords() throws IOException {
        MnistData data = Fixture.load();
        TrainingSetup setup = new TrainingSetup("mnist", List.of(40, 20), Activation.RELU, "he", 0, 30, 64,
                Sampling.WITH_REPLACEMENT, 10, 5);
        RunResult run = new TrainingRun(setup, "adam", data.train(), EvaluationSet.of(data.test()), () -> false)
                .call();

        MultiLayerNet net = setup.newNet();
        Optimizer optimizer = Optimizers.parse("adam");
        optimizer.plan(setup.parameterShapes(), setup.iterations());
        BatchSampler sampler = setup.sampling().sampler(data.train().size(), 64, setup.samplerSeed());
        int[] indices = new int[64];
        float[] pixels = new float[64 * 784];
        int[] labels = new int[64];
        Matrix x = new Matrix(64, 784, pixels);
        Matrix testX = new Matrix(data.test().size(), 784);
        int[] testLabels = new int[data.test().size()];
        data.test().gatherRange(0, data.test().size(), testX.data, testLabels);
        double[] losses = new double[30];
        double[] accuracies = new double[run.testAccuracy().length];
        int evaluation = 0;
        for (int i = 0; i < 30; i++) {
            sampler.next(indices);
            data.train().gather(indices, 64, pixels, labels);
            optimizer.update(net.params(), net.gradient(x, labels));
            losses[i] = net.loss(x, labels);
            if (setup.evaluatesAt(i)) {
                accuracies[evaluation++] = net.accuracy(testX, testLabels);
            }
        }
        assertEquals(accuracies.length, evaluation);
        assertArrayEquals(losses, run.losses());
        assertArrayEquals(accuracies, run.testAccuracy());
    }
}
