package dev.descent.mnist;

import java.util.Arrays;
import java.util.Objects;

/**
 * Images kept as their runs of non-zero pixels: about 81 % of MNIST's pixels are exactly 0, so the 60,000 training
 * images take 12 MB this way instead of 47 MB of dense bytes (the 10,000 test images 2 MB instead of 7.8 MB).
 *
 * <p>Each image is a sequence of records, read left to right over its pixels in row-major order:
 * {@code skip} (an unsigned byte: this many zero pixels), {@code length} (an unsigned byte), then {@code length}
 * pixel bytes. A stretch of more than 255 zeros takes records of length 0 first; a run of more than 255 pixels
 * continues in a record with skip 0. The record {@code (0, 0)}, which never occurs otherwise, ends the image; the
 * pixels after the last run are 0. A run may hold zeros (the encoder starts a record only where it pays), so
 * decoding gives back exactly the bytes that were encoded.
 *
 * <p>The records live in blocks of about 1 MB, an image never split between two, so a data set of any size is
 * built without ever copying the whole of it, and no array is larger than a block. Immutable once built, safe to
 * share between threads.
 */
final class PackedImages {

    /** Target size of a block; a block is larger only when one image's records could be. */
    static final int BLOCK_BYTES = 1 << 20;
    /** Records of {@link #MAX_RECORD} pixels at most: the length is one unsigned byte. */
    private static final int MAX_RECORD = 255;
    /** Zeros that end a run: a record header costs two bytes, so shorter gaps are kept inside the run. */
    private static final int GAP_TO_SPLIT = 3;

    private final int rows;
    private final int cols;
    private final int features;
    private final byte[][] blockOf;  // (count): the block holding image i's records
    private final int[] start;       // (count): where image i's records begin in that block
    private final int[] runPixels;   // (count): pixels inside image i's runs, at most features

    private PackedImages(int rows, int cols, byte[][] blockOf, int[] start, int[] runPixels) {
        this.rows = rows;
        this.cols = cols;
        this.features = rows * cols;
        this.blockOf = blockOf;
        this.start = start;
        this.runPixels = runPixels;
    }

    /** Packs {@code count} dense images of rows × cols, (count, rows * cols) unsigned bytes in row-major order. */
    static PackedImages pack(byte[] pixels, int count, int rows, int cols) {
        Builder builder = new Builder(count, rows, cols);
        int features = rows * cols;
        if ((long) count * features != pixels.length) {
            throw new IllegalArgumentException(count + " images of " + features + " pixels need "
                    + (long) count * features + " bytes, found " + pixels.length);
        }
        for (int i = 0; i < count; i++) {
            builder.add(pixels, i * features);
        }
        return builder.build();
    }

