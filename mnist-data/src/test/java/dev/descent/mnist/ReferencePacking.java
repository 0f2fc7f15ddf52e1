package dev.descent.mnist;

import java.util.Arrays;

/**
 * The slow, obvious twin of {@link PackedImages.Builder}: the byte-by-byte encoder and the block layout exactly as
 * they were before the encoder went 8 pixels at a time, kept as the reference the fast one must match byte for byte
 * (the records, which image lands in which block at which start, and the run pixels).
 *
 * <p>The rules, from {@link PackedImages}: a run starts at a non-zero pixel and ends at the first stretch of 3 zeros
 * (or after the image's last non-zero pixel); skips and runs longer than 255 take several records; (0, 0) ends an
 * image. A block holds 1 MB (or 2 bytes per pixel + 4 if more), a new one starts when the current one might not hold
 * the next image's worst case, and a block is trimmed to what it holds.
 */
final class ReferencePacking {

    private static final int MAX_RECORD = 255;
    private static final int GAP_TO_SPLIT = 3;

    /** What the builder makes: for each image, its block, its start there and the pixels inside its runs. */
    record Packing(byte[][] blockOf, int[] start, int[] runPixels) {
    }

    private ReferencePacking() {
    }

    /** Packs {@code count} dense images of {@code features} pixels, (count, features) bytes, as the builder did. */
    static Packing pack(byte[] pixels, int count, int features) {
        int blockBytes = (int) Math.max(PackedImages.BLOCK_BYTES, 2L * features + 4);
        byte[][] blockOf = new byte[count][];
        int[] start = new int[count];
        int[] runPixels = new int[count];
        byte[] block = null;
        int used = 0;
        for (int i = 0; i < count; i++) {
            if (block == null || blockBytes - used < 2L * features + 4) {
                trim(blockOf, i, block, used);
                block = new byte[blockBytes];
                used = 0;
            }
            blockOf[i] = block;
            start[i] = used;
            int end = encode(pixels, i * features, features, block, used);
            runPixels[i] = pixelsInRuns(block, used);
            used = end;
        }
        trim(blockOf, count, block, used);
        return new Packing(blockOf, start, runPixels);
    }

    /** Replaces the images before {@code added} that point at {@code block} by its first {@code used} bytes. */
    private static void trim(byte[][] blockOf, int added, byte[] block, int used) {
        if (block == null || used == block.length) {
            return;
        }
        byte[] trimmed = Arrays.copyOf(block, used);
        for (int i = added - 1; i >= 0 && blockOf[i] == block; i--) {
            blockOf[i] = trimmed;
        }
    }

    /** The pixels of the runs of the records at {@code block[p]}, up to their end record. */
    static int pixelsInRuns(byte[] block, int p) {
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

    /** Writes the records of one image at {@code out[p]}, one pixel at a time; returns the end. */
    static int encode(byte[] pixels, int offset, int features, byte[] out, int p) {
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
