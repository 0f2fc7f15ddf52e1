package dev.descent.experiments.train;

import dev.descent.mnist.Dataset;
import dev.descent.network.kernels.NonZeroIndex;

/**
 * Where a gathered batch is non-zero, listed by the data set while it decodes the images (from their packed runs of
 * non-zero pixels, {@link Dataset#gather(int[], int, float[], int[], int[], int[], float[])}) and handed to the
 * net's first layer as a {@link NonZeroIndex}: the layer then never scans the batch for its non-zeros (about a fifth
 * of a training step's time), nor compares the loss pass's batch with the gradient pass's.
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
     * Gathers {@code indices[0..count)} of {@code data} into x and labels as {@link Dataset#gather} does and returns
     * the index of x's non-zeros (this object's, valid until the next gather).
     *
     * @param x (count, features) at least
     */
    NonZeroIndex gather(Dataset data, int[] indices, int count, float[] x, int[] labels) {
        ensureCapacity(data.listCapacity(indices, count));
        data.gather(indices, count, x, labels, rowStart, column, value);
        index.adopt(count, features, rowStart, column, value);
        return index;
    }

    /** As {@link #gather}, for the examples {@code start .. start + count - 1}. */
    NonZeroIndex gatherRange(Dataset data, int start, int count, float[] x, int[] labels) {
        ensureCapacity(data.listCapacityRange(start, count));
        data.gatherRange(start, count, x, labels, rowStart, column, value);
        index.adopt(count, features, rowStart, column, value);
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
