package dev.descent.mnist;

import java.util.SplittableRandom;

/**
 * Each index drawn uniformly from 0..datasetSize-1, independently of every other: the book's
 * {@code batch_mask = np.random.choice(train_size, batch_size)} (ch. 4.5 and 6.1), which draws with replacement, so
 * an index can appear twice in one batch and some examples are never seen in an "epoch".
 *
 * <p>Random numbers come from {@link SplittableRandom} (SplitMix64; Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014) seeded with {@code seed}. The JDK does not promise its exact
 * outputs across releases, so the tests pin the first batches against an independent SplitMix64 in test scope: a
 * JDK that changed them would fail that test rather than silently change the batches.
 */
public final class WithReplacementSampler implements BatchSampler {

    private final int datasetSize;
    private final int batchSize;
    private final long seed;
    private final SplittableRandom random;

    public WithReplacementSampler(int datasetSize, int batchSize, long seed) {
        if (datasetSize <= 0) {
            throw new IllegalArgumentException("datasetSize must be positive, found " + datasetSize);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive, found " + batchSize);
        }
        this.datasetSize = datasetSize;
        this.batchSize = batchSize;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public void next(int[] indices) {
        if (indices.length < batchSize) {
            throw new IllegalArgumentException("indices holds " + indices.length + " ints but the batch size is "
                    + batchSize);
        }
        for (int r = 0; r < batchSize; r++) {
            indices[r] = random.nextInt(datasetSize);
        }
    }

    @Override
    public String toString() {
        return "WithReplacementSampler(datasetSize=" + datasetSize + ", batchSize=" + batchSize + ", seed=" + seed
                + ")";
    }
}
