package dev.descent.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The listing gathers ({@link Dataset#gather(int[], int, float[], int[], int[], int[], float[])} and its range twin)
 * write the same x as the plain gathers and list exactly what a scan of that x lists: per row, in ascending column
 * order, every entry whose float is {@code != 0f}, with that float. The scan here is the rule of the network's
 * {@code NonZeroIndex.build} (which this module cannot see), written out the obvious way.
 */
class NonZeroListingTest {

    /** What a row-by-row scan of x lists: rowStart (count + 1), then column and value of each entry != 0f. */
    private record Lists(int[] rowStart, int[] column, float[] value) {
    }

    private static Lists scan(float[] x, int count, int features) {
        int[] rowStart = new int[count + 1];
        int[] column = new int[count * features];
        float[] value = new float[count * features];
        int p = 0;
        for (int r = 0; r < count; r++) {
            rowStart[r] = p;
            for (int c = 0; c < features; c++) {
                float v = x[r * features + c];
                if (v != 0f) {
                    column[p] = c;
                    value[p] = v;
                    p++;
                }
            }
        }
        rowStart[count] = p;
        return new Lists(rowStart, Arrays.copyOf(column, p), Arrays.copyOf(value, p));
    }

    /** Gathers indices[0..count) both ways and checks x and the lists; returns the number of non-zeros. */
    private static int assertListingGatherMatchesScan(Dataset data, int[] indices, int count) {
        int features = data.features();
        float[] plain = new float[count * features];
        int[] plainLabels = new int[count];
        data.gather(indices, count, plain, plainLabels);

        float[] x = new float[count * features];
        int[] labels = new int[count];
        int[] rowStart = new int[count + 1];
        int[] column = new int[count * features];
        float[] value = new float[count * features];
        int nonZeros = data.gather(indices, count, x, labels, rowStart, column, value);

        // Lists of just the capacity the data set asks for give the same lists.
        int capacity = data.listCapacity(indices, count);
        assertTrue(nonZeros <= capacity && capacity <= count * features, nonZeros + " listed, capacity " + capacity);
        int[] tightStart = new int[count + 1];
        int[] tightColumn = new int[capacity];
        float[] tightValue = new float[capacity];
        assertEquals(nonZeros, data.gather(indices, count, new float[count * features], null, tightStart, tightColumn,
                tightValue));
        assertArrayEquals(rowStart, tightStart);
        assertArrayEquals(Arrays.copyOf(column, nonZeros), Arrays.copyOf(tightColumn, nonZeros));
        assertArrayEquals(Arrays.copyOf(value, nonZeros), Arrays.copyOf(tightValue, nonZeros));

        assertArrayEquals(plain, x, "the listing gather must write the plain gather's x");
        assertArrayEquals(plainLabels, labels);
        Lists expected = scan(x, count, features);
        assertEquals(expected.rowStart()[count], nonZeros);
        assertArrayEquals(expected.rowStart(), rowStart, "row starts");
        assertArrayEquals(expected.column(), Arrays.copyOf(column, nonZeros), "columns");
        assertArrayEquals(expected.value(), Arrays.copyOf(value, nonZeros), "values");

        // The listing alone (no x written) gives the same lists and labels, in lists of just the capacity.
        int[] aloneStart = new int[count + 1];
        int[] aloneColumn = new int[capacity];
        float[] aloneValue = new float[capacity];
        int[] aloneLabels = new int[count];
        assertEquals(nonZeros, data.gatherNonZeros(indices, count, aloneLabels, aloneStart, aloneColumn, aloneValue));
        assertArrayEquals(rowStart, aloneStart, "row starts without x");
        assertArrayEquals(expected.column(), Arrays.copyOf(aloneColumn, nonZeros), "columns without x");
        assertArrayEquals(expected.value(), Arrays.copyOf(aloneValue, nonZeros), "values without x");
        assertArrayEquals(plainLabels, aloneLabels);
        return nonZeros;
    }

    @Test
    void listsWhatAScanOfTheGatheredFixtureBatchLists() throws IOException {
        Dataset train = Fixture.load().train();
        int[] indices = new int[128];
        new WithReplacementSampler(train.size(), 128, 7).next(indices);
        indices[0] = 999;
        int nonZeros = assertListingGatherMatchesScan(train, indices, 128);
        // MNIST: about 19 % of the pixels are non-zero; a listing of nothing or of everything would be wrong here.
        double density = nonZeros / (128.0 * 784);
        assertTrue(density > 0.1 && density < 0.3, "density " + density);
    }

    @Test
    void rangeListingMatchesTheScanOverTheWholeFixtureTestSet() throws IOException {
        Dataset test = Fixture.load().test();
        int count = test.size();
        float[] x = new float[count * 784];
        int[] rowStart = new int[count + 1];
        int[] column = new int[count * 784];
        float[] value = new float[count * 784];
        int nonZeros = test.gatherRange(0, count, x, null, rowStart, column, value);
        Lists expected = scan(x, count, 784);
        assertArrayEquals(expected.rowStart(), rowStart);
        assertArrayEquals(expected.column(), Arrays.copyOf(column, nonZeros));
        assertArrayEquals(expected.value(), Arrays.copyOf(value, nonZeros));

        // A range in the middle equals the listing gather of the same indices.
        int[] indices = new int[100];
        Arrays.setAll(indices, i -> 450 + i);
        float[] byRange = new float[100 * 784];
        int[] rangeStart = new int[101];
        int[] rangeColumn = new int[100 * 784];
        float[] rangeValue = new float[100 * 784];
        int inRange = test.gatherRange(450, 100, byRange, null, rangeStart, rangeColumn, rangeValue);
        assertEquals(inRange, assertListingGatherMatchesScan(test, indices, 100));
        assertArrayEquals(Arrays.copyOfRange(x, 450 * 784, 550 * 784), byRange);

        // The range listing alone gives the same lists, labels included.
        int[] aloneStart = new int[101];
        int[] aloneColumn = new int[test.listCapacityRange(450, 100)];
        float[] aloneValue = new float[aloneColumn.length];
        int[] aloneLabels = new int[100];
        assertEquals(inRange, test.gatherRangeNonZeros(450, 100, aloneLabels, aloneStart, aloneColumn, aloneValue));
        assertArrayEquals(rangeStart, aloneStart);
        assertArrayEquals(Arrays.copyOf(rangeColumn, inRange), Arrays.copyOf(aloneColumn, inRange));
        assertArrayEquals(Arrays.copyOf(rangeValue, inRange), Arrays.copyOf(aloneValue, inRange));
        for (int i = 0; i < 100; i++) {
            assertEquals(test.label(450 + i), aloneLabels[i]);
        }
    }

    /**
     * Images of 20x20 (400 pixels) made to exercise the packing's corners: zero bytes inside runs (gaps of one
     * and two zeros stay inside a run), a fully non-zero image (a run longer than a record's 255 pixels), an
     * all-zero image (only the end record), and a lone pixel after more than 255 zeros (a skip split in two).
     */
    private static Dataset handMade() {
        int features = 400;
        byte[] pixels = new byte[5 * features];
        // Image 0: 7 0 9 0 0 4 | 0 0 0 | 200 1 0 255 at the start, then pairs with single zeros between.
        byte[] start = {7, 0, 9, 0, 0, 4, 0, 0, 0, (byte) 200, 1, 0, (byte) 255};
        System.arraycopy(start, 0, pixels, 0, start.length);
        for (int k = 100; k < 140; k += 3) {
            pixels[k] = (byte) (k + 1);
            pixels[k + 1] = (byte) 128;
        }
        pixels[features - 1] = 3;   // the last pixel
        // Image 1: every pixel non-zero, 1..255 cycling.
        for (int k = 0; k < features; k++) {
            pixels[features + k] = (byte) (k % 255 + 1);
        }
        // Image 2: all zero. Image 3: one pixel after 300 zeros.
        pixels[3 * features + 300] = 77;
        // Image 4: the pattern of image 0 shifted, so two images share a block with different runs.
        System.arraycopy(start, 0, pixels, 4 * features + 37, start.length);
        byte[] labels = {0, 1, 2, 3, 4};
        return new Dataset("hand-made", 20, 20, pixels, labels);
    }

    @Test
    void theListCapacityIsThePixelsInsideTheRuns() {
        Dataset data = handMade();
        // Counted by hand from the packing's rule, a run ends at three zeros: image 0 has runs of 6 (7 0 9 0 0 4),
        // 4 (200 1 0 255), 41 (pixels 100 .. 140, single zeros between the pairs) and 1 (the last pixel); image 1
        // is one run of 400 pixels; image 2 has none; image 3 one pixel; image 4 the first two runs of image 0.
        int[] each = {52, 400, 0, 1, 10};
        for (int i = 0; i < each.length; i++) {
            assertEquals(each[i], data.listCapacity(new int[] {i}, 1), "image " + i);
        }
        int[] all = {0, 1, 2, 3, 4, 2, 1, 0};
        assertEquals(52 + 400 + 0 + 1 + 10 + 0 + 400 + 52, data.listCapacity(all, all.length));
        assertEquals(52 + 400 + 0 + 1 + 10, data.listCapacityRange(0, 5));
        assertEquals(400 + 0 + 1, data.head(4).listCapacityRange(1, 3));

        // One entry short of the capacity is refused before anything is written, with what is needed.
        int[] rowStart = new int[3];
        IllegalArgumentException shortLists = assertThrows(IllegalArgumentException.class,
                () -> data.gather(new int[] {0, 4}, 2, new float[800], null, rowStart, new int[61], new float[61]));
        assertTrue(shortLists.getMessage().contains("need 62") && shortLists.getMessage().contains("listCapacity"),
                shortLists.getMessage());
        assertThrows(IllegalArgumentException.class, () -> data.gatherRange(0, 2, new float[800], null, rowStart,
                new int[451], new float[452]));
        assertThrows(IndexOutOfBoundsException.class, () -> data.listCapacity(new int[] {5}, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> data.listCapacityRange(3, 3));
    }

    @Test
    void zerosInsideRunsAndFullAndEmptyImagesAreListedAsTheScanListsThem() {
        Dataset data = handMade();
        int[] all = {0, 1, 2, 3, 4, 2, 1, 0};   // repeats, the empty image in the middle
        int nonZeros = assertListingGatherMatchesScan(data, all, all.length);
        // Counted by hand: image 0 has 6 non-zeros in its first 13 pixels + 14 pairs + the last pixel; image 1
        // all 400; image 2 none; image 3 one; image 4 the 6.
        int image0 = 6 + 2 * 14 + 1;
        assertEquals(2 * image0 + 2 * 400 + 1 + 6, nonZeros);

        int[] rowStart = new int[6];
        int[] column = new int[5 * 400];
        float[] value = new float[5 * 400];
        float[] x = new float[5 * 400];
        data.gatherRange(0, 5, x, null, rowStart, column, value);
        assertArrayEquals(new int[] {0, image0, image0 + 400, image0 + 400, image0 + 401, image0 + 407}, rowStart);
        // Image 3's single entry: column 300, 77 / 255f.
        assertEquals(300, column[image0 + 400]);
        assertEquals(77 / 255f, value[image0 + 400]);
        // Image 0's first entries skip the zeros inside its first run.
        assertArrayEquals(new int[] {0, 2, 5, 9, 10, 12}, Arrays.copyOf(column, 6));
    }

    @Test
    void aNonZeroScaleForZeroPixelsListsEveryPixelWithThatValue() {
        // Gathers scale with p / 255f, where 0 stays 0; the decoder takes any table, and a table that maps 0 to a
        // non-zero float must list the zero pixels too (and one that maps a pixel to 0 must not list it).
        Dataset data = handMade();
        PackedImages images = PackedImages.pack(imageBytes(data), 5, 20, 20);
        float[] scale = new float[256];
        for (int p = 0; p < 256; p++) {
            scale[p] = p - 9f;   // 0 → −9, 9 → 0
        }
        for (float zero : new float[] {-9f, Float.NaN, -0f}) {
            scale[0] = zero;
            for (int i = 0; i < 5; i++) {
                float[] x = new float[400];
                int[] column = new int[400];
                float[] value = new float[400];
                int n = images.decodeListing(i, scale, x, 0, column, value, 0);
                float[] plain = new float[400];
                images.decode(i, scale, plain, 0);
                assertArrayEquals(plain, x);
                Lists expected = scan(x, 1, 400);
                assertEquals(expected.rowStart()[1], n, "image " + i + " with scale[0] = " + zero);
                assertArrayEquals(expected.column(), Arrays.copyOf(column, n));
                assertArrayEquals(expected.value(), Arrays.copyOf(value, n));
            }
        }
    }

    /** The dense bytes of every image of data, (size, features). */
    private static byte[] imageBytes(Dataset data) {
        float[] x = new float[data.size() * data.features()];
        data.gatherRange(0, data.size(), x, null);
        byte[] pixels = new byte[x.length];
        for (int k = 0; k < x.length; k++) {
            pixels[k] = (byte) Math.round(x[k] * 255f);
        }
        return pixels;
    }

    @Test
    void listsWithTooLittleRoomAreRefusedWithWhatTheyNeed() {
        Dataset data = handMade();
        int[] indices = {0, 1};
        float[] x = new float[800];
        IllegalArgumentException shortColumns = assertThrows(IllegalArgumentException.class,
                () -> data.gather(indices, 2, x, null, new int[3], new int[451], new float[800]));
        // Images 0 and 1 have 52 and 400 pixels in their runs (theListCapacityIsThePixelsInsideTheRuns).
        assertTrue(shortColumns.getMessage().contains("column holds 451 ints")
                && shortColumns.getMessage().contains("need 452"), shortColumns.getMessage());
        IllegalArgumentException shortStarts = assertThrows(IllegalArgumentException.class,
                () -> data.gatherRange(0, 2, x, null, new int[2], new int[800], new float[800]));
        assertTrue(shortStarts.getMessage().contains("rowStart holds 2 ints"), shortStarts.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> data.gather(indices, 2, x, null, new int[3], new int[800], new float[10]));
        assertThrows(IllegalArgumentException.class,
                () -> data.gatherRange(0, 2, x, null, null, new int[800], new float[800]));
        assertThrows(IndexOutOfBoundsException.class,
                () -> data.gatherRange(4, 2, x, null, new int[3], new int[800], new float[800]));

        // The listings without x check the same things, and the labels' room.
        IllegalArgumentException aloneShort = assertThrows(IllegalArgumentException.class,
                () -> data.gatherNonZeros(indices, 2, null, new int[3], new int[451], new float[800]));
        assertTrue(aloneShort.getMessage().contains("need 452"), aloneShort.getMessage());
        IllegalArgumentException fewLabels = assertThrows(IllegalArgumentException.class,
                () -> data.gatherRangeNonZeros(0, 2, new int[1], new int[3], new int[800], new float[800]));
        assertTrue(fewLabels.getMessage().contains("labels holds 1 ints"), fewLabels.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> data.gatherNonZeros(indices, -1, null, new int[3], new int[800], new float[800]));
        assertThrows(IndexOutOfBoundsException.class,
                () -> data.gatherRangeNonZeros(4, 2, null, new int[3], new int[800], new float[800]));
    }

    @Test
    void listingWithoutTheImageNeedsZeroPixelsToScaleToZero() {
        PackedImages images = PackedImages.pack(imageBytes(handMade()), 5, 20, 20);
        float[] scale = new float[256];
        scale[0] = 1f;
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> images.list(0, scale, new int[400], new float[400], 0));
        assertTrue(refused.getMessage().contains("scale to 0"), refused.getMessage());
    }
}
