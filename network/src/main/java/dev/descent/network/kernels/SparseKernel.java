package dev.descent.network.kernels;

/**
 * The multiply-adds of a product whose left factor is given as lists of non-zero entries
 * ({@link NonZeroIndex}), and the finiteness check that decides whether skipping zeros is exact.
 *
 * <p>Each output row is the fma chain {@code c = fma(value[p], b[index[p]][j], c)} over the row's list in
 * order, starting from +0: the dense {@link GemmKernel} chain with the zero terms left out. An implementation
 * owns no state shared between threads.
 */
interface SparseKernel {

    /**
     * {@code c[r][j] = Σ_{p ∈ [start[r], start[r+1])} value[p] · b[index[p]][j]}, as one fma chain per element
     * in ascending p, from +0; an empty list gives a row of +0.
     *
     * @param start start is (lists + 1)
     * @param index index is (start[lists]), row numbers of b
     * @param value value is (start[lists])
     * @param b     b is (rows, n)
     * @param c     c is (lists, n), overwritten
     */
    void gatherRows(int[] start, int[] index, float[] value, int lists, float[] b, float[] c, int n);

    /**
     * Appends the non-zeros ({@code v != 0}: NaN and ±∞ kept, ±0 skipped) of {@code x[base .. base + cols)} at
     * position p of {@code column} (the column, counted from base) and {@code value}, in ascending column order;
     * returns the new end. Both arrays need room for {@code cols} more entries.
     */
    int listNonZeros(float[] x, int base, int cols, int[] column, float[] value, int p);

    /** E.g. "scalar" or "512-bit FloatVector". */
    String description();
}
