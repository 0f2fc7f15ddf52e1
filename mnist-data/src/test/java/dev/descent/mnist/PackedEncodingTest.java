package dev.descent.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The encoder that goes 8 pixels at a time must write exactly the records of the byte-by-byte one kept in test scope
 * ({@link ReferencePacking}): the same bytes, the same end and run pixels for every image, and, packed, the same
 * blocks, starts and run pixels. The format is read by other code, so "decodes to the same pixels"
 * ({@link PackedImagesTest}) is not enough here.
 */
class PackedEncodingTest {

    /** Non-zero bytes on both sides of each image: neither encoder may look outside it. */
    private static final int PAD = 11;
    /** Records are written from here, after bytes the encoder must leave alone. */
    private static final int OUT_FROM = 3;
    private static final byte AROUND = 0x5A;

    /**
     * Encodes one image with both encoders, each into an array just large enough for the bound the builder
     * guarantees ({@code 2 * features + 4} bytes from OUT_FROM), and compares bytes, end and run pixels.
     */
    private static void assertSameRecords(byte[] image, String what) {
        int features = image.length;
        byte[] pixels = new byte[PAD + features + PAD];
        Arrays.fill(pixels, AROUND);
        System.arraycopy(image, 0, pixels, PAD, features);
        byte[] expected = new byte[OUT_FROM + 2 * features + 4];
        byte[] actual = new byte[expected.length];
        Arrays.fill(expected, AROUND);
        Arrays.fill(actual, AROUND);
        int expectedEnd = ReferencePacking.encode(pixels, PAD, features, expected, OUT_FROM);
        long encoded = PackedImages.Builder.encode(pixels, PAD, features, actual, OUT_FROM);
        int end = PackedImages.Builder.end(encoded);
        assertEquals(expectedEnd, end, () -> "end of the records of " + what);
        assertArrayEquals(Arrays.copyOf(expected, end), Arrays.copyOf(actual, end), () -> "records of " + what);
        assertEquals(ReferencePacking.pixelsInRuns(expected, OUT_FROM), PackedImages.Builder.runPixels(encoded),
                () -> "run pixels of " + what);
    }

    /** A non-zero pixel value that differs from pixel to pixel, so that a misplaced copy shows. */
    private static byte pixel(int k) {
        return (byte) (1 + (k * 37) % 255);
    }

    private static String describe(byte[] image) {
        return image.length <= 64 ? image.length + " pixels " + Arrays.toString(image) : image.length + " pixels";
    }

    @Test
    void everyPatternOfZerosInImagesOfUpTo17PixelsGivesTheReferencesRecords() {
        // 1 to 16 pixels: each zero/non-zero pattern, so every gap length at every place within a word and in the
        // tails shorter than a word (2^17 - 2 images).
        for (int features = 1; features <= 16; features++) {
            for (int pattern = 0; pattern < 1 << features; pattern++) {
                byte[] image = image(pattern, features);
                assertSameRecords(image, describe(image));
            }
        }
        // 17 pixels, the first non-zero and the 16 after it in each pattern: a run from pixel 0 is looked at in two
        // whole words, 1 .. 8 and 9 .. 16, so every stretch of zeros that straddles two words is met.
        for (int pattern = 0; pattern < 1 << 16; pattern++) {
            byte[] image = image(pattern << 1 | 1, 17);
            assertSameRecords(image, describe(image));
        }
    }

    /** Pixel k (k < features) non-zero where bit k of {@code pattern} is set, else 0. */
    private static byte[] image(int pattern, int features) {
        byte[] image = new byte[features];
        for (int k = 0; k < features; k++) {
            image[k] = (pattern >>> k & 1) == 1 ? pixel(k) : 0;
        }
        return image;
    }