    int count() {
        return start.length;
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    /** Pixels per image, rows * cols. */
    int features() {
        return features;
    }

    /** The first {@code n} images, sharing this one's blocks (nothing is copied but the two small indexes). */
    PackedImages head(int n) {
        Objects.checkFromIndexSize(0, n, count());
        return new PackedImages(rows, cols, Arrays.copyOf(blockOf, n), Arrays.copyOf(start, n),
                Arrays.copyOf(runPixels, n));
    }

    /**
     * The pixels inside image {@code i}'s runs: its non-zero pixels and the zeros kept inside runs (gaps shorter
     * than {@value #GAP_TO_SPLIT}). It bounds what {@link #decodeListing} lists for the image when {@code scale[0]}
     * is 0 (a non-zero pixel's scaled value may still be 0, never the reverse).
     */
    int runPixels(int i) {
        return runPixels[i];
    }

    /**
     * Writes image {@code i} into {@code x[offset .. offset + features)} with pixel p as {@code scale[p]}: the
     * zeros as {@code scale[0]}, each run through the table.
     */
    void decode(int i, float[] scale, float[] x, int offset) {
        Objects.checkFromIndexSize(offset, features, x.length);
        // One fill of the whole row (a few vector stores), then the runs over it: cheaper than filling each gap.
        Arrays.fill(x, offset, offset + features, scale[0]);
        byte[] block = blockOf[i];
        int p = start[i];
        int to = offset;
        while (true) {
            int skip = block[p] & 0xFF;
            int length = block[p + 1] & 0xFF;
            p += 2;
            if ((skip | length) == 0) {
                break;
            }
            to += skip;
            for (int k = 0; k < length; k++) {
                x[to + k] = scale[block[p + k] & 0xFF];
            }
            to += length;
            p += length;
        }
    }

    /**
     * As {@link #decode(int, float[], float[], int)}, and in the same pass lists the image's non-zero floats: for
     * each entry of {@code x[offset .. offset + features)} whose value is {@code != 0f} (NaN kept, ±0 skipped), in
     * ascending column order, its column (0 .. features − 1) goes to {@code column[p]} and the very float written
     * into x to {@code value[p]}, and p moves on. Returns the new end.
     *
     * <p>The runs are listed while they are written (the gaps between them are {@code scale[0]}, 0 in the normal
     * case, and need no look). A non-zero {@code scale[0]} makes every pixel a candidate, so the row is then
     * listed from x after decoding; the result is the same either way.
     *
     * @param column room for {@code features} entries from p (not checked here: the caller checks its capacity)
     * @param value  same room as column
     */
    int decodeListing(int i, float[] scale, float[] x, int offset, int[] column, float[] value, int p) {
        if (scale[0] != 0f) {   // NaN too: then every pixel is a candidate
            decode(i, scale, x, offset);
            return listRow(x, offset, features, column, value, p);
        }
        Objects.checkFromIndexSize(offset, features, x.length);
        Arrays.fill(x, offset, offset + features, scale[0]);
        byte[] block = blockOf[i];
        int q = start[i];
        int c = 0;   // column of the next pixel, within the image
        while (true) {
            int skip = block[q] & 0xFF;
            int length = block[q + 1] & 0xFF;
            q += 2;
            if ((skip | length) == 0) {
                break;
            }
            c += skip;
            // Branch-free, as the network's NonZeroIndex lists a row: every pixel of the run is written, the cursor
            // moves past the non-zero ones only (a run may hold up to two zero pixels in a row).
            for (int k = 0; k < length; k++) {
                float v = scale[block[q + k] & 0xFF];
                x[offset + c + k] = v;
                column[p] = c + k;
                value[p] = v;
                p += v != 0f ? 1 : 0;
            }
            c += length;
            q += length;
        }
        return p;
    }

    /** Lists the entries {@code != 0f} of {@code x[offset .. offset + features)} at p; returns the new end. */
    private static int listRow(float[] x, int offset, int features, int[] column, float[] value, int p) {
        for (int c = 0; c < features; c++) {
            float v = x[offset + c];
            column[p] = c;
            value[p] = v;
            p += v != 0f ? 1 : 0;
        }
        return p;
    }

    /** Writes image {@code i}'s pixels into {@code pixels[offset .. offset + features)} as unsigned bytes. */
    void decode(int i, byte[] pixels, int offset) {
        byte[] block = blockOf[i];
        int p = start[i];
        int column = 0;
        while (true) {
            int skip = block[p] & 0xFF;
            int length = block[p + 1] & 0xFF;
            p += 2;
            if ((skip | length) == 0) {
                break;
            }
            Arrays.fill(pixels, offset + column, offset + column + skip, (byte) 0);
            column += skip;
            System.arraycopy(block, p, pixels, offset + column, length);
            column += length;
            p += length;
        }
        Arrays.fill(pixels, offset + column, offset + features, (byte) 0);
    }

    /** Bytes held by the records (all blocks), for reports and tests. */
    long recordBytes() {
        long total = 0;
        byte[] last = null;
        for (byte[] block : blockOf) {
            if (block != last) {
                total += block.length;
                last = block;
            }
        }
        return total;
    }

    /** Packs images one at a time, in order, into blocks. */
    static final class Builder {
        private final int rows;
        private final int cols;
        private final int features;
        private final int blockBytes;
        private final byte[][] blockOf;
        private final int[] start;
        private final int[] runPixels;
        private byte[] block;
        private int used;
        private int added;

        /**
         * @param count how many images will be added
         * @param rows  pixel rows per image
         * @param cols  pixel columns per image
         */
        Builder(int count, int rows, int cols) {
            if (count < 0 || rows <= 0 || cols <= 0 || (long) rows * cols > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("expected count >= 0 and rows, cols > 0, found count=" + count
                        + ", rows=" + rows + ", cols=" + cols);
            }
            this.rows = rows;
            this.cols = cols;
            this.features = rows * cols;
            // An image's records take at most 3 bytes per 2 pixels (a lone pixel after a lone zero), plus the
            // headers of split runs and the end record; 2 bytes per pixel + 4 is a safe bound.
            long worst = 2L * features + 4;
            if (worst > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("images of " + features + " pixels are too large to pack");
            }
            this.blockBytes = (int) Math.max(BLOCK_BYTES, worst);
            this.blockOf = new byte[count][];
            this.start = new int[count];
            this.runPixels = new int[count];
        }

        /** Adds the image at {@code pixels[offset .. offset + features)}. */
        void add(byte[] pixels, int offset) {
            if (added == start.length) {
                throw new IllegalStateException("all " + start.length + " images were already added");
            }
            if (block == null || blockBytes - used < 2L * features + 4) {
                finishBlock();
                block = new byte[blockBytes];
                used = 0;
            }
            blockOf[added] = block;
            start[added] = used;
            int end = encode(pixels, offset, features, block, used);
            runPixels[added] = pixelsInRuns(block, used);
            used = end;
            added++;
        }

        PackedImages build() {
            if (added != start.length) {
                throw new IllegalStateException("expected " + start.length + " images, " + added + " were added");
            }
            finishBlock();
            return new PackedImages(rows, cols, blockOf, start, runPixels);
        }

        /** Trims the current block to what it holds and points its images at the trimmed copy. */
        private void finishBlock() {
            if (block == null || used == block.length) {
                return;
            }
            byte[] trimmed = Arrays.copyOf(block, used);
            for (int i = added - 1; i >= 0 && blockOf[i] == block; i--) {
                blockOf[i] = trimmed;
            }
            block = null;
        }

        /** The pixels of the runs of the records at {@code block[p]}, up to their end record. */
        private static int pixelsInRuns(byte[] block, int p) {
            int total = 0;
            while (true) {
                int skip = block[p] & 0xFF;
                int length = block[p + 1] & 0xFF;
                if ((skip | length) == 0) {
                    return total;
                }
                total += length;
                p += 2 + length;
            }
        }

        /** Writes the records of one image at {@code out[p]}; returns the end. */
        private static int encode(byte[] pixels, int offset, int features, byte[] out, int p) {
            int column = 0;   // first pixel not yet written
            while (true) {
                int runStart = column;
                while (runStart < features && pixels[offset + runStart] == 0) {
                    runStart++;
                }
                if (runStart == features) {
                    break;
                }
                // The run ends at the first stretch of GAP_TO_SPLIT zeros (or the image's end).
                int runEnd = runStart + 1;
                int zeros = 0;
                while (runEnd + zeros < features && zeros < GAP_TO_SPLIT) {
                    if (pixels[offset + runEnd + zeros] == 0) {
                        zeros++;
                    } else {
                        runEnd += zeros + 1;
                        zeros = 0;
                    }
                }
                int skip = runStart - column;
                while (skip > MAX_RECORD) {
                    out[p++] = (byte) MAX_RECORD;
                    out[p++] = 0;
                    skip -= MAX_RECORD;
                }
                int from = runStart;
                while (from < runEnd) {
                    int length = Math.min(MAX_RECORD, runEnd - from);
                    out[p++] = (byte) skip;
                    out[p++] = (byte) length;
                    System.arraycopy(pixels, offset + from, out, p, length);
                    p += length;
                    from += length;
                    skip = 0;
                }
                column = runEnd;
            }
            out[p++] = 0;
            out[p++] = 0;
            return p;
        }
    }
}
