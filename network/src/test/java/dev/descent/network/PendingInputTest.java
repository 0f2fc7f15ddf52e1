package dev.descent.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.network.kernels.NonZeroIndex;
import dev.descent.network.kernels.SparseMode;
import dev.descent.network.matrix.Matrix;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A net handed lists of x's non-zeros whose caller never wrote x ({@code adopt(..., inputWritten = false)}, as the
 * training loop's gathers do) computes the bits of the same net given the written x: on MNIST batches, whose sparse
 * path leaves x unread (and unwritten); and on every path that reads x, which writes it from the lists first: a dense
 * batch, a first layer whose W1 holds an infinity, the extended net's dense first layer, the scan that names a
 * non-finite input, and an accuracy over more rows than one chunk. The x buffer starts out holding another batch,
 * as a run's reused buffer does.
 */
class PendingInputTest {

    private static final int BATCH = 128;

    /** The lists of x (rows, 784), adopted as if x had not been written. */
    private static NonZeroIndex pending(float[] x, int rows) {
        NonZeroIndex written = GivenIndexTest.listed(x, 0, rows);
        int nonZeros = written.nonZeros();
        int[] rowStart = new int[rows + 1];
        int[] column = new int[Math.max(1, nonZeros)];
        float[] value = new float[column.length];
        int p = 0;
        for (int r = 0; r < rows; r++) {
            rowStart[r] = p;
            for (int c = 0; c < 784; c++) {
                float v = x[r * 784 + c];
                if (v != 0f) {
                    column[p] = c;
                    value[p++] = v;
                }
            }
        }
        rowStart[rows] = p;
        NonZeroIndex index = new NonZeroIndex();
        index.adopt(rows, 784, rowStart, column, value, false);
        assertTrue(index.inputPending());
        return index;
    }

    /** A buffer of (rows, 784) holding what an earlier batch left: other images. */
    private static Matrix stale(int rows) throws IOException {
        float[] other = GivenIndexTest.fixture(2 * rows + 1).x();
        return new Matrix(rows, 784, Arrays.copyOfRange(other, (rows + 1) * 784, (2 * rows + 1) * 784));
    }

    private static void assertSameGradients(Map<String, float[]> expected, Map<String, float[]> actual) {
        for (String key : expected.keySet()) {
            assertArrayEquals(expected.get(key), actual.get(key), key);
        }
    }

    @Test
    void mnistBatchesTrainOnTheListsAloneAndLeaveXUnwritten() throws IOException {
        GivenIndexTest.Images data = GivenIndexTest.fixture(BATCH);
        Matrix x = new Matrix(BATCH, 784, data.x());
        for (TrainableNet[] nets : new TrainableNet[][] {{GivenIndexTest.net(), GivenIndexTest.net()},
                {GivenIndexTest.extendedNet(), GivenIndexTest.extendedNet()}}) {
            Matrix buffer = stale(BATCH);
            float[] before = buffer.data.clone();
            NonZeroIndex index = pending(data.x(), BATCH);
            assertSameGradients(nets[0].gradient(x, data.labels()), nets[1].gradient(buffer, index, data.labels()));
            assertEquals(nets[0].loss(x, data.labels()), nets[1].loss(buffer, index, data.labels()));
            assertEquals(nets[0].accuracy(x, data.labels()), nets[1].accuracy(buffer, index, data.labels()));
            assertArrayEquals(nets[0].predict(x).data, nets[1].predict(buffer, index).data);
            if (nets[0] instanceof MultiLayerNet && SparseMode.active().sparseFor(index.density())) {
                assertTrue(index.inputPending(), "the sparse path must not need x");
                assertArrayEquals(before, buffer.data, "nothing wrote x");
            } else {
                // The extended net's first layer is dense (BatchNorm follows it), as is every first layer when the
                // sparse path is switched off: x is written, exactly.
                assertFalse(index.inputPending());
                assertArrayEquals(data.x(), buffer.data);
            }
        }
    }

