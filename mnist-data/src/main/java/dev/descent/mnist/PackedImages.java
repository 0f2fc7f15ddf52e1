package dev.descent.mnist;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
    /** Eight pixels at a time, pixel k of the eight in bits 8k .. 8k + 7 (any offset: x86 and AArch64 allow it). */
    private static final VarHandle PIXEL_WORDS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** The low 7 bits of each of a word's 8 bytes. */
    private static final long LOW_SEVEN_BITS = 0x7F7F_7F7F_7F7F_7F7FL;
    /** Bytes between the reads of {@link #touch}: one per cache line. */
    private static final int TOUCH_STEP = 64;

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
     * <p>The image is written, then its runs are listed ({@link #list}: the gaps between them are {@code scale[0]},
     * 0 in the normal case, and need no look). A non-zero {@code scale[0]} makes every pixel a candidate, so the row
     * is then listed from x after decoding; the result is the same either way. The batches of training take the
     * listing alone: the first layer reads the lists, and x is written from them only where it is read.
     *
     * @param column room from p for {@link #runPixels}{@code (i)} entries when {@code scale[0]} is 0 (every pixel of
     *               a run is written as a candidate), else for {@code features}; not checked here, the caller
     *               checks its capacity ({@code Dataset.listCapacity})
     * @param value  same room as column
     */
    int decodeListing(int i, float[] scale, float[] x, int offset, int[] column, float[] value, int p) {
        if (scale[0] != 0f) {   // NaN too: then every pixel is a candidate
            decode(i, scale, x, offset);
            return listRow(x, offset, features, column, value, p);
        }
        decode(i, scale, x, offset);
        return list(i, scale, column, value, p);
    }

    /**
     * The listing of {@link #decodeListing} without writing the image anywhere: for each pixel whose scaled value
     * {@code scale[pixel]} is {@code != 0f} (NaN kept, ±0 skipped), in ascending column order, its column goes to
     * {@code column[p]} and that float to {@code value[p]}, and p moves on. Returns the new end. Every pixel left out
     * scales to {@code scale[0]}, which must be +0f or −0f (the zeros of the image are not listed).
     *
     * @param column room from p for {@link #runPixels}{@code (i)} entries (every pixel of a run is written as a
     *               candidate); not checked here, the caller checks its capacity ({@code Dataset.listCapacity})
     * @param value  same room as column
     * @throws IllegalArgumentException if {@code scale[0]} is not zero
     */
    int list(int i, float[] scale, int[] column, float[] value, int p) {
        if (scale[0] != 0f) {
            throw new IllegalArgumentException("listing without the image needs zero pixels to scale to 0, not "
                    + scale[0]);
        }
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

    /**
     * Reads image {@code i}'s records a cache line (64 bytes) at a time and uses none of it: returns a value that
     * depends on every byte read, to be kept by the caller so that the reads are not dropped. A batch drawn at random
     * from MNIST's 12 MB of records finds most images outside the caches; read in one pass over the batch first,
     * their lines are fetched side by side instead of one image's after another's while it is being listed.
     */
    int touch(int i) {
        byte[] block = blockOf[i];
        int from = start[i];
        // The records are the run pixels plus two bytes per record and the end record: about a line more at most.
        int to = Math.min(block.length, from + runPixels[i] + TOUCH_STEP);
        int sum = 0;
        for (int q = from; q < to; q += TOUCH_STEP) {
            sum += block[q];
        }
        return sum;
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

    /** The block holding image {@code i}'s records, shared with the images beside it: for tests, not to be changed. */
    byte[] recordBlock(int i) {
        return blockOf[i];
    }

    /** Where image {@code i}'s records begin in {@link #recordBlock}. */
    int recordStart(int i) {
        return start[i];
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
        private byte[] scratch;   // the current block's records are written here, then copied out at its size
        private int used;         // bytes of scratch that hold records
        private int blockFirst;   // the first image of the current block
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
            if (scratch == null) {
                scratch = new byte[blockBytes];
            } else if (blockBytes - used < 2L * features + 4) {
                finishBlock();
            }
            start[added] = used;
            long encoded = encode(pixels, offset, features, scratch, used);
            runPixels[added] = runPixels(encoded);
            used = end(encoded);
            added++;
        }

        PackedImages build() {
            if (added != start.length) {
                throw new IllegalStateException("expected " + start.length + " images, " + added + " were added");
            }
            finishBlock();
            scratch = null;
            return new PackedImages(rows, cols, blockOf, start, runPixels);
        }

        /**
         * Copies the current block's records out of the scratch array at their size and points its images at the
         * copy. So each block is allocated once: a full-size block per block, trimmed by a copy when done, took
         * MNIST's 14 MB of records twice from the young generation (and a young collection more while loading).
         */
        private void finishBlock() {
            if (added == blockFirst) {
                return;
            }
            byte[] block = Arrays.copyOf(scratch, used);
            for (int i = blockFirst; i < added; i++) {
                blockOf[i] = block;
            }
            blockFirst = added;
            used = 0;
        }

        /**
         * Writes the records of one image, {@code pixels[offset .. offset + features)}, at {@code out[p]}. Returns
         * {@link #end} and {@link #runPixels} in one long (its low and high halves), so that nothing walks the
         * records again to count their pixels.
         *
         * <p>The scans go 8 pixels at a time: a zero word is 8 zero pixels skipped at once, and a word's zero bytes,
         * shifted onto their neighbours, show a stretch of {@value #GAP_TO_SPLIT} zeros, where a run ends. The
         * records are those of the byte-by-byte encoder kept in test scope ({@code ReferencePacking}), byte for
         * byte; only the pixels at an image's end that do not fill a word are looked at one at a time.
         */
        static long encode(byte[] pixels, int offset, int features, byte[] out, int p) {
            int column = 0;      // first pixel not yet written
            int inRuns = 0;      // pixels of the runs written so far
            while (true) {
                int runStart = nextNonZero(pixels, offset, column, features);
                if (runStart == features) {
                    break;
                }
                int runEnd = runEnd(pixels, offset, runStart, features);
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
                inRuns += runEnd - runStart;
                column = runEnd;
            }
            out[p++] = 0;
            out[p++] = 0;
            return (long) inRuns << 32 | p;
        }

        /** The end of the records, from what {@link #encode} returns. */
        static int end(long encoded) {
            return (int) encoded;
        }

        /** The pixels inside the runs, from what {@link #encode} returns. */
        static int runPixels(long encoded) {
            return (int) (encoded >>> 32);
        }

        /** The first non-zero pixel at or after {@code from}, or {@code features} if there is none. */
        private static int nextNonZero(byte[] pixels, int offset, int from, int features) {
            int c = from;
            for (; c + Long.BYTES <= features; c += Long.BYTES) {
                long word = (long) PIXEL_WORDS.get(pixels, offset + c);
                if (word != 0) {
                    // Little-endian: pixel c is the lowest byte, so the first non-zero one is the lowest set bit's.
                    return c + (Long.numberOfTrailingZeros(word) >>> 3);
                }
            }
            while (c < features && pixels[offset + c] == 0) {
                c++;
            }
            return c;
        }

        /**
         * Where the run that starts at the non-zero pixel {@code runStart} ends: at the first stretch of
         * {@value #GAP_TO_SPLIT} zeros after it (the run then ends with a non-zero pixel), else after the image's
         * last non-zero pixel.
         */
        private static int runEnd(byte[] pixels, int offset, int runStart, int features) {
            int c = runStart + 1;
            // The zero marks of the word before c. None at first: pixel runStart is non-zero, so no stretch of
            // zeros reaches back past c.
            long previous = 0;
            for (; c + Long.BYTES <= features; c += Long.BYTES) {
                long zeros = zeroBytes((long) PIXEL_WORDS.get(pixels, offset + c));
                // Byte k is marked when pixels c + k - 2, c + k - 1 and c + k are all 0 (GAP_TO_SPLIT = 3); the
                // first two may be the last two of the previous word.
                long stretchEnds = zeros & (zeros << 8 | previous >>> 56) & (zeros << 16 | previous >>> 48);
                if (stretchEnds != 0) {
                    return c + (Long.numberOfTrailingZeros(stretchEnds) >>> 3) - (GAP_TO_SPLIT - 1);
                }
                previous = zeros;
            }
            // Fewer than 8 pixels left: byte by byte, from just after the last non-zero pixel before c (at most two
            // zeros back, as no stretch of three was found).
            int runEnd = c;
            while (pixels[offset + runEnd - 1] == 0) {
                runEnd--;
            }
            int zeros = 0;
            while (runEnd + zeros < features && zeros < GAP_TO_SPLIT) {
                if (pixels[offset + runEnd + zeros] == 0) {
                    zeros++;
                } else {
                    runEnd += zeros + 1;
                    zeros = 0;
                }
            }
            return runEnd;
        }

        /**
         * 0x80 in each byte of {@code word} that is 0, and 0 in every other bit. Exact: adding 0x7F to each byte's
         * low 7 bits never carries into the next byte (the "has a zero byte" trick, Warren, "Hacker's Delight",
         * 2nd ed., section 6-1, in the form without false positives).
         */
        private static long zeroBytes(long word) {
            return ~(((word & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | word | LOW_SEVEN_BITS);
        }
    }
}
