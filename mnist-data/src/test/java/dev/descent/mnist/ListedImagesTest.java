package dev.descent.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A set's non-zeros listed once ({@link Dataset#listAll}) give, for any range, the lists, floats and classes that
 * listing the packed runs gives ({@link Dataset#gatherRangeNonZeros}), bit for bit; sets they cannot hold are not
 * listed.
 */
class ListedImagesTest {

    private static void assertSameAsPacked(Dataset data, ListedImages listed, int first, int count) {
        int capacity = data.listCapacityRange(first, count);
        int[] rowStart = new int[count + 1];
        int[] column = new int[capacity];
        float[] value = new float[capacity];
        int[] labels = new int[count];
        int expected = data.gatherRangeNonZeros(first, count, labels, rowStart, column, value);

        int room = listed.capacityRange(first, count);
        assertEquals(expected, room, "the room is the exact count");
        int[] listedStart = new int[count + 1];
        int[] listedColumn = new int[room];
        float[] listedValue = new float[room];
        int[] listedLabels = new int[count];
        assertEquals(expected, listed.listRange(first, count, listedLabels, listedStart, listedColumn, listedValue));
        String where = data.name() + " [" + first + ", " + (first + count) + ")";
        assertArrayEquals(rowStart, listedStart, where);
        assertArrayEquals(Arrays.copyOf(column, expected), listedColumn, where);
        assertArrayEquals(Arrays.copyOf(value, expected), listedValue, where);
        assertArrayEquals(labels, listedLabels, where);
    }

    @Test
    void everyRangeListsWhatThePackedRunsList() throws IOException {
        MnistData fixture = Fixture.load();
        SplittableRandom random = new SplittableRandom(11);
        for (Dataset data : new Dataset[] {fixture.test(), fixture.train()}) {
            ListedImages listed = data.listAll(Long.MAX_VALUE);
            assertNotNull(listed);
            assertEquals(data.size(), listed.size());
            assertEquals(784, listed.features());
            for (int first = 0; first < data.size(); first += 128) {   // an evaluation's chunks, the last one short
                assertSameAsPacked(data, listed, first, Math.min(128, data.size() - first));
            }
            for (int k = 0; k < 20; k++) {
                int first = random.nextInt(data.size());
                assertSameAsPacked(data, listed, first, random.nextInt(data.size() - first + 1));
            }
            assertSameAsPacked(data, listed, 0, data.size());
            assertTrue(listed.bytes() < 3L * data.listCapacityRange(0, data.size()) + 4L * (data.size() + 1) + 1,
                    "3 bytes per listed pixel and a start per image: " + listed.bytes());
        }
    }

    @Test
    void pixelsOfEveryValueAndZerosInsideRunsAreListedAsThePackedRunsListThem() {
        // Every byte value 1..255 (the high half is negative as a Java byte), single and double zeros inside runs,
        // a run longer than 255 pixels, an empty image and a last pixel: the corners of the packing.
        byte[] pixels = new byte[4 * 400];
        for (int k = 0; k < 400; k++) {
            pixels[k] = (byte) (k % 256);
        }
        for (int k = 0; k < 400; k += 5) {
            pixels[400 + k] = (byte) (200 + k % 50);
            pixels[400 + k + 1] = (byte) 3;
        }
        pixels[3 * 400 + 399] = (byte) 255;
        Dataset data = new Dataset("corners", 20, 20, pixels, new byte[] {1, 2, 3, 4});
        ListedImages listed = data.listAll(Long.MAX_VALUE);
        for (int first = 0; first < 4; first++) {
            for (int count = 0; first + count <= 4; count++) {
                assertSameAsPacked(data, listed, first, count);
            }
        }
        assertEquals(0, listed.capacityRange(2, 1), "the empty image lists nothing");
    }

    @Test
    void setsTheListsCannotHoldAreNotListed() throws IOException {
        Dataset test = Fixture.load().test();
        assertNull(test.listAll(100), "a budget of 100 bytes");
        Dataset wide = new Dataset("wide", 1, ListedImages.MAX_FEATURES + 1, new byte[ListedImages.MAX_FEATURES + 1],
                new byte[] {0});
        assertNull(wide.listAll(Long.MAX_VALUE), "columns past a char");
    }

    @Test
    void listsTooShortAreRefusedWithWhatTheyNeed() throws IOException {
        Dataset test = Fixture.load().test();
        ListedImages listed = test.listAll(Long.MAX_VALUE);
        int room = listed.capacityRange(0, 2);
        IllegalArgumentException shortLists = assertThrows(IllegalArgumentException.class,
                () -> listed.listRange(0, 2, null, new int[3], new int[room - 1], new float[room]));
        assertTrue(shortLists.getMessage().contains("list " + room + " entries"), shortLists.getMessage());
        assertThrows(IllegalArgumentException.class, () -> listed.listRange(0, 2, null, new int[2], new int[room],
                new float[room]));
        assertThrows(IllegalArgumentException.class, () -> listed.listRange(0, 2, new int[1], new int[3],
                new int[room], new float[room]));
        assertThrows(IndexOutOfBoundsException.class, () -> listed.listRange(test.size() - 1, 2, null, new int[3],
                new int[room], new float[room]));
    }
}