    @Test
    void aDenseBatchHasXWrittenFromTheLists() throws IOException {
        // Every pixel non-zero: the first layer takes the dense GEMM, which reads x.
        GivenIndexTest.Images data = GivenIndexTest.fixture(BATCH);
        float[] dense = data.x().clone();
        for (int i = 0; i < dense.length; i++) {
            dense[i] = dense[i] == 0f ? (i % 7 + 1) / 255f : dense[i];
        }
        Matrix x = new Matrix(BATCH, 784, dense);
        MultiLayerNet plain = GivenIndexTest.net();
        MultiLayerNet given = GivenIndexTest.net();
        Matrix buffer = stale(BATCH);
        NonZeroIndex index = pending(dense, BATCH);
        assertSameGradients(plain.gradient(x, data.labels()), given.gradient(buffer, index, data.labels()));
        if (SparseMode.active().sparseFor(1.0)) {   // -Ddescent.sparse=on: even dense batches skip x
            assertTrue(index.inputPending());
        } else {
            assertFalse(index.inputPending());
            assertArrayEquals(dense, buffer.data, "x written exactly as the lists describe it");
        }
        assertEquals(plain.loss(x, data.labels()), given.loss(buffer, index, data.labels()));
    }

    @Test
    void aNonFiniteW1TakesTheDensePathWithXWritten() throws IOException {
        GivenIndexTest.Images data = GivenIndexTest.fixture(BATCH);
        Matrix x = new Matrix(BATCH, 784, data.x());
        MultiLayerNet plain = GivenIndexTest.net();
        MultiLayerNet given = GivenIndexTest.net();
        // Row 0 of W1 meets only the zero pixel 0 of every image: the dense product gives 0·∞ = NaN there, which
        // skipping the zeros would miss; both nets must give the dense bits.
        plain.params().get("W1")[3] = Float.POSITIVE_INFINITY;
        given.params().get("W1")[3] = Float.POSITIVE_INFINITY;
        Matrix buffer = stale(BATCH);
        NonZeroIndex index = pending(data.x(), BATCH);
        assertArrayEquals(plain.predict(x).data, given.predict(buffer, index).data);
        assertFalse(index.inputPending());
        assertArrayEquals(data.x(), buffer.data);
    }

    @Test
    void aNonFiniteInputIsNamedFromTheLists() throws IOException {
        GivenIndexTest.Images data = GivenIndexTest.fixture(BATCH);
        float[] bad = data.x().clone();
        bad[5 * 784 + 300] = Float.NaN;   // listed (NaN != 0f), so the first layer's output row 5 is NaN
        Matrix buffer = stale(BATCH);
        NonZeroIndex index = pending(bad, BATCH);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> GivenIndexTest.net().gradient(buffer, index, data.labels()));
        assertTrue(refused.getMessage().contains("x[5][300] is NaN"), refused.getMessage());
    }

    @Test
    void anAccuracyOverSeveralChunksReadsTheWrittenX() throws IOException {
        // The fixture's 1000 images and the first 200 again: more rows than one accuracy chunk.
        GivenIndexTest.Images data = GivenIndexTest.fixture(1000);
        int rows = MultiLayerNet.ACCURACY_CHUNK_ROWS + 200;
        float[] images = Arrays.copyOf(data.x(), rows * 784);
        System.arraycopy(data.x(), 0, images, 1000 * 784, 200 * 784);
        int[] labels = Arrays.copyOf(data.labels(), rows);
        System.arraycopy(data.labels(), 0, labels, 1000, 200);
        Matrix x = new Matrix(rows, 784, images);
        Matrix buffer = new Matrix(rows, 784);
        Arrays.fill(buffer.data, 0.5f);
        NonZeroIndex index = pending(images, rows);
        assertEquals(GivenIndexTest.net().accuracy(x, labels), GivenIndexTest.net().accuracy(buffer, index, labels));
        assertArrayEquals(images, buffer.data);
        Arrays.fill(buffer.data, 0.5f);
        assertEquals(GivenIndexTest.extendedNet().accuracy(x, labels),
                GivenIndexTest.extendedNet().accuracy(buffer, pending(images, rows), labels));
        assertArrayEquals(images, buffer.data);
    }

    @Test
    void writeInputRefusesABufferTooSmall() throws IOException {
        GivenIndexTest.Images data = GivenIndexTest.fixture(4);
        NonZeroIndex index = pending(data.x(), 4);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> index.writeInput(new float[3 * 784]));
        assertTrue(refused.getMessage().contains("(4, 784)"), refused.getMessage());
        assertTrue(index.inputPending());
    }
}
