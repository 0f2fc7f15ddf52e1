package dev.descent.mnist;

import java.util.SplittableRandom;

/**
 * Shuffled epochs without replacement: each epoch is a fresh random permutation of 0..datasetSize-1, dealt out
 * batch after batch.
 *
 * <p>The rule for the last, partial batch of an epoch: it is filled up from the start of the next epoch (a fresh
 * shuffle), so every batch is full and nothing is dropped. Put differently, the stream of indices that the batches
 * deal out, read end to end, is a sequence of permutations: the indices at stream positions
 * {@code [e * datasetSize, (e + 1) * datasetSize)} are exactly 0..datasetSize-1, each once, for every epoch e. When
 * batchSize divides datasetSize, every epoch is exactly datasetSize / batchSize whole batches; otherwise one batch
 * straddles each epoch boundary, and it may hold the same index twice (once from each epoch).
 *
 * <p>Shuffles are Fisher-Yates (Knuth, TAOCP vol. 2, Algorithm 3.4.2P) driven by {@link SplittableRandom}, so the
 * same seed gives the same epochs.
 */
public final class EpochSampler implements BatchSampler {

    private final int batchSize;
    private final long seed;
    private final SplittableRandom random;
    private final int[] order; // the current epoch's permutation
    private int position;      // next entry of order to deal
    private long epoch;

    /** @throws IllegalArgumentException unless 0 < batchSize <= datasetSize */
    public EpochSampler(int datasetSize, int batchSize, long seed) {
        if (datasetSize <= 0) {
            throw new IllegalArgumentException("datasetSize must be positive, found " + datasetSize);
        }
        if (batchSize <= 0 || batchSize > datasetSize) {
            throw new IllegalArgumentException("batchSize must be 1.." + datasetSize + " (the dataset size) for"
                    + " epochs without replacement, found " + batchSize);
        }
        this.batchSize = batchSize;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.order = new int[datasetSize];
        for (int i = 0; i < datasetSize; i++) {
            order[i] = i;
        }
        shuffle();
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
            if (position == order.length) {
                shuffle();
                position = 0;
                epoch++;
            }
            indices[r] = order[position++];
        }
    }

    /** The epoch (0, 1, ...) that the next index will come from. */
    public long epoch() {
        return position == order.length ? epoch + 1 : epoch;
    }

    @Override
    public String toString() {
        return "EpochSampler(datasetSize=" + order.length + ", batchSize=" + batchSize + ", seed=" + seed + ")";
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
