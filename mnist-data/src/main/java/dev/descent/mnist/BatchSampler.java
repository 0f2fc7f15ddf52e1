package dev.descent.mnist;

/**
 * Chooses which examples make up each training batch.
 *
 * <p>A sampler is seeded once at construction and then yields a fixed sequence of batches: two samplers of the same
 * kind built with the same dataset size, batch size and seed yield the same batches, on any machine and thread
 * count. A sampler is not thread-safe; each training run owns one.
 */
public interface BatchSampler {

    /** How many indices {@link #next} writes. */
    int batchSize();

    /**
     * Writes the next batch's example indices into {@code indices[0..batchSize)}.
     *
     * @param indices (batchSize) at least; entries past batchSize are left alone
     */
    void next(int[] indices);
}