    @Test
    void skipsAndRunsAroundTheRecordLimitOf255GiveTheReferencesRecords() {
        int[] skips = {0, 1, 7, 8, 9, 254, 255, 256, 257, 509, 510, 511, 512, 765, 766};
        int[] lengths = {1, 2, 8, 254, 255, 256, 257, 509, 510, 511, 766};
        int[] tails = {0, 1, 2, 3, 4, 9};
        for (int skip : skips) {
            for (int length : lengths) {
                for (int tail : tails) {
                    byte[] image = new byte[skip + length + tail];
                    for (int k = skip; k < skip + length; k++) {
                        image[k] = pixel(k);
                    }
                    assertSameRecords(image, "skip " + skip + ", run " + length + ", zeros after " + tail);
                    // The same run with gaps of 1 and 2 zeros inside it, which do not split it: records past 255
                    // pixels that hold zeros.
                    for (int k = skip + 1; k < skip + length - 1; k++) {
                        image[k] = k % 7 == 0 || k % 11 < 2 ? 0 : image[k];
                    }
                    assertSameRecords(image, "skip " + skip + ", run " + length + " with gaps, zeros after " + tail);
                }
            }
        }
    }

    @Test
    void edgeImagesGiveTheReferencesRecords() {
        int[][] sizes = {{1, 1}, {1, 7}, {1, 8}, {1, 9}, {1, 15}, {1, 16}, {1, 17}, {5, 5}, {20, 20}, {28, 28}};
        for (int[] size : sizes) {
            int features = size[0] * size[1];
            String name = size[0] + "x" + size[1];
            assertSameRecords(new byte[features], name + " all zero");
            byte[] full = new byte[features];
            for (int k = 0; k < features; k++) {
                full[k] = pixel(k);
            }
            assertSameRecords(full, name + " no zero");
            byte[] white = new byte[features];
            Arrays.fill(white, (byte) -1);
            assertSameRecords(white, name + " all 255");
            byte[] last = new byte[features];
            last[features - 1] = 9;
            assertSameRecords(last, name + " only the last pixel");
            byte[] first = new byte[features];
            first[0] = 9;
            assertSameRecords(first, name + " only the first pixel");
            for (int zerosAtEnd = 1; zerosAtEnd <= 4 && zerosAtEnd < features; zerosAtEnd++) {
                byte[] ending = full.clone();
                Arrays.fill(ending, features - zerosAtEnd, features, (byte) 0);
                assertSameRecords(ending, name + " ending in " + zerosAtEnd + " zeros");
            }
            // Lone pixels with gaps of exactly 1, 2, 3 and 4 zeros (3 and more split the run), starting at each
            // place within two words.
            for (int gap = 1; gap <= 4; gap++) {
                for (int shift = 0; shift < 16 && shift < features; shift++) {
                    byte[] spaced = new byte[features];
                    for (int k = shift; k < features; k += gap + 1) {
                        spaced[k] = pixel(k);
                    }
                    assertSameRecords(spaced, name + " a pixel every " + (gap + 1) + " from " + shift);
                }
            }
        }
    }

    @Test
    void randomSparseAndStrokeImagesGiveTheReferencesRecords() {
        SplittableRandom random = new SplittableRandom(20261201);
        int[] sizes = {1, 9, 25, 63, 64, 65, 400, 784, 1000, 3000};
        for (int features : sizes) {
            for (int density = 0; density <= 10; density++) {
                for (int repeat = 0; repeat < 20; repeat++) {
                    byte[] image = new byte[features];
                    for (int k = 0; k < features; k++) {
                        image[k] = random.nextInt(10) < density ? (byte) (1 + random.nextInt(255)) : 0;
                    }
                    assertSameRecords(image, features + " pixels, density " + density + "/10, #" + repeat);
                }
            }
            // Strokes as in MNIST: runs of 1 to 12 pixels with gaps of 0 to 30 zeros, a few zeros inside.
            for (int repeat = 0; repeat < 50; repeat++) {
                byte[] image = new byte[features];
                int k = random.nextInt(31);
                while (k < features) {
                    int length = 1 + random.nextInt(12);
                    for (int j = 0; j < length && k < features; j++, k++) {
                        image[k] = random.nextInt(8) == 0 ? 0 : (byte) (1 + random.nextInt(255));
                    }
                    k += random.nextInt(31);
                }
                assertSameRecords(image, features + " pixels of strokes, #" + repeat);
            }
        }
    }

