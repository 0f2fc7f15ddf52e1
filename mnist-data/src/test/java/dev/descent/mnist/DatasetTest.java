package dev.descent.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DatasetTest {

    /** 300 images of 2x3 whose pixels run through every value 0..255. */
    private static Dataset patterned() {
        byte[] labels = new byte[300];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) (i % 10);
        }
        return new Dataset("pattern", 2, 3, IdxBytes.pattern(300, 2, 3), labels);
    }

    /**
     * The slow, obvious twin of gather: pixel k of example i is byte 16 + i * features + k of the images file,
     * scaled in double and rounded once to float. That equals {@code p / 255f} exactly: p/255 in binary repeats
     * the 8 bits of p forever, so it never sits on a float rounding midpoint, and rounding twice (to double, then
     * float) gives the same float as rounding once.
     */
    private static float[] slowGather(IdxImages images, int[] indices, int count) {
        int features = images.features();
        float[] x = new float[count * features]; // (count, features)
        for (int r = 0; r < count; r++) {
            for (int k = 0; k < features; k++) {
                int p = Byte.toUnsignedInt(images.pixels()[indices[r] * features + k]);
                x[r * features + k] = (float) (p / 255.0);
            }
        }
        return x;
    }

    @Test
    void gatherMatchesTheSlowTwinOnTheFixture() throws IOException {
        IdxImages images = Idx.readImages(Fixture.locate().resolve(Mnist.TRAIN_IMAGES + ".gz"));
        byte[] labelBytes = Idx.readLabels(Fixture.locate().resolve(Mnist.TRAIN_LABELS + ".gz"));
        Dataset train = Fixture.load().train();
        int[] indices = new int[64];
        new WithReplacementSampler(train.size(), 64, 1).next(indices);
        indices[0] = 999; // the last example too
        float[] x = new float[64 * 784];
        int[] labels = new int[64];
        train.gather(indices, 64, x, labels);
        assertArrayEquals(slowGather(images, indices, 64), x);
        for (int r = 0; r < 64; r++) {
            assertEquals(labelBytes[indices[r]], labels[r]);
        }
    }

    @Test
    void everyPixelValueScalesToItsOwnFractionOfOne() {
        Dataset data = patterned();
        int[] all = new int[data.size()];
        Arrays.setAll(all, i -> i);
        float[] x = new float[data.size() * data.features()];
        data.gather(all, all.length, x, null);
        boolean[] seen = new boolean[256];
        for (int k = 0; k < x.length; k++) {
            assertTrue(x[k] >= 0f && x[k] <= 1f, "pixel out of [0, 1]: " + x[k]);
            int p = Math.round(x[k] * 255f);
            assertEquals((float) (p / 255.0), x[k]);
            seen[p] = true;
        }
        for (int p = 0; p < 256; p++) {
            assertTrue(seen[p], "value " + p + " never produced");
        }
        assertEquals(0f, x[0]);
        float[] one = new float[6];
        new Dataset("white", 2, 3, new byte[] {-1, -1, -1, -1, -1, -1}, new byte[] {0}).gatherRange(0, 1, one, null);
        assertArrayEquals(new float[] {1f, 1f, 1f, 1f, 1f, 1f}, one);
    }

    @Test
    void gatherRangeEqualsGatherOfConsecutiveIndices() {
        Dataset data = patterned();
        int[] indices = new int[50];
        Arrays.setAll(indices, i -> 120 + i);
        float[] byIndex = new float[50 * 6];
        int[] labelsByIndex = new int[50];
        data.gather(indices, 50, byIndex, labelsByIndex);
        float[] byRange = new float[50 * 6];
        int[] labelsByRange = new int[50];
        data.gatherRange(120, 50, byRange, labelsByRange);
        assertArrayEquals(byIndex, byRange);
        assertArrayEquals(labelsByIndex, labelsByRange);
        assertEquals(0, labelsByRange[0]); // example 120: label 120 % 10
    }

    @Test
    void gatherLeavesRowsPastCountAlone() {
        Dataset data = patterned();
        float[] x = new float[3 * 6];
        Arrays.fill(x, -7f);
        data.gather(new int[] {5, 6, 7}, 2, x, new int[2]);
        assertEquals(-7f, x[12]);
        assertEquals(-7f, x[17]);
    }

    @Test
    void badArgumentsNameTheProblem() {
        Dataset data = patterned();
        IndexOutOfBoundsException outside = assertThrows(IndexOutOfBoundsException.class,
                () -> data.gather(new int[] {1, 300}, 2, new float[12], null));
        assertTrue(outside.getMessage().contains("index 300 at position 1"), outside.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> data.gather(new int[] {-1}, 1, new float[6], null));
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> data.gather(new int[] {1, 2}, 2, new float[11], null));
        assertTrue(small.getMessage().contains("x holds 11 floats"), small.getMessage());
        assertThrows(IllegalArgumentException.class, () -> data.gather(new int[] {1, 2}, 2, new float[12], new int[1]));
        assertThrows(IllegalArgumentException.class, () -> data.gather(new int[] {1}, 2, new float[12], null));
        assertThrows(IndexOutOfBoundsException.class, () -> data.gatherRange(299, 2, new float[12], null));
    }

    @Test
    void labelsAreACopyAndHeadIsTheFirstExamples() {
        Dataset data = patterned();
        byte[] labels = data.labels();
        labels[0] = 9;
        assertNotSame(labels, data.labels());
        assertEquals(0, data.label(0));

        Dataset head = data.head(25);
        assertEquals("pattern (first 25)", head.name());
        assertEquals(25, head.size());
        float[] fromHead = new float[25 * 6];
        float[] fromData = new float[25 * 6];
        head.gatherRange(0, 25, fromHead, null);
        data.gatherRange(0, 25, fromData, null);
        assertArrayEquals(fromData, fromHead);
        assertArrayEquals(new int[] {3, 3, 3, 3, 3, 2, 2, 2, 2, 2}, head.labelCounts());
        assertThrows(IndexOutOfBoundsException.class, () -> data.head(301));
    }

    @Test
    void theConstructorChecksSizesAndLabels() {
        IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("d", 2, 2, new byte[7], new byte[2]));
        assertTrue(sizes.getMessage().contains("2 labels need 8 pixel bytes"), sizes.getMessage());
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("d", 1, 1, new byte[1], new byte[] {10}));
        assertTrue(label.getMessage().contains("label 10 at index 0"), label.getMessage());
        assertEquals("pattern: 300 examples of 2x3", patterned().toString());
    }
}
