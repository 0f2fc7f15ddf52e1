package dev.descent.network.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link NonZeroIndex#share}: an index that takes another's lists gives the products of an index built from x itself
 * (the dense GEMM's bits), reads the source's lists without copying them, never writes into them, whatever it does
 * next, and writes only its own x.
 */
class NonZeroIndexShareTest {

    private static float[] gaussian(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[size];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /** The source's lists, copied, to see that nothing wrote into them. */
    private record Snapshot(int[] rowStart, int[] rowColumn, float[] rowValue, int[] columnStart, int[] columnRow,
                            float[] columnValue) {
        static Snapshot of(NonZeroIndex index) {
            return new Snapshot(index.rowStart.clone(), index.rowColumn.clone(), index.rowValue.clone(),
                    index.columnStart.clone(), index.columnRow.clone(), index.columnValue.clone());
        }

        void assertUnchanged(NonZeroIndex index) {
            assertArrayEquals(rowStart, index.rowStart);
            assertArrayEquals(rowColumn, index.rowColumn);
            assertArrayEquals(rowValue, index.rowValue);
            assertArrayEquals(columnStart, index.columnStart);
            assertArrayEquals(columnRow, index.columnRow);
            assertArrayEquals(columnValue, index.columnValue);
        }
    }

    @Test
    void aSharedIndexGivesTheDenseBitsWithoutCopyingTheLists() throws IOException {
        float[] x = SparseGemmTest.fixtureImages(128);   // x is (128, 784)
        NonZeroIndex source = new NonZeroIndex();
        source.build(x, 0, 128, 784);
        source.buildColumns();
        NonZeroIndex sharer = new NonZeroIndex();
        assertEquals(source.nonZeros(), sharer.share(source));
        assertEquals(128, sharer.rows());
        assertEquals(784, sharer.cols());
        assertEquals(source.density(), sharer.density());
        assertSame(source.rowColumn, sharer.rowColumn, "row lists shared, not copied");
        assertSame(source.columnRow, sharer.columnRow, "column lists shared, not copied");
        assertTrue(sharer.columnsBuilt());

        float[] w = gaussian(784 * 100, 3);     // W1 is (784, 100)
        float[] dout = gaussian(128 * 100, 4);  // dA1 is (128, 100)
        SparseGemmTest.assertDenseBits(sharer, x, w, dout, 128, 784, 100);
    }

    @Test
    void aSharerWritesItsOwnXAndNeverTheSourcesLists() throws IOException {
        float[] x = SparseGemmTest.fixtureImages(32);
        NonZeroIndex source = new NonZeroIndex();
        source.build(x, 0, 32, 784);
        source.buildColumns();
        Snapshot before = Snapshot.of(source);

        NonZeroIndex sharer = new NonZeroIndex();
        float[] other = new float[32 * 784];   // a different batch, to make the sharer build lists of its own
        Arrays.fill(other, 0.25f);
        sharer.build(other, 0, 32, 784);
        sharer.buildColumns();                 // its own column buffers exist before it shares
        sharer.share(source);
        assertTrue(sharer.inputPending(), "a sharer's x is its own and not written yet");
        float[] written = new float[32 * 784];
        Arrays.fill(written, Float.NaN);
        sharer.writeInput(written);
        assertArrayEquals(x, written, "writeInput writes the shared batch into the sharer's own x");
        assertFalse(sharer.inputPending());

        // Whatever the sharer does next goes into its own buffers.
        sharer.build(other, 0, 32, 784);
        sharer.buildColumns();
        assertEquals(32 * 784, sharer.nonZeros());
        before.assertUnchanged(source);

        sharer.share(source);
        float[] half = x.clone();
        for (int i = 0; i < half.length; i += 2) {
            half[i] = 0f;
        }
        NonZeroIndex halfBuilt = new NonZeroIndex();
        halfBuilt.build(half, 0, 32, 784);
        sharer.adopt(32, 784, halfBuilt.rowStart, halfBuilt.rowColumn, halfBuilt.rowValue);
        sharer.buildColumns();
        before.assertUnchanged(source);
        halfBuilt.buildColumns();
        assertArrayEquals(Arrays.copyOf(halfBuilt.columnStart, 785), Arrays.copyOf(sharer.columnStart, 785));
        assertArrayEquals(Arrays.copyOf(halfBuilt.columnRow, halfBuilt.nonZeros()),
                Arrays.copyOf(sharer.columnRow, halfBuilt.nonZeros()));
    }

    @Test
    void aSourceWithoutColumnListsLeavesTheSharerToBuildItsOwn() throws IOException {
        float[] x = SparseGemmTest.fixtureImages(16);
        NonZeroIndex source = new NonZeroIndex();
        source.build(x, 0, 16, 784);
        NonZeroIndex sharer = new NonZeroIndex();
        sharer.share(source);
        assertFalse(sharer.columnsBuilt());
        sharer.buildColumns();
        assertFalse(source.columnsBuilt(), "the sharer's column lists are its own");
        NonZeroIndex built = new NonZeroIndex();
        built.build(x, 0, 16, 784);
        built.buildColumns();
        int nonZeros = built.nonZeros();
        assertArrayEquals(Arrays.copyOf(built.columnStart, 785), Arrays.copyOf(sharer.columnStart, 785));
        assertArrayEquals(Arrays.copyOf(built.columnRow, nonZeros), Arrays.copyOf(sharer.columnRow, nonZeros));
        assertArrayEquals(Arrays.copyOf(built.columnValue, nonZeros), Arrays.copyOf(sharer.columnValue, nonZeros));
    }

    @Test
    void anIndexCannotShareItself() {
        NonZeroIndex index = new NonZeroIndex();
        assertThrows(IllegalArgumentException.class, () -> index.share(index));
    }
}
