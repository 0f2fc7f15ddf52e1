package dev.descent.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.network.kernels.NonZeroIndex;
import dev.descent.network.matrix.Matrix;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * A net handed the non-zeros of x ({@link TrainableNet#gradient(Matrix, NonZeroIndex, int[])} and the other passes)
 * computes bit for bit what the same net computes without them, over the book's loop on fixture images (gradient,
 * update, loss on the same batch, accuracy and scores on evaluation chunks), also when calls with and without an
 * index alternate on one reused batch buffer; and it really uses the index it is given (a wrong one changes the
 * gradient), which is what makes the scan of x unnecessary.
 */
class GivenIndexTest {

    private static final Path FIXTURE = Path.of("..", "mnist-data", "fixture");
    private static final int BATCH = 128;
    private static final int[] HIDDEN = {100, 50};

    /** (count, 784) images scaled pixel / 255f, and their labels, from the fixture's training file. */
    record Images(float[] x, int[] labels) {
    }

    /** An index of rows [first, first + rows) of x from the obvious scan (entries != 0f), adopted. */
    static NonZeroIndex listed(float[] x, int first, int rows) {
        int[] rowStart = new int[rows + 1];
        int[] column = new int[rows * 784];
        float[] value = new float[rows * 784];
        int p = 0;
        for (int r = 0; r < rows; r++) {
            rowStart[r] = p;
            for (int c = 0; c < 784; c++) {
                float v = x[(first + r) * 784 + c];
                if (v != 0f) {
                    column[p] = c;
                    value[p++] = v;
                }
            }
        }
        rowStart[rows] = p;
        NonZeroIndex index = new NonZeroIndex();
        index.adopt(rows, 784, rowStart, column, value);
        return index;
    }

    private static void assertSameGradients(Map<String, float[]> expected, Map<String, float[]> actual, String when) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String key : expected.keySet()) {
            assertArrayEquals(expected.get(key), actual.get(key), when + ": " + key);
        }
    }

    /** One SGD step, w −= 0.1·g, on the net's own arrays. */
    private static void update(TrainableNet net, Map<String, float[]> grads) {
        for (Map.Entry<String, float[]> entry : net.params().entrySet()) {
            float[] w = entry.getValue();
            float[] g = grads.get(entry.getKey());
            for (int i = 0; i < w.length; i++) {
                w[i] -= 0.1f * g[i];
            }
        }
    }

    /**
     * Trains {@code plain} without and {@code given} with indexes for a few steps of the book's loop through one
     * reused batch buffer, then scores both on chunks; every number must agree bit for bit.
     */
    private static void assertSameLoop(TrainableNet plain, TrainableNet given) throws IOException {
        Images data = fixture(1000);
        Matrix x = new Matrix(BATCH, 784);
        int[] labels = new int[BATCH];
        for (int step = 0; step < 5; step++) {
            int first = step * 150;
            System.arraycopy(data.x(), first * 784, x.data, 0, BATCH * 784);
            System.arraycopy(data.labels(), first, labels, 0, BATCH);
            NonZeroIndex index = listed(data.x(), first, BATCH);
            // Steps 0, 2 and 3 mix calls with and without the index on the same buffer (step 0: the loss pass
            // without it right after a gradient with it): the layer's own cache of the last x it indexed must never
            // be taken for the given index, nor the other way round.
            Map<String, float[]> expected = plain.gradient(x, labels);
            Map<String, float[]> actual = given.gradient(x, step == 2 ? null : index, labels);
            assertSameGradients(expected, actual, "step " + step);
            update(plain, expected);
            update(given, actual);
            assertEquals(plain.loss(x, labels), given.loss(x, step == 0 || step == 3 ? null : index, labels), "loss, step " + step);
        }
        for (int rows : new int[] {BATCH, 250, 1000}) {
            Matrix chunk = new Matrix(rows, 784);
            System.arraycopy(data.x(), 0, chunk.data, 0, rows * 784);
            int[] chunkLabels = Arrays.copyOf(data.labels(), rows);
            NonZeroIndex index = listed(data.x(), 0, rows);
            assertEquals(plain.accuracy(chunk, chunkLabels), given.accuracy(chunk, index, chunkLabels), rows + " rows");
            float[] scores = plain.predict(chunk).data.clone();
            assertArrayEquals(scores, given.predict(chunk, index).data, "scores of " + rows + " rows");
        }
        // More rows than one accuracy chunk: the index cannot serve the chunks, and the net scores without it.
        Matrix large = new Matrix(1200, 784);
        System.arraycopy(data.x(), 0, large.data, 0, 1000 * 784);
        System.arraycopy(data.x(), 0, large.data, 1000 * 784, 200 * 784);
        int[] largeLabels = new int[1200];
        System.arraycopy(data.labels(), 0, largeLabels, 0, 1000);
        System.arraycopy(data.labels(), 0, largeLabels, 1000, 200);
        assertEquals(plain.accuracy(large, largeLabels), given.accuracy(large, listed(large.data, 0, 1200), largeLabels));
    }

    @Test
    void multiLayerNetGivesTheSameBitsWithTheIndex() throws IOException {
        assertSameLoop(net(), net());
    }

    @Test
    void extendedNetWithBatchNormAndDropoutGivesTheSameBitsWithTheIndex() throws IOException {
        assertSameLoop(extendedNet(), extendedNet());
        MultiLayerNetExtend plain = extendedNet();
        MultiLayerNetExtend given = extendedNet();
        Images data = fixture(BATCH);
        Matrix x = new Matrix(BATCH, 784, data.x());
        NonZeroIndex index = listed(data.x(), 0, BATCH);
        assertEquals(plain.loss(x, data.labels(), dev.descent.network.layers.Mode.TRAIN),
                given.loss(x, index, data.labels(), dev.descent.network.layers.Mode.TRAIN));
    }

    @Test
    void theGivenIndexIsUsedNotARescanOfX() throws IOException {
        // An index of other images than x's: a net that still scanned x would not notice; this one must.
        Images data = fixture(2 * BATCH);
        Matrix x = new Matrix(BATCH, 784);
        System.arraycopy(data.x(), 0, x.data, 0, BATCH * 784);
        int[] labels = Arrays.copyOf(data.labels(), BATCH);
        float[] right = net().gradient(x, labels).get("W1").clone();
        float[] withRightIndex = net().gradient(x, listed(data.x(), 0, BATCH), labels).get("W1");
        float[] withWrongIndex = net().gradient(x, listed(data.x(), BATCH, BATCH), labels).get("W1");
        assertArrayEquals(right, withRightIndex);
        assertFalse(Arrays.equals(right, withWrongIndex), "a wrong index must change dW1: it is not used");
    }

    @Test
    void anIndexOfAnotherShapeIsRefused() throws IOException {
        Images data = fixture(BATCH);
        Matrix x = new Matrix(BATCH, 784, data.x());
        NonZeroIndex small = listed(data.x(), 0, 64);
        for (TrainableNet net : new TrainableNet[] {net(), extendedNet()}) {
            IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                    () -> net.gradient(x, small, data.labels()));
            assertTrue(wrong.getMessage().contains("index given for x is for (64, 784)"), wrong.getMessage());
            assertThrows(IllegalArgumentException.class, () -> net.loss(x, small, data.labels()));
            assertThrows(IllegalArgumentException.class, () -> net.predict(x, small));
        }
    }

    static MultiLayerNet net() {
        return new MultiLayerNet(784, HIDDEN, 10, Activation.RELU, WeightInit.he(), 0.01, 42);
    }

    static MultiLayerNetExtend extendedNet() {
        return new MultiLayerNetExtend(784, HIDDEN, 10, Activation.RELU, WeightInit.he(), 0.01, true, 0.15, 42);
    }

    /** The first {@code count} training images of the fixture, pixel / 255f, and their labels. */
    static Images fixture(int count) throws IOException {
        float[] x = new float[count * 784];
        int[] labels = new int[count];
        try (DataInputStream in = gzip(FIXTURE.resolve("train-images-idx3-ubyte.gz"))) {
            assertEquals(0x00000803, in.readInt(), "IDX magic of an unsigned-byte 3-d array");
            assertTrue(in.readInt() >= count);
            assertEquals(784, in.readInt() * in.readInt());
            byte[] pixels = new byte[count * 784];
            in.readFully(pixels);
            for (int i = 0; i < x.length; i++) {
                x[i] = (pixels[i] & 0xFF) / 255f;
            }
        }
        try (DataInputStream in = gzip(FIXTURE.resolve("train-labels-idx1-ubyte.gz"))) {
            assertEquals(0x00000801, in.readInt(), "IDX magic of an unsigned-byte 1-d array");
            assertTrue(in.readInt() >= count);
            for (int i = 0; i < count; i++) {
                labels[i] = in.readUnsignedByte();
            }
        }
        return new Images(x, labels);
    }

    private static DataInputStream gzip(Path file) throws IOException {
        assertTrue(Files.exists(file), "missing " + file.toAbsolutePath());
        InputStream raw = Files.newInputStream(file);
        return new DataInputStream(new GZIPInputStream(raw));
    }
}
