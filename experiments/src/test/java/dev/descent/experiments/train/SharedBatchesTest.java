package dev.descent.experiments.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.mnist.BatchSampler;
import dev.descent.mnist.Dataset;
import dev.descent.mnist.Fixture;
import dev.descent.mnist.MnistData;
import dev.descent.network.Activation;
import dev.descent.network.kernels.NonZeroIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Batches listed once and shared by the runs that draw them: a shared batch is the batch a run lists for itself
 * (seen through the lists a net reads), a batch drawn from other examples is never handed out, a slot in use is
 * never overwritten, and runs trained side by side on shared batches record the very numbers of runs trained alone.
 */
class SharedBatchesTest {

    private static final int ROWS = 32;

    /** The lists and classes of a batch as the index a net reads gives them: rows, then columns. */
    private static void assertSameBatch(NonZeroIndex expected, int[] expectedLabels, NonZeroIndex actual,
                                        int[] actualLabels, int rows) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.nonZeros(), actual.nonZeros());
        assertArrayEquals(Arrays.copyOf(expectedLabels, rows), Arrays.copyOf(actualLabels, rows));
        // x written out from each index: the same floats at the same places.
        float[] x = new float[rows * 784];
        float[] y = new float[rows * 784];
        expected.writeInput(x);
        actual.writeInput(y);
        assertArrayEquals(x, y);
    }

    private static int[][] batches(Dataset train, int count, long seed) {
        BatchSampler sampler = Sampling.WITH_REPLACEMENT.sampler(train.size(), ROWS, seed);
        int[][] batches = new int[count][ROWS];
        for (int[] batch : batches) {
            sampler.next(batch);
        }
        return batches;
    }

    @Test
    void aSharedBatchIsTheBatchARunListsItself() throws IOException {
        Dataset train = Fixture.load().train();
        SharedBatches shared = new SharedBatches(train, 2);
        int[][] batches = batches(train, 3, 11);
        GatheredNonZeros own = new GatheredNonZeros(ROWS, 784);
        GatheredNonZeros sharer = new GatheredNonZeros(ROWS, 784);
        int[] ownLabels = new int[ROWS];
        int[] sharedLabels = new int[ROWS];
        for (int i = 0; i < batches.length; i++) {
            SharedBatches.Slot first = shared.acquire(i, batches[i], ROWS);
            SharedBatches.Slot second = shared.acquire(i, batches[i].clone(), ROWS);
            assertNotNull(first);
            assertSame(first, second, "the same examples at the same iteration share one slot");
            assertSameBatch(own.gather(train, batches[i], ROWS, ownLabels), ownLabels,
                    sharer.share(second, sharedLabels), sharedLabels, ROWS);
            shared.release(first);
            shared.release(second);
        }
        assertEquals(new SharedBatches.Counts(3, 3, 0), shared.counts());
    }

    @Test
    void otherExamplesOrASlotInUseAreNeverHandedOut() throws IOException {
        Dataset train = Fixture.load().train();
        SharedBatches shared = new SharedBatches(train, 2);
        int[][] batches = batches(train, 3, 12);
        SharedBatches.Slot zero = shared.acquire(0, batches[0], ROWS);
        assertNull(shared.acquire(0, batches[1], ROWS), "iteration 0 drawn from other examples, slot in use");
        assertNull(shared.acquire(2, batches[2], ROWS), "iteration 2 maps to the slot iteration 0 still uses");
        assertNull(shared.acquire(0, batches[0], ROWS - 1), "fewer rows are another batch");
        shared.release(zero);
        SharedBatches.Slot two = shared.acquire(2, batches[2], ROWS);
        assertSame(zero, two, "a released slot is taken over by a later iteration");
        GatheredNonZeros own = new GatheredNonZeros(ROWS, 784);
        GatheredNonZeros sharer = new GatheredNonZeros(ROWS, 784);
        int[] ownLabels = new int[ROWS];
        int[] sharedLabels = new int[ROWS];
        assertSameBatch(own.gather(train, batches[2], ROWS, ownLabels), ownLabels, sharer.share(two, sharedLabels),
                sharedLabels, ROWS);
        shared.release(two);
        assertEquals(new SharedBatches.Counts(2, 0, 3), shared.counts());
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> shared.release(two));
        assertTrue(twice.getMessage().contains("released more often"), twice.getMessage());
    }

    @Test
    void runsOnAnotherDataSetOrANegativeIterationAreRefused() throws IOException {
        MnistData data = Fixture.load();
        SharedBatches shared = new SharedBatches(data.test(), 1);
        TrainingSetup setup = new TrainingSetup("mnist", List.of(10), Activation.RELU, "he", 0, 3, ROWS,
                Sampling.WITH_REPLACEMENT, 1, 0);
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> new TrainingRun(setup,
                "sgd", data.train(), EvaluationSet.of(data.test()), () -> false, shared));
        assertTrue(other.getMessage().contains("cannot serve a run on"), other.getMessage());
        assertThrows(IllegalArgumentException.class, () -> shared.acquire(-1, new int[ROWS], ROWS));
        assertThrows(IllegalArgumentException.class, () -> new SharedBatches(data.train(), 0));
    }

    /** Threads drawing the same sequence through two slots: each gets its own batch's lists, shared or not. */
    @Test
    void threadsOnFewSlotsAlwaysGetTheirOwnBatch() throws Exception {
        Dataset train = Fixture.load().train();
        int iterations = 60;
        int[][] batches = batches(train, iterations, 13);
        GatheredNonZeros reference = new GatheredNonZeros(ROWS, 784);
        float[][] expected = new float[iterations][ROWS * 784];
        int[][] expectedLabels = new int[iterations][ROWS];
        for (int i = 0; i < iterations; i++) {
            reference.gather(train, batches[i], ROWS, expectedLabels[i]).writeInput(expected[i]);
        }
        SharedBatches shared = new SharedBatches(train, 2);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger checked = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            threads.add(new Thread(() -> {
                try {
                    GatheredNonZeros lists = new GatheredNonZeros(ROWS, 784);
                    int[] labels = new int[ROWS];
                    float[] x = new float[ROWS * 784];
                    for (int k = 0; k < iterations; k++) {
                        int i = (k + offset * 3) % iterations;   // threads at different iterations of one sequence
                        SharedBatches.Slot slot = shared.acquire(i, batches[i], ROWS);
                        NonZeroIndex index = slot != null ? lists.share(slot, labels)
                                : lists.gather(train, batches[i], ROWS, labels);
                        index.writeInput(x);
                        assertArrayEquals(expected[i], x, "iteration " + i);
                        assertArrayEquals(expectedLabels[i], labels, "iteration " + i);
                        if (slot != null) {
                            shared.release(slot);
                        }
                        checked.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertEquals(4 * iterations, checked.get());
        SharedBatches.Counts counts = shared.counts();
        assertEquals(4 * iterations, counts.listed() + counts.shared() + counts.missed());
    }

    /**
     * Runs of one seed trained side by side on shared batches record exactly what each records alone; on one
     * thread, in slices, every batch is listed once and shared by the other runs.
     */
    @Test
    void runsSideBySideOnSharedBatchesRecordWhatRunsAloneRecord() throws IOException {
        MnistData data = Fixture.load();
        EvaluationSet test = EvaluationSet.of(data.test());
        TrainingSetup setup = new TrainingSetup("mnist", List.of(40, 20), Activation.RELU, "he", 0, 41, ROWS,
                Sampling.WITH_REPLACEMENT, 10, 6);
        List<String> optimizers = List.of("sgd:lr=0.1", "momentum", "adam");
        for (int threads : new int[] {1, 2}) {
            SharedBatches shared = new SharedBatches(data.train(), SharedBatches.DEFAULT_SLOTS);
            List<TrainingRun> runs = optimizers.stream().map(spec -> new TrainingRun(setup, spec, data.train(), test,
                    () -> false, shared)).toList();
            List<RunResult> together = ParallelRuns.interleave(runs, threads, ParallelRuns.SLICE_ITERATIONS,
                    index -> { });
            for (int r = 0; r < optimizers.size(); r++) {
                RunResult alone = new TrainingRun(setup, optimizers.get(r), data.train(), test, () -> false).call();
                assertArrayEquals(alone.losses(), together.get(r).losses(), optimizers.get(r));
                assertArrayEquals(alone.testAccuracy(), together.get(r).testAccuracy(), optimizers.get(r));
            }
            SharedBatches.Counts counts = shared.counts();
            assertEquals(3 * 41, counts.listed() + counts.shared() + counts.missed(), counts.toString());
            if (threads == 1) {
                assertEquals(new SharedBatches.Counts(41, 2 * 41, 0), counts);
            }
        }
    }
}
