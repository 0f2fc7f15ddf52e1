package dev.descent.network.matrix;

import java.util.Objects;

/**
 * A row-major float32 matrix: element (r, c) is {@code data[r * cols + c]}.
 *
 * <p>The fields are public and the array is used in place (never copied), because the kernels and the
 * network read and write it directly. A wrapped array must have exactly {@code rows * cols} elements:
 * a longer array would most likely be a shape mistake, so it is rejected rather than silently ignored.
 */
public final class Matrix {

    public final int rows;
    public final int cols;
    public final float[] data;

    /** A zeroed (rows, cols) matrix. */
    public Matrix(int rows, int cols) {
        this(rows, cols, new float[checkedSize(rows, cols)]);
    }

    /**
     * Wraps {@code data} as a (rows, cols) matrix without copying it.
     *
     * @param data data is (rows, cols) row-major; its length must be exactly rows * cols
     */
    public Matrix(int rows, int cols, float[] data) {
        int size = checkedSize(rows, cols);
        Objects.requireNonNull(data, "data");
        if (data.length != size) {
            throw new IllegalArgumentException("data has " + data.length + " floats, a (" + rows + ", " + cols
                    + ") matrix needs exactly " + size);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /**
     * Copies rows of equal length into a new matrix.
     *
     * @param values values is (rows, cols)
     */
    public static Matrix fromRows(float[][] values) {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        Matrix m = new Matrix(rows, cols);
        for (int r = 0; r < rows; r++) {
            if (values[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + values[r].length
                        + " values, row 0 has " + cols);
            }
            System.arraycopy(values[r], 0, m.data, r * cols, cols);
        }
        return m;
    }

    public float get(int row, int col) {
        return data[index(row, col)];
    }

    public void set(int row, int col, float value) {
        data[index(row, col)] = value;
    }

    /** rows * cols. */
    public int size() {
        return data.length;
    }

    /** The shape as "(rows, cols)". */
    public String shape() {
        return "(" + rows + ", " + cols + ")";
    }

    @Override
    public String toString() {
        return "Matrix" + shape();
    }

    private int index(int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return row * cols + col;
    }

    private static int checkedSize(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix shape (" + rows + ", " + cols + ") has a negative size");
        }
        long size = (long) rows * cols;
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("matrix shape (" + rows + ", " + cols + ") has " + size
                    + " elements, more than a Java array can hold");
        }
        return (int) size;
    }
}
