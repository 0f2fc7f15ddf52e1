package dev.descent.experiments.train;

import dev.descent.mnist.Dataset;
import dev.descent.mnist.ListedImages;
import dev.descent.network.kernels.NonZeroIndex;

/**
 * Where a gathered batch is non-zero, listed by the data set from the images' packed runs of non-zero pixels
 * ({@link Dataset#gatherNonZeros}) and handed to the net's first layer as a {@link NonZeroIndex}: the layer then
 * never scans the batch for its non-zeros (about a fifth of a training step's time), nor compares the loss pass's
 * batch with the gradient pass's, and the batch itself is not written at all unless a dense path needs it (the
 * rows of zeros and pixels it would hold were about a fifth of the gather's time).
 *
 * <p>The lists grow to what the gathers need ({@link Dataset#listCapacity}: the pixels inside the images' packed
 * runs), about 20,000 entries (0.16 MB) for a batch of 128 MNIST images where room for every row being fully
 * non-zero would take 0.8 MB in each of a sweep's runs. Reused by every step and evaluation chunk of a run; one thread
 * at a time.
 */
final class GatheredNonZeros {

    private final int rows;
    private final int features;
    private final int[] rowStart;   // (rows + 1): row r's entries are [rowStart[r], rowStart[r + 1])
    private int[] column = new int[0];     // (capacity): column of each non-zero, ascending within a row
    private float[] value = new float[0];  // (capacity): its value, the float gathered into x
    private final NonZeroIndex index = new NonZeroIndex();

    /**
     * @param rows     the most rows a gather will ask for
     * @param features pixels per example
     */
    GatheredNonZeros(int rows, int features) {
        if (rows < 1 || features < 1 || (long) rows * features > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("non-zero lists need rows, features >= 1 and rows * features within "
                    + "an array, found rows=" + rows + ", features=" + features);
        }
        this.rows = rows;
        this.features = features;
        this.rowStart = new int[rows + 1];
    }

    /** The most rows one gather can list. */
    int rows() {
        return rows;
    }

    /**
     * Lists the non-zeros of the examples {@code indices[0..count)} of {@code data} ({@link Dataset#gatherNonZeros})
     * and their classes, and returns them as the index of a batch x whose images are not written
     * ({@link NonZeroIndex#inputPending()}; this object's index, valid until the next gather). The net is handed x
     * with it: the sparse first layer never reads x, and the paths that do have the index write it first
     * ({@link NonZeroIndex#writeInput}), so x is written only when one of them runs.
     */
    NonZeroIndex gather(Dataset data, int[] indices, int count, int[] labels) {
        ensureCapacity(data.listCapacity(indices, count));
        data.gatherNonZeros(indices, count, labels, rowStart, column, value);
        index.adopt(count, features, rowStart, column, value, false);
        return index;
    }

    /**
     * The batch another run listed ({@link SharedBatches}), as {@link #gather} would have listed it: its classes
     * copied into {@code labels}, its lists shared, not copied ({@link NonZeroIndex#share}), read until the next
     * gather or share. x is left unwritten, as by {@link #gather}.
     */
    NonZeroIndex share(SharedBatches.Slot batch, int[] labels) {
        if (batch.count() > rows) {
            throw new IllegalArgumentException("a shared batch of " + batch.count() + " rows does not fit lists for "
                    + rows);
        }
        System.arraycopy(batch.labels(), 0, labels, 0, batch.count());
        index.share(batch.index());
        return index;
    }

    /** As {@link #gather}, for the examples {@code start .. start + count - 1}. */
    NonZeroIndex gatherRange(Dataset data, int start, int count, int[] labels) {
        ensureCapacity(data.listCapacityRange(start, count));
        data.gatherRangeNonZeros(start, count, labels, rowStart, column, value);
        index.adopt(count, features, rowStart, column, value, false);
        return index;
    }

    /** As {@link #gatherRange}, from lists made once for the whole set ({@link ListedImages}): the same index. */
    NonZeroIndex gatherRange(ListedImages listed, int start, int count, int[] labels) {
        ensureCapacity(listed.capacityRange(start, count));
        listed.listRange(start, count, labels, rowStart, column, value);
        index.adopt(count, features, rowStart, column, value, false);
        return index;
    }

    /** Entries the lists hold now. */
    int capacity() {
        return column.length;
    }

    /** Grows the lists to hold {@code needed} entries, by half again at least, so that a run settles after a few. */
    private void ensureCapacity(int needed) {
        if (column.length < needed) {
            int size = (int) Math.min((long) rows * features, Math.max(needed, column.length + column.length / 2L));
            column = new int[Math.max(size, needed)];
            value = new float[column.length];
        }
    }
}
