package dev.descent.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packed form must give back every byte it was given, whatever the pattern of zeros: each test decodes and
 * compares with the dense bytes, which are the oracle.
 */
class PackedImagesTest {

    private static byte[] unpack(PackedImages packed) {
        byte[] dense = new byte[packed.count() * packed.features()];
        // Dirty the buffer first: decoding must write the zeros, not assume them.
        Arrays.fill(dense, (byte) 7);
        for (int i = 0; i < packed.count(); i++) {
            packed.decode(i, dense, i * packed.features());
        }
        return dense;
    }

    private static void assertRoundTrip(byte[] pixels, int count, int rows, int cols) {
        PackedImages packed = PackedImages.pack(pixels, count, rows, cols);
        assertEquals(count, packed.count());
        assertArrayEquals(pixels, unpack(packed));
        // The float decoding is the dense scaling, pixel for pixel, zeros included.
        float[] scale = new float[256];
        for (int p = 0; p < 256; p++) {
            scale[p] = p + 0.5f;
        }
        float[] x = new float[pixels.length];
        Arrays.fill(x, Float.NaN);
        for (int i = 0; i < count; i++) {
            packed.decode(i, scale, x, i * rows * cols);
        }
        for (int k = 0; k < pixels.length; k++) {
            assertEquals(scale[pixels[k] & 0xFF], x[k], "pixel " + k);
        }
    }

    @Test
    void touchReadsALineOfEachRecordsWithinTheBlock() {
        // A blank image, a full one and random ones, enough of them to fill more than one block, so that some image
        // ends its block: touch stays inside the block and sums the bytes it reads, one per 64, from the record start.
        int features = 784;
        int count = 2 * PackedImages.BLOCK_BYTES / features + 3;
        byte[] pixels = new byte[count * features];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 1; i < count; i++) {
            for (int c = 0; c < features; c++) {
                if (i % 7 == 1 || random.nextInt(5) == 0) {
                    pixels[i * features + c] = (byte) (1 + random.nextInt(255));
                }
            }
        }
        PackedImages packed = PackedImages.pack(pixels, count, 28, 28);
        for (int i = 0; i < count; i++) {
            byte[] block = packed.recordBlock(i);
            int from = packed.recordStart(i);
            int to = Math.min(block.length, from + packed.runPixels(i) + 64);
            int expected = 0;
            for (int q = from; q < to; q += 64) {
                expected += block[q];
            }
            assertEquals(expected, packed.touch(i), "image " + i);
        }
    }

    @Test
    void theFixtureComesBackByteForByteInAThirdOfItsSize() throws IOException {
        IdxImages images = Idx.readImages(Fixture.locate().resolve(Mnist.TRAIN_IMAGES + ".gz"));
        PackedImages packed = PackedImages.pack(images.pixels(), images.count(), images.rows(), images.cols());
        assertArrayEquals(images.pixels(), unpack(packed));
        // MNIST is 81 % zeros, about 25 runs an image: ~200 of 784 bytes.
        assertTrue(packed.recordBytes() < images.pixels().length / 3, packed.recordBytes() + " bytes");
    }

    @Test
    void readingPackedEqualsReadingDenseForRawAndGzipFiles(@TempDir Path dir) throws IOException {
        IdxImages images = Idx.readImages(Fixture.locate().resolve(Mnist.TEST_IMAGES + ".gz"));
        Path raw = dir.resolve("raw");
        Idx.writeImages(raw, images, false);
        Path gzip = dir.resolve("gzip");
        Idx.writeImages(gzip, images, true);
        for (Path file : new Path[] {raw, gzip}) {
            PackedImages packed = Idx.readPackedImages(file, "HINT: test");
            assertEquals(28, packed.rows());
            assertEquals(28, packed.cols());
            assertArrayEquals(images.pixels(), unpack(packed), file.toString());
        }
    }

    @Test
    void aTruncatedFileIsRefusedAsByTheDenseReader(@TempDir Path dir) throws IOException {
        byte[] file = IdxBytes.images(3, 28, 28, new byte[3 * 784]);
        Path cut = dir.resolve("cut");
        Files.write(cut, Arrays.copyOf(file, file.length - 1));
        IOException dense = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> Idx.readImages(cut, "HINT: test"));
        IOException packed = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> Idx.readPackedImages(cut, "HINT: test"));
        assertEquals(dense.getMessage(), packed.getMessage());
    }

    @Test
    void denseRandomAndEdgePatternsComeBack() {
        SplittableRandom random = new SplittableRandom(5);
        // Dense noise: no zeros at all, runs longer than one record.
        byte[] noise = new byte[4 * 784];
        for (int k = 0; k < noise.length; k++) {
            noise[k] = (byte) (1 + random.nextInt(255));
        }
        assertRoundTrip(noise, 4, 28, 28);
        // Mostly zeros with every gap length 0..600 between lone pixels and runs of every length up to 600, in a
        // wide image, so skips and runs cross the one-byte record limit.
        int cols = 20_000;
        byte[] wide = new byte[cols];
        int c = 0;
        for (int n = 0; c < cols; n++) {
            c += n % 601;                        // a gap of n % 601 zeros
            for (int k = 0; k < (n * 7) % 601 + 1 && c < cols; k++) {
                wide[c++] = (byte) (k % 3 == 2 ? 0 : 200 + k % 50);   // runs with single zeros inside
            }
        }
        assertRoundTrip(wide, 1, 1, cols);
        // All zeros, all 255, one pixel at either end, and random sparse images with each density.
        assertRoundTrip(new byte[3 * 6], 3, 2, 3);
        byte[] white = new byte[2 * 6];
        Arrays.fill(white, (byte) -1);
        assertRoundTrip(white, 2, 2, 3);
        assertRoundTrip(new byte[] {9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9}, 2, 2, 3);
        for (int density = 0; density <= 10; density++) {
            byte[] sparse = new byte[50 * 784];
            for (int k = 0; k < sparse.length; k++) {
                sparse[k] = random.nextInt(10) < density ? (byte) random.nextInt(256) : 0;
            }
            assertRoundTrip(sparse, 50, 28, 28);
        }
    }

    @Test
    void theFirstImagesShareTheBlocksAndDecodeTheSame() {
        byte[] pixels = new byte[5000 * 784];
        SplittableRandom random = new SplittableRandom(9);
        for (int k = 0; k < pixels.length; k++) {
            pixels[k] = random.nextInt(5) == 0 ? (byte) random.nextInt(256) : 0;
        }
        PackedImages all = PackedImages.pack(pixels, 5000, 28, 28);
        assertTrue(all.recordBytes() > PackedImages.BLOCK_BYTES, "the images should span several blocks");
        PackedImages head = all.head(4500);
        assertEquals(4500, head.count());
        assertArrayEquals(Arrays.copyOf(pixels, 4500 * 784), unpack(head));
    }
}
