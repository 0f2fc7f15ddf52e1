package dev.descent.mnist;

import java.util.Arrays;
import java.util.Objects;

/**
 * Labelled images kept as their runs of non-zero bytes ({@code PackedImages}), gathered into float batches on
 * demand.
 *
 * <p>Packed bytes, not floats: the 60,000 training images are 188 MB as floats, 47 MB as dense bytes and 12 MB as
 * runs of non-zero bytes (81 % of MNIST's pixels are 0), and a batch is only ever needed as floats for the moment it
 * is used. Gathering scales each pixel to [0, 1] as {@code pixel / 255f}, the book's {@code normalize=True}; the
 * packing changes no value. A dataset is immutable and safe to share between threads.
 *
 * <p>The runs also say where a batch is non-zero: the listing gathers (with {@code rowStart}, {@code column} and
 * {@code value}) write x as the plain ones do and, in the same pass over the runs, list each row's non-zero floats,
 * so that a consumer such as the first layer of a net need not scan x for them.
 */
public final class Dataset {

    /** {@code SCALED[p] == p / 255f}: one table lookup per pixel instead of a division. Never written after this. */
    static final float[] SCALED = new float[256];

    static {
        for (int p = 0; p < SCALED.length; p++) {
            SCALED[p] = p / 255f;
        }
    }

    private final String name;
    private final int rows;
    private final int cols;
    private final int features;
    private final PackedImages images; // (size, rows * cols), unsigned bytes packed as runs
    private final byte[] labels;       // (size), 0..9
    // A sink, not state: what the last gather's reads ahead summed to, stored so that the JIT keeps the reads. Gathers
    // on several threads may race to write it; nothing reads it, so the data set is still safe to share.
    @SuppressWarnings("unused")
    private int readAheadSum;

    /**
     * Packs the pixels (the array is not kept) and takes ownership of the labels (not copied: do not change them
     * afterwards).
     *
     * @param pixels (size, rows * cols) unsigned bytes in row-major order
     * @param labels (size) class numbers 0..9
     * @throws IllegalArgumentException if the sizes disagree or a label is outside 0..9
     */
    public Dataset(String name, int rows, int cols, byte[] pixels, byte[] labels) {
        this(name, rows, cols, checkedPack(name, rows, cols, pixels, labels), labels);
    }