    /** Compares a packing with the reference's: starts, run pixels, block bytes, and which images share a block. */
    static void assertSamePacking(ReferencePacking.Packing expected, PackedImages packed, String what) {
        assertEquals(expected.start().length, packed.count(), what);
        for (int i = 0; i < packed.count(); i++) {
            int image = i;
            assertEquals(expected.start()[i], packed.recordStart(i), () -> what + ": start of image " + image);
            assertEquals(expected.runPixels()[i], packed.runPixels(i), () -> what + ": run pixels of image " + image);
            if (i > 0 && expected.blockOf()[i] == expected.blockOf()[i - 1]) {
                assertSame(packed.recordBlock(i - 1), packed.recordBlock(i), () -> what + ": image " + image
                        + " should share the block of the one before");
            } else {
                if (i > 0) {
                    assertNotSame(packed.recordBlock(i - 1), packed.recordBlock(i), () -> what + ": image " + image
                            + " should start a block");
                }
                // Once per block: its bytes, every record of its images and its length (nothing after the last).
                assertArrayEquals(expected.blockOf()[i], packed.recordBlock(i),
                        () -> what + ": the block that starts with image " + image);
            }
        }
    }

    private static void assertPacksAsTheReference(byte[] pixels, int count, int rows, int cols, String what) {
        assertSamePacking(ReferencePacking.pack(pixels, count, rows * cols),
                PackedImages.pack(pixels, count, rows, cols), what);
    }

    @Test
    void packingManyImagesGivesTheReferencesBlocksStartsAndRunPixels() {
        SplittableRandom random = new SplittableRandom(17);
        // 5000 random images of 28x28 fill several 1 MB blocks.
        byte[] pixels = new byte[5000 * 784];
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = random.nextInt(5) == 0 ? (byte) random.nextInt(256) : 0;
        }
        assertPacksAsTheReference(pixels, 5000, 28, 28, "5000 random 28x28 images");
        // Large noisy images, a few to a block: where a block ends is decided by the worst-case bound.
        byte[] dense = new byte[7 * 300 * 500];
        for (int k = 0; k < dense.length; k++) {
            dense[k] = random.nextInt(3) == 0 ? 0 : (byte) (1 + random.nextInt(255));
        }
        assertPacksAsTheReference(dense, 7, 300, 500, "7 noisy 300x500 images");
        // Images larger than a block: a block of 2 bytes a pixel + 4 each.
        byte[] huge = new byte[3 * 600_000];
        for (int k = 0; k < huge.length; k++) {
            huge[k] = random.nextInt(4) == 0 ? (byte) (1 + random.nextInt(255)) : 0;
        }
        assertPacksAsTheReference(huge, 3, 1, 600_000, "3 images of 600,000 pixels");
        assertPacksAsTheReference(new byte[0], 0, 28, 28, "no image");
        assertPacksAsTheReference(new byte[784], 1, 28, 28, "one blank image");
    }

    @Test
    void theFixtureReadPackedGivesTheReferencesBlocksStartsAndRunPixels() throws IOException {
        for (String name : new String[] {Mnist.TRAIN_IMAGES, Mnist.TEST_IMAGES}) {
            Path file = Fixture.locate().resolve(name + ".gz");
            IdxImages dense = Idx.readImages(file);
            ReferencePacking.Packing expected = ReferencePacking.pack(dense.pixels(), dense.count(),
                    dense.rows() * dense.cols());
            assertSamePacking(expected, Idx.readPackedImages(file, "HINT: test"), file.toString());
        }
    }
}
