package dev.descent.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Supplier;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SamplerTest {

    /** Concatenates {@code batches} batches of a sampler into one stream of indices. */
    private static int[] stream(BatchSampler sampler, int batches) {
        int b = sampler.batchSize();
        int[] all = new int[batches * b];
        int[] batch = new int[b];
        for (int k = 0; k < batches; k++) {
            sampler.next(batch);
            System.arraycopy(batch, 0, all, k * b, b);
        }
        return all;
    }

    @Test
    void sameSeedGivesSameBatchesAndAnotherSeedOthers() {
        for (Supplier<BatchSampler> make : java.util.List.<Supplier<BatchSampler>>of(
                () -> new WithReplacementSampler(60_000, 100, 42), () -> new EpochSampler(60_000, 100, 42))) {
            int[] first = stream(make.get(), 1000);
            int[] second = stream(make.get(), 1000);
            assertArrayEquals(first, second);
        }
        assertFalse(Arrays.equals(stream(new WithReplacementSampler(60_000, 100, 42), 10),
                stream(new WithReplacementSampler(60_000, 100, 43), 10)));
        assertFalse(Arrays.equals(stream(new EpochSampler(60_000, 100, 42), 10),
                stream(new EpochSampler(60_000, 100, 43), 10)));
    }

    @Test
    void withReplacementDrawsMatchAnIndependentSplitMix64() {
        // Each index is one bounded draw; 60,000 is not a power of two, so this covers the rejection branch.
        for (int size : new int[] {60_000, 1024, 7}) {
            SplitMix64 oracle = new SplitMix64(20_240_601L);
            int[] expected = new int[5000];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = oracle.nextInt(size);
            }
            assertArrayEquals(expected, stream(new WithReplacementSampler(size, 100, 20_240_601L), 50));
        }
    }

    @Test
    void epochsMatchAnIndependentFisherYates() {
        // Oracle: start from the identity, shuffle with Fisher-Yates (i from n-1 down to 1, j uniform in 0..i),
        // deal the permutation out, and shuffle the previous order again at the start of each epoch.
        int n = 1000;
        SplitMix64 random = new SplitMix64(7);
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        int[] expected = new int[3 * n];
        for (int epoch = 0; epoch < 3; epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            System.arraycopy(order, 0, expected, epoch * n, n);
        }
        assertArrayEquals(expected, stream(new EpochSampler(n, 100, 7), 30));
    }

    @ParameterizedTest(name = "size {0}, batch {1}")
    @CsvSource({"1000, 100", "1000, 128", "1000, 1", "1000, 1000", "60000, 100", "7, 3"})
    void epochSamplerDealsEachIndexExactlyOncePerEpoch(int size, int batchSize) {
        EpochSampler sampler = new EpochSampler(size, batchSize, 11);
        int epochs = 4;
        int batches = (epochs * size + batchSize - 1) / batchSize;
        int[] all = stream(sampler, batches);
        for (int e = 0; e < epochs; e++) {
            int[] seen = new int[size];
            for (int p = e * size; p < (e + 1) * size; p++) {
                seen[all[p]]++;
            }
            int epoch = e;
            assertTrue(Arrays.stream(seen).allMatch(c -> c == 1), () -> "epoch " + epoch + " of size " + size
                    + ", batch " + batchSize + " does not hold each index exactly once");
        }
        if (size >= 100) {
            int[] identity = new int[size];
            Arrays.setAll(identity, i -> i);
            assertFalse(Arrays.equals(identity, Arrays.copyOfRange(all, 0, size)), "epoch 0 was not shuffled");
            assertFalse(Arrays.equals(Arrays.copyOfRange(all, 0, size), Arrays.copyOfRange(all, size, 2 * size)),
                    "epochs 0 and 1 are in the same order");
        }
    }

    @Test
    void whenTheBatchDividesTheSizeEveryEpochIsWholeBatches() {
        EpochSampler sampler = new EpochSampler(1000, 250, 3);
        int[] batch = new int[250];
        for (int epoch = 0; epoch < 3; epoch++) {
            boolean[] seen = new boolean[1000];
            assertEquals(epoch, sampler.epoch());
            for (int k = 0; k < 4; k++) {
                sampler.next(batch);
                for (int i : batch) {
                    assertFalse(seen[i], "index " + i + " twice in epoch " + epoch);
                    seen[i] = true;
                }
            }
            assertEquals(epoch + 1, sampler.epoch(), "the next index comes from the next epoch");
        }
    }

    @Test
    void withReplacementIsUniformAndRepeatsIndicesAsNumpyChoiceDoes() {
        int size = 100;
        int[] all = stream(new WithReplacementSampler(size, 50, 5), 2000); // 100,000 draws
        long[] observed = new long[size];
        for (int i : all) {
            observed[i]++;
        }
        double[] expected = new double[size];
        Arrays.fill(expected, all.length / (double) size);
        // Chi-square goodness of fit against uniform, 99 degrees of freedom; the seed is fixed, so this is
        // deterministic: it fails only if the draws are not uniform (e.g. a modulo bias or a stuck index).
        double p = new ChiSquareTest().chiSquareTest(expected, observed);
        assertTrue(p > 1e-3, "draws are not uniform: chi-square p = " + p);

        // With replacement, n draws from n leave about n/e indices unseen (1000 * 0.368 = 368, sd about 15).
        int[] draws = stream(new WithReplacementSampler(1000, 1000, 9), 1);
        long distinct = Arrays.stream(draws).distinct().count();
        assertTrue(distinct > 560 && distinct < 700, "distinct indices in 1000 draws: " + distinct);
    }

    @Test
    void badArgumentsAreRejectedWithTheValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new EpochSampler(1000, 1001, 1))
                .getMessage().contains("1001"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new EpochSampler(0, 1, 1))
                .getMessage().contains("datasetSize"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new WithReplacementSampler(10, 0, 1))
                .getMessage().contains("batchSize"));
        assertThrows(IllegalArgumentException.class, () -> new WithReplacementSampler(10, 5, 1).next(new int[4]));
        assertThrows(IllegalArgumentException.class, () -> new EpochSampler(10, 5, 1).next(new int[4]));
        // The book draws batches larger than the data set with replacement without complaint; so do we.
        assertEquals(20, new WithReplacementSampler(10, 20, 1).batchSize());
    }

    @Test
    void toStringNamesEveryParameter() {
        assertEquals("EpochSampler(datasetSize=60000, batchSize=100, seed=42)",
                new EpochSampler(60_000, 100, 42).toString());
        assertEquals("WithReplacementSampler(datasetSize=60000, batchSize=100, seed=42)",
                new WithReplacementSampler(60_000, 100, 42).toString());
    }
}
