package dev.descent.network.kernels;

import java.util.Arrays;

/**
 * Where a batch's non-zero inputs are: for each row of x the ascending list of its non-zero columns and
 * their values, and, on demand, for each column the ascending list of rows where it is non-zero.
 *
 * <p>About 81 % of MNIST's pixels are exactly 0, and the first layer's {@code x·W1} and {@code xᵀ·dA1} are
 * most of a step's multiply-adds. With this index {@link Gemm#sparseAb} and {@link Gemm#sparseAtb} run the
 * fma chain over the non-zero terms only, in the dense kernel's order, and give the dense kernel's bits.
 *
 * <p>Both lists come from one row-wise pass over x (striding down the columns of a row-major x is slow):
 * {@link #build} fills the row lists, {@link #buildColumns} turns them into column lists by a counting sort
 * that keeps rows in ascending order. Buffers grow to the largest batch seen and are then reused; an
 * instance belongs to one layer and one thread.
 *
 * <p>A caller that already knows where x's non-zeros are (a data loader that decodes images from runs of non-zero
 * pixels lists them while it writes x) hands its row lists over with {@link #adopt} instead: no scan of x. A caller
 * that lists the non-zeros without writing x at all ({@link #adopt(int, int, int[], int[], float[], boolean)} with
 * {@code inputWritten} false) leaves x to {@link #writeInput}, which the layers call only on the paths that read x
 * (the dense GEMM): the sparse path, which MNIST batches take, never needs it.
 */
public final class NonZeroIndex {

    private int rows;
    private int cols;
    private int nonZeros;
    private boolean columnsBuilt;
    private boolean adopted;    // the row lists are the caller's arrays (adopt), not this index's own
    private boolean inputPending;  // adopted with x not written: writeInput fills x from the row lists
    private boolean columnsShared; // the column lists are another index's (share); this index's own are kept below

    int[] rowStart = new int[1];         // (rows + 1): row r's entries are [rowStart[r], rowStart[r + 1])
    int[] rowColumn = new int[0];        // (capacity): column of each non-zero, ascending within a row
    float[] rowValue = new float[0];     // (capacity): its value
    int[] columnStart = new int[1];      // (cols + 1): column c's entries are [columnStart[c], columnStart[c + 1])
    int[] columnRow = new int[0];        // (nonZeros): row of each non-zero, ascending within a column
    float[] columnValue = new float[0];  // (nonZeros): its value
    private int[] ownColumnStart;        // this index's own column lists while it reads another's (share)
    private int[] ownColumnRow;
    private float[] ownColumnValue;

    /**
     * Indexes rows {@code [firstRow, firstRow + rows)} of x. An entry is non-zero when {@code v != 0}: NaN
     * and infinities are kept (so they reach the output as in the dense product), ±0 are skipped.
     *
     * @param x x is (≥ firstRow + rows, cols) row-major
     * @return the number of non-zero entries
     */
    public int build(float[] x, int firstRow, int rows, int cols) {
        return build(x, firstRow, rows, cols, null);
    }

    /**
     * As {@link #build(float[], int, int, int)}, with {@code kernel} listing each row's non-zeros (the vector
     * kernel skips all-zero stretches of a row a vector at a time); null lists them here, one entry at a time.
     */
    int build(float[] x, int firstRow, int rows, int cols, SparseKernel kernel) {
        if (rows < 0 || cols < 0 || firstRow < 0 || (long) (firstRow + rows) * cols > x.length) {
            throw new IllegalArgumentException("rows [" + firstRow + ", " + (firstRow + rows) + ") of a matrix with "
                    + cols + " columns do not fit in " + x.length + " floats");
        }
        if (adopted) {   // never write into the caller's arrays
            rowStart = new int[1];
            rowColumn = new int[0];
            rowValue = new float[0];
            adopted = false;
        }
        this.rows = rows;
        this.cols = cols;
        this.columnsBuilt = false;
        this.inputPending = false;
        useOwnColumns();
        if (rowStart.length < rows + 1) {
            rowStart = new int[rows + 1];
        }
        int p = 0;
        for (int r = 0; r < rows; r++) {
            rowStart[r] = p;
            if (rowColumn.length < p + cols) {   // room for a fully dense row
                grow(p + cols);
            }
            int base = (firstRow + r) * cols;
            p = kernel != null ? kernel.listNonZeros(x, base, cols, rowColumn, rowValue, p)
                    : listNonZeros(x, base, 0, cols, rowColumn, rowValue, p);
        }
        rowStart[rows] = p;
        nonZeros = p;
        return p;
    }