    /** Takes ownership of the packed images and the labels. */
    Dataset(String name, int rows, int cols, PackedImages images, byte[] labels) {
        this.name = Objects.requireNonNull(name, "name");
        checkShape(name, rows, cols);
        this.rows = rows;
        this.cols = cols;
        this.features = rows * cols;
        if (images.features() != features || images.count() != labels.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels and images of " + rows + "x"
                    + cols + " need " + labels.length + " images of " + features + " pixels, found "
                    + images.count() + " of " + images.features());
        }
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xFF) >= Idx.CLASSES) {
                throw new IllegalArgumentException(name + ": label " + (labels[i] & 0xFF) + " at index " + i
                        + " is outside 0.." + (Idx.CLASSES - 1));
            }
        }
        this.images = images;
        this.labels = labels;
    }

    private static PackedImages checkedPack(String name, int rows, int cols, byte[] pixels, byte[] labels) {
        checkShape(name, rows, cols);
        long features = (long) rows * cols;
        if ((long) labels.length * features != pixels.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels need " + (long) labels.length
                    * features + " pixel bytes (" + rows + "x" + cols + " each), found " + pixels.length);
        }
        return PackedImages.pack(pixels, labels.length, rows, cols);
    }

    private static void checkShape(String name, int rows, int cols) {
        if (rows <= 0 || cols <= 0 || (long) rows * cols > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": rows and cols must be positive, found " + rows + "x" + cols);
        }
    }

    /** What this is, e.g. "mnist train". */
    public String name() {
        return name;
    }

    /** Number of examples. */
    public int size() {
        return labels.length;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Pixels per example, {@code rows * cols} (784 for MNIST). */
    public int features() {
        return features;
    }

    /** The class (0..9) of example {@code i}. */
    public int label(int i) {
        Objects.checkIndex(i, labels.length);
        return labels[i];
    }

    /** A fresh copy of all labels (size), each 0..9; changing it does not change the dataset. */
    public byte[] labels() {
        return labels.clone();
    }

    /**
     * Gathers the examples at {@code indices[0..count)} into {@code x} scaled to [0, 1] ({@code pixel / 255f}) and
     * their classes into {@code labels}. Indices may repeat.
     *
     * @param x      (count, features) at least; rows past {@code count} are left alone
     * @param labels (count) at least, or null when the classes are not wanted
     */
    public void gather(int[] indices, int count, float[] x, int[] labels) {
        checkBuffers(count, x, labels);
        checkIndexCount(count, indices);
        for (int r = 0; r < count; r++) {
            int i = checkedIndex(indices, r);
            copyExample(i, x, r * features);
            if (labels != null) {
                labels[r] = this.labels[i];
            }
        }
    }

    /**
     * Gathers the examples {@code start .. start + count - 1} into {@code x} scaled to [0, 1] and their classes into
     * {@code labels}.
     *
     * @param x      (count, features) at least
     * @param labels (count) at least, or null when the classes are not wanted
     */
    public void gatherRange(int start, int count, float[] x, int[] labels) {
        checkBuffers(count, x, labels);
        Objects.checkFromIndexSize(start, count, size());
        for (int r = 0; r < count; r++) {
            copyExample(start + r, x, r * features);
            if (labels != null) {
                labels[r] = this.labels[start + r];
            }
        }
    }

    /**
     * As {@link #gather(int[], int, float[], int[])}, and in the same pass lists where each gathered row of x is
     * non-zero, from the packed runs (x is never scanned): row r's entries are {@code [rowStart[r], rowStart[r + 1])},
     * each a column (0 .. features − 1, ascending within the row) in {@code column} and the very float written into
     * x in {@code value}. An entry is listed exactly when its float is {@code != 0f}, so the lists are those a scan of
     * x would make (the network's {@code NonZeroIndex.build}).
     *
     * @param x        (count, features) at least
     * @param labels   (count) at least, or null when the classes are not wanted
     * @param rowStart (count + 1) at least
     * @param column   {@link #listCapacity(int[], int)} entries at least ({@code count * features} is always enough)
     * @param value    as many entries as column
     * @return the number of non-zero entries, {@code rowStart[count]}
     */
    public int gather(int[] indices, int count, float[] x, int[] labels, int[] rowStart, int[] column,
                      float[] value) {
        checkBuffers(count, x, labels);
        checkLists(count, rowStart, column, value, listCapacity(indices, count));
        readAhead(indices, count);
        int p = 0;
        for (int r = 0; r < count; r++) {
            int i = checkedIndex(indices, r);
            rowStart[r] = p;
            p = images.decodeListing(i, SCALED, x, r * features, column, value, p);
            if (labels != null) {
                labels[r] = this.labels[i];
            }
        }
        rowStart[count] = p;
        return p;
    }

    /**
     * As {@link #gatherRange(int, int, float[], int[])}, listing each row's non-zeros in the same pass as
     * {@link #gather(int[], int, float[], int[], int[], int[], float[])} does.
     *
     * @param x        (count, features) at least
     * @param labels   (count) at least, or null when the classes are not wanted
     * @param rowStart (count + 1) at least
     * @param column   {@link #listCapacityRange(int, int)} entries at least ({@code count * features} is always
     *                 enough)
     * @param value    as many entries as column
     * @return the number of non-zero entries, {@code rowStart[count]}
     */
    public int gatherRange(int start, int count, float[] x, int[] labels, int[] rowStart, int[] column,
                           float[] value) {
        checkBuffers(count, x, labels);
        checkLists(count, rowStart, column, value, listCapacityRange(start, count));
        int p = 0;
        for (int r = 0; r < count; r++) {
            rowStart[r] = p;
            p = images.decodeListing(start + r, SCALED, x, r * features, column, value, p);
            if (labels != null) {
                labels[r] = this.labels[start + r];
            }
        }
        rowStart[count] = p;
        return p;
    }

    /**
     * The lists of {@link #gather(int[], int, float[], int[], int[], int[], float[])} without writing the images
     * anywhere: row r's entries are {@code [rowStart[r], rowStart[r + 1])}, each a column and its float
     * {@code pixel / 255f}, exactly the non-zero entries that gather would write into x; every entry it leaves out
     * is +0f. For a consumer that reads only the non-zeros (the network's first layer on its sparse path), which
     * saves writing a dense row of zeros per image.
     *
     * @param labels   (count) at least, or null when the classes are not wanted
     * @param rowStart (count + 1) at least
     * @param column   {@link #listCapacity(int[], int)} entries at least
     * @param value    as many entries as column
     * @return the number of non-zero entries, {@code rowStart[count]}
     */
    public int gatherNonZeros(int[] indices, int count, int[] labels, int[] rowStart, int[] column, float[] value) {
        checkLabels(count, labels);
        checkLists(count, rowStart, column, value, listCapacity(indices, count));
        readAhead(indices, count);
        int p = 0;
        for (int r = 0; r < count; r++) {
            int i = checkedIndex(indices, r);
            rowStart[r] = p;
            p = images.list(i, SCALED, column, value, p);
            if (labels != null) {
                labels[r] = this.labels[i];
            }
        }
        rowStart[count] = p;
        return p;
    }

    /** As {@link #gatherNonZeros}, for the examples {@code start .. start + count - 1}. */
    public int gatherRangeNonZeros(int start, int count, int[] labels, int[] rowStart, int[] column, float[] value) {
        checkLabels(count, labels);
        checkLists(count, rowStart, column, value, listCapacityRange(start, count));
        int p = 0;
        for (int r = 0; r < count; r++) {
            rowStart[r] = p;
            p = images.list(start + r, SCALED, column, value, p);
            if (labels != null) {
                labels[r] = this.labels[start + r];
            }
        }
        rowStart[count] = p;
        return p;
    }

    /**
     * Reads the records of the examples {@code indices[0..count)}, already checked, a cache line at a time
     * ({@code PackedImages.touch}) before they are listed: their cache misses then overlap instead of coming one
     * image after another (a random 128-image MNIST batch listed in 55-62 instead of 65-74 µs).
     */
    private void readAhead(int[] indices, int count) {
        int sum = 0;
        for (int r = 0; r < count; r++) {
            sum += images.touch(indices[r]);
        }
        readAheadSum = sum;
    }

    /**
     * The room the listing {@link #gather(int[], int, float[], int[], int[], int[], float[]) gather} needs in its
     * column and value lists for the examples at {@code indices[0..count)}: the pixels inside their packed runs (the
     * non-zero pixels and the few zeros kept inside runs), which the listing writes as candidates. About a fifth of
     * {@code count * features} for MNIST, and never more.
     */
    public int listCapacity(int[] indices, int count) {
        if (count < 0) {
            throw new IllegalArgumentException(name + ": count must be >= 0, found " + count);
        }
        checkIndexCount(count, indices);
        long total = 0;
        for (int r = 0; r < count; r++) {
            total += images.runPixels(checkedIndex(indices, r));
        }
        return capacity(total);
    }

    /** As {@link #listCapacity(int[], int)}, for the examples {@code start .. start + count - 1}. */
    public int listCapacityRange(int start, int count) {
        Objects.checkFromIndexSize(start, count, size());
        long total = 0;
        for (int r = 0; r < count; r++) {
            total += images.runPixels(start + r);
        }
        return capacity(total);
    }

    private int capacity(long entries) {
        if (entries > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ": the non-zeros of these examples may need " + entries
                    + " entries, more than an array holds; HINT: gather fewer examples at a time");
        }
        return (int) entries;
    }

    /**
     * Every example's non-zero pixels listed once ({@link ListedImages}), for a set scored again and again, such as an
     * experiment's test set; null when the images are wider than {@value ListedImages#MAX_FEATURES} pixels (the columns
     * are kept as chars) or when the lists could take more than {@code maxBytes} (3 bytes per pixel inside the images'
     * packed runs: 4.5 MB for MNIST's 10,000 test images).
     */
    public ListedImages listAll(long maxBytes) {
        if (features > ListedImages.MAX_FEATURES) {
            return null;
        }
        long room = 0;
        for (int i = 0; i < size(); i++) {
            room += images.runPixels(i);
        }
        if (room * ListedImages.BYTES_PER_ENTRY > maxBytes || room > Integer.MAX_VALUE) {
            return null;
        }
        // Listed with the scale p -> p, so that each value is the pixel itself, as a float.
        float[] asIs = new float[256];
        for (int p = 0; p < asIs.length; p++) {
            asIs[p] = p;
        }
        int[] start = new int[size() + 1];
        char[] column = new char[(int) room];
        byte[] pixel = new byte[(int) room];
        int[] imageColumn = new int[features];
        float[] imagePixel = new float[features];
        int p = 0;
        for (int i = 0; i < size(); i++) {
            start[i] = p;
            int n = images.list(i, asIs, imageColumn, imagePixel, 0);
            for (int e = 0; e < n; e++) {
                column[p + e] = (char) imageColumn[e];
                pixel[p + e] = (byte) imagePixel[e];
            }
            p += n;
        }
        start[size()] = p;
        return new ListedImages(name, features, start, column, pixel, labels);
    }

    /** The first {@code n} examples, as a copy named "NAME (first n)". */
    public Dataset head(int n) {
        Objects.checkFromIndexSize(0, n, size());
        return new Dataset(name + " (first " + n + ")", rows, cols, images.head(n), Arrays.copyOf(labels, n));
    }

    /** How many examples of each class: {@code counts[c]} for c in 0..9. */
    public int[] labelCounts() {
        int[] counts = new int[Idx.CLASSES];
        for (byte label : labels) {
            counts[label]++;
        }
        return counts;
    }

    @Override
    public String toString() {
        return name + ": " + size() + " examples of " + rows + "x" + cols;
    }

    private void copyExample(int i, float[] x, int offset) {
        images.decode(i, SCALED, x, offset);
    }

    private void checkIndexCount(int count, int[] indices) {
        if (count > indices.length) {
            throw new IllegalArgumentException(name + ": asked for " + count + " examples but only "
                    + indices.length + " indices were given");
        }
    }

    /** {@code indices[r]}, checked to name an example of this set. */
    private int checkedIndex(int[] indices, int r) {
        int i = indices[r];
        if (i < 0 || i >= size()) {
            throw new IndexOutOfBoundsException(name + ": index " + i + " at position " + r
                    + " is outside 0.." + (size() - 1));
        }
        return i;
    }

    /** The listing writes a candidate entry per pixel of a run: {@code needed} is the pixels in the rows' runs. */
    private void checkLists(int count, int[] rowStart, int[] column, float[] value, int needed) {
        if (rowStart == null || column == null || value == null) {
            throw new IllegalArgumentException(name + ": rowStart, column and value must all be given to list the "
                    + "non-zeros");
        }
        if (rowStart.length < (long) count + 1) {
            throw new IllegalArgumentException(name + ": rowStart holds " + rowStart.length + " ints but " + count
                    + " rows need " + (count + 1L) + " (one start per row and the end)");
        }
        if (column.length < needed || value.length < needed) {
            throw new IllegalArgumentException(name + ": column holds " + column.length + " ints and value "
                    + value.length + " floats but these " + count + " examples need " + needed + " each. HINT:"
                    + " allocate listCapacity(...) entries, or count * features() for room for any examples");
        }
    }

    private void checkBuffers(int count, float[] x, int[] labels) {
        checkLabels(count, labels);
        if ((long) count * features > x.length) {
            throw new IllegalArgumentException(name + ": x holds " + x.length + " floats but " + count
                    + " examples of " + features + " need " + (long) count * features);
        }
    }

    private void checkLabels(int count, int[] labels) {
        if (count < 0) {
            throw new IllegalArgumentException(name + ": count must be >= 0, found " + count);
        }
        if (labels != null && labels.length < count) {
            throw new IllegalArgumentException(name + ": labels holds " + labels.length + " ints but " + count
                    + " are needed");
        }
    }
}
