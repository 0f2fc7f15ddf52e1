package dev.descent.network.kernels;

import java.util.Arrays;

/** The plain-Java {@link SparseKernel}: one output row at a time, {@link Math#fma} along contiguous memory. */
final class ScalarSparse implements SparseKernel {

    @Override
    public void gatherRows(int[] start, int[] index, float[] value, int lists, float[] b, float[] c, int n) {
        Arrays.fill(c, 0, lists * n, 0f);
        for (int r = 0; r < lists; r++) {
            int cOff = r * n;
            for (int p = start[r]; p < start[r + 1]; p++) {
                float a = value[p];
                int bOff = index[p] * n;
                for (int j = 0; j < n; j++) {
                    c[cOff + j] = Math.fma(a, b[bOff + j], c[cOff + j]);
                }
            }
        }
    }

    @Override
    public int listNonZeros(float[] x, int base, int cols, int[] column, float[] value, int p) {
        return NonZeroIndex.listNonZeros(x, base, 0, cols, column, value, p);
    }

    @Override
    public String description() {
        return "scalar";
    }
}