    /**
     * Takes row lists made elsewhere for an x of (rows, cols), without copying or scanning: row r's entries are
     * {@code [rowStart[r], rowStart[r + 1])}, each a column (ascending within the row, in [0, cols)) and its value,
     * listing exactly the entries of x that are {@code != 0} — what {@link #build} would list. The arrays are used
     * as they are until the next {@code adopt} or {@link #build}: the caller must not change them meanwhile, and
     * {@link #build} never writes into them (it switches back to this index's own buffers).
     *
     * <p>Only what is cheap is checked (the lengths, and that the rows' starts bracket a count that fits); the
     * lists' contents are the caller's guarantee.
     *
     * @param rowStart (≥ rows + 1), rowStart[0] == 0
     * @param column   (≥ rowStart[rows])
     * @param value    (≥ rowStart[rows])
     * @return the number of non-zero entries, {@code rowStart[rows]}
     * @throws IllegalArgumentException if a shape or a length does not fit
     */
    public int adopt(int rows, int cols, int[] rowStart, int[] column, float[] value) {
        return adopt(rows, cols, rowStart, column, value, true);
    }

    /**
     * As {@link #adopt(int, int, int[], int[], float[])}; with {@code inputWritten} false the caller has not written
     * x at all, and guarantees that every entry of x the lists leave out is +0f (as a gather of images whose zero
     * pixels scale to 0 has). Until {@link #writeInput} has run, x's contents are then whatever they were: a layer
     * that reads x (the dense GEMM, the scan for a non-finite input) writes it first.
     */
    public int adopt(int rows, int cols, int[] rowStart, int[] column, float[] value, boolean inputWritten) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("a non-zero index needs rows, cols >= 0, found (" + rows + ", "
                    + cols + ")");
        }
        if (rowStart == null || column == null || value == null) {
            throw new IllegalArgumentException("rowStart, column and value must all be given");
        }
        if (rowStart.length < rows + 1L) {
            throw new IllegalArgumentException("rowStart holds " + rowStart.length + " ints, " + rows
                    + " rows need " + (rows + 1L) + " (a start per row and the end)");
        }
        int nonZeros = rowStart[rows];
        if (rowStart[0] != 0 || nonZeros < 0 || nonZeros > (long) rows * cols) {
            throw new IllegalArgumentException("row lists from " + rowStart[0] + " to " + nonZeros + " do not "
                    + "describe a (" + rows + ", " + cols + ") matrix: they must start at 0 and hold at most "
                    + (long) rows * cols + " entries");
        }
        if (column.length < nonZeros || value.length < nonZeros) {
            throw new IllegalArgumentException("column holds " + column.length + " ints and value " + value.length
                    + " floats, the row lists end at " + nonZeros);
        }
        this.rows = rows;
        this.cols = cols;
        this.nonZeros = nonZeros;
        this.rowStart = rowStart;
        this.rowColumn = column;
        this.rowValue = value;
        this.columnsBuilt = false;
        this.adopted = true;
        this.inputPending = !inputWritten;
        useOwnColumns();
        return nonZeros;
    }

    /**
     * Takes the lists of {@code source}, an index of an x with the same contents (the same batch, drawn by another
     * run), as they are: its row lists, and its column lists if it has built them; else this index builds its own
     * when asked. Nothing is copied, and this index never writes into the lists it shares: a {@link #build},
     * {@link #adopt} or {@code share} afterwards switches back to its own buffers. So indexes on several threads can
     * share one source, as long as the source is neither rebuilt nor re-adopted meanwhile; the caller publishes the
     * source to those threads safely (through a lock).
     *
     * <p>x is taken as not written ({@link #inputPending()}): each sharer's x is its own, written by
     * {@link #writeInput} only on a path that reads it.
     *
     * @return the number of non-zero entries
     */
    public int share(NonZeroIndex source) {
        if (source == this) {
            throw new IllegalArgumentException("an index cannot share its own lists");
        }
        this.rows = source.rows;
        this.cols = source.cols;
        this.nonZeros = source.nonZeros;
        this.rowStart = source.rowStart;
        this.rowColumn = source.rowColumn;
        this.rowValue = source.rowValue;
        this.adopted = true;
        this.inputPending = true;
        useOwnColumns();
        if (source.columnsBuilt) {
            ownColumnStart = columnStart;
            ownColumnRow = columnRow;
            ownColumnValue = columnValue;
            columnStart = source.columnStart;
            columnRow = source.columnRow;
            columnValue = source.columnValue;
            columnsShared = true;
        }
        this.columnsBuilt = source.columnsBuilt;
        return nonZeros;
    }

    /** Back to this index's own column buffers after {@link #share}, so that a later build writes only into them. */
    private void useOwnColumns() {
        if (columnsShared) {
            columnStart = ownColumnStart;
            columnRow = ownColumnRow;
            columnValue = ownColumnValue;
            ownColumnStart = null;
            ownColumnRow = null;
            ownColumnValue = null;
            columnsShared = false;
        }
    }

    /** True while x is not yet written for lists adopted without it ({@link #writeInput} not yet run). */
    public boolean inputPending() {
        return inputPending;
    }

    /**
     * Writes x as these lists describe it, if it was left unwritten ({@link #inputPending()}): every entry +0f but
     * the listed ones; otherwise does nothing. The same floats a gather that writes x would have written.
     *
     * @param x x is (≥ rows, cols) row-major, the matrix this index describes
     */
    public void writeInput(float[] x) {
        if (!inputPending) {
            return;
        }
        int size = rows * cols;
        if (x.length < size) {
            throw new IllegalArgumentException("x holds " + x.length + " floats, the (" + rows + ", " + cols
                    + ") matrix this index describes needs " + size);
        }
        Arrays.fill(x, 0, size, 0f);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int p = rowStart[r]; p < rowStart[r + 1]; p++) {
                x[base + rowColumn[p]] = rowValue[p];
            }
        }
        inputPending = false;
    }

    /**
     * Appends the non-zeros among {@code x[base + from .. base + to)} at {@code p}: their columns (counted from
     * base) to {@code column}, their values to {@code value}; returns the new end. Both arrays need room for
     * {@code to - from} more entries.
     */
    static int listNonZeros(float[] x, int base, int from, int to, int[] column, float[] value, int p) {
        // Branch-free: every entry is written, the cursor moves only past non-zeros. A branch on
        // "v != 0" mispredicts on the edges of every digit.
        for (int c = from; c < to; c++) {
            float v = x[base + c];
            column[p] = c;
            value[p] = v;
            p += v != 0f ? 1 : 0;
        }
        return p;
    }

    /**
     * Fills the column lists from the row lists of the last {@link #build} or {@link #adopt}; does nothing if
     * already done.
     */
    public void buildColumns() {
        if (columnsBuilt) {
            return;
        }
        if (columnStart.length < cols + 1) {
            columnStart = new int[cols + 1];
        }
        if (columnRow.length < nonZeros) {
            // Room for what is listed, and half again: the row lists may have room for dense rows (0.8 MB for a batch
            // of 128 MNIST images) while a batch lists about a fifth of that; a run's batches settle after a few.
            int size = (int) Math.min((long) rows * cols, Math.max((long) nonZeros + nonZeros / 2,
                    columnRow.length + columnRow.length / 2L));
            columnRow = new int[Math.max(size, nonZeros)];
            columnValue = new float[columnRow.length];
        }
        transpose(rowStart, rowColumn, rowValue, rows, cols, columnStart, columnRow, columnValue);
        columnsBuilt = true;
    }

    /**
     * The column lists of the row lists given, by a counting sort that visits the rows in ascending order, so that
     * each column's list comes out ascending. A static method on local arrays: as an instance method reading the
     * fields, C2's code for it took about 75 instead of 42 µs for a batch of 128 MNIST images (one JVM, alternating).
     *
     * @param columnStart (cols + 1), filled with each column's start and the end
     * @param columnRow   (≥ rowStart[rows]), filled with the rows
     * @param columnValue (≥ rowStart[rows]), filled with the values
     */
    private static void transpose(int[] rowStart, int[] rowColumn, float[] rowValue, int rows, int cols,
                                  int[] columnStart, int[] columnRow, float[] columnValue) {
        int nonZeros = rowStart[rows];
        Arrays.fill(columnStart, 0, cols + 1, 0);
        for (int p = 0; p < nonZeros; p++) {
            columnStart[rowColumn[p] + 1]++;
        }
        for (int c = 0; c < cols; c++) {
            columnStart[c + 1] += columnStart[c];
        }
        // columnStart[c] now points at the next free slot of column c; the shift afterwards restores the starts.
        for (int r = 0; r < rows; r++) {
            int to = rowStart[r + 1];
            for (int p = rowStart[r]; p < to; p++) {
                int slot = columnStart[rowColumn[p]]++;
                columnRow[slot] = r;
                columnValue[slot] = rowValue[p];
            }
        }
        System.arraycopy(columnStart, 0, columnStart, 1, cols);
        columnStart[0] = 0;
    }

    /** Rows indexed by the last {@link #build} or {@link #adopt}. */
    public int rows() {
        return rows;
    }

    /** Columns of the last indexed x. */
    public int cols() {
        return cols;
    }

    /** Non-zero entries found by the last {@link #build} (or adopted). */
    public int nonZeros() {
        return nonZeros;
    }

    /** Fraction of the last indexed block that is non-zero, in [0, 1]; 1 for an empty block. */
    public double density() {
        long size = (long) rows * cols;
        return size == 0 ? 1 : (double) nonZeros / size;
    }

    boolean columnsBuilt() {
        return columnsBuilt;
    }

    private void grow(int needed) {
        int capacity = Math.max(needed, rowColumn.length + rowColumn.length / 2);
        rowColumn = Arrays.copyOf(rowColumn, capacity);
        rowValue = Arrays.copyOf(rowValue, capacity);
    }
}
