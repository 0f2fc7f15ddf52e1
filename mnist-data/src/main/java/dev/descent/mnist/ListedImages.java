package dev.descent.mnist;

import java.util.Objects;

/**
 * A data set's non-zero pixels listed once ({@link Dataset#listAll}), for a set that is scored again and again:
 * an experiment's test set, listed by every run at every evaluation. Per image, its non-zero pixels' columns (chars)
 * and values (unsigned bytes), 3 bytes per pixel: 4.5 MB for MNIST's 10,000 test images, beside their 2 MB of packed
 * runs. Listing a range from it copies the entries with one table lookup per pixel and no branch, where listing the
 * packed runs walks them run by run: about three times faster (a pass over MNIST's test set 1.3 against 4.4 ms in
 * one JVM). Immutable once built; safe to share between threads.
 */
public final class ListedImages {

    /** The most pixels an image may have: the columns are kept as chars. */
    public static final int MAX_FEATURES = 1 << 16;
    /** Bytes per listed pixel: a char column and a byte value. */
    static final int BYTES_PER_ENTRY = 3;

    private final String name;
    private final int features;
    private final int[] start;    // (size + 1): image i's entries are [start[i], start[i + 1])
    private final char[] column;  // (≥ start[size]): each non-zero pixel's column, ascending within an image
    private final byte[] pixel;   // (≥ start[size]): its unsigned value, never 0
    private final byte[] labels;  // (size): the data set's classes, shared read-only

    ListedImages(String name, int features, int[] start, char[] column, byte[] pixel, byte[] labels) {
        this.name = name;
        this.features = features;
        this.start = start;
        this.column = column;
        this.pixel = pixel;
        this.labels = labels;
    }

    /** Examples listed. */
    public int size() {
        return start.length - 1;
    }

    /** Bytes the lists take (columns, values and the images' starts). */
    public long bytes() {
        return (long) column.length * 2 + pixel.length + (long) start.length * Integer.BYTES;
    }

    /** The entries the examples {@code first .. first + count - 1} list: the room {@link #listRange} needs. */
    public int capacityRange(int first, int count) {
        Objects.checkFromIndexSize(first, count, size());
        return start[first + count] - start[first];
    }

    /**
     * The lists {@link Dataset#gatherRangeNonZeros} makes for the examples {@code first .. first + count - 1}, the
     * same entries and floats ({@code pixel / 255f}), and their classes.
     *
     * @param labels   (count) at least, or null when the classes are not wanted
     * @param rowStart (count + 1) at least
     * @param column   {@link #capacityRange} entries at least
     * @param value    as many entries as column
     * @return the number of non-zero entries, {@code rowStart[count]}
     */
    public int listRange(int first, int count, int[] labels, int[] rowStart, int[] column, float[] value) {
        int entries = capacityRange(first, count);
        if (labels != null && labels.length < count) {
            throw new IllegalArgumentException(name + ": labels holds " + labels.length + " ints but " + count
                    + " are needed");
        }
        if (rowStart == null || rowStart.length < count + 1L) {
            throw new IllegalArgumentException(name + ": rowStart must hold " + (count + 1L) + " ints (one start per"
                    + " row and the end), found " + (rowStart == null ? "none" : rowStart.length));
        }
        if (column == null || value == null || column.length < entries || value.length < entries) {
            throw new IllegalArgumentException(name + ": these " + count + " examples list " + entries
                    + " entries; column and value must hold that many. HINT: allocate capacityRange(...) entries");
        }
        int from = start[first];
        for (int r = 0; r < count; r++) {
            rowStart[r] = start[first + r] - from;
            if (labels != null) {
                labels[r] = this.labels[first + r];
            }
        }
        rowStart[count] = entries;
        float[] scale = Dataset.SCALED;
        for (int e = 0; e < entries; e++) {
            column[e] = this.column[from + e];
            value[e] = scale[pixel[from + e] & 0xFF];
        }
        return entries;
    }

    /** Pixels per image. */
    public int features() {
        return features;
    }
}
