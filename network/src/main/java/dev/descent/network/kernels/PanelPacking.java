package dev.descent.network.kernels;

import java.util.Arrays;

/**
 * Copies a block of rows of B into zero-padded column panels, the layout the vector micro-kernels read.
 *
 * <p>Every panel but the last holds {@code nr} columns; the last one holds the columns left, padded to
 * {@code lastNr} (a kernel may use a narrower or a wider tile for them). Panel {@code p} holds its columns of
 * rows {@code [k0, k0 + kc)} of op(B), row after row: element {@code (kk, jj)} is at
 * {@code p·kc·nr + kk·stride + jj}, where stride is nr, or lastNr for the last panel. Columns past the end of B
 * are zero, so a micro-kernel can always load whole vectors; the zeros only reach output lanes that are never
 * written back. A transposed B is transposed here, while copying, which is cheaper than a separate transpose
 * pass.
 */
final class PanelPacking {

    private PanelPacking() {
    }

    static int panelCount(int n, int nr) {
        return (n + nr - 1) / nr;
    }

    /** Number of floats {@link #packB} writes. */
    static int packedLength(int panels, int kc, int nr, int lastNr) {
        return (panels - 1) * kc * nr + kc * lastNr;
    }

    /**
     * Packs rows {@code [k0, k0 + kc)} of op(B) into {@code packed}.
     *
     * @param transB false: b is (k, n); true: b is (n, k)
     * @param panels panels 0 to panels − 2 hold nr columns each; the last holds the rest
     * @param lastNr padded width of the last panel; at least the number of columns left for it
     * @param packed at least {@link #packedLength} floats
     */
    static void packB(boolean transB, float[] b, int n, int k, int k0, int kc, int nr, int panels, int lastNr,
                      float[] packed) {
        for (int p = 0; p < panels; p++) {
            int j0 = p * nr;
            boolean last = p == panels - 1;
            int width = last ? n - j0 : nr;
            int stride = last ? lastNr : nr;
            int base = p * kc * nr;
            if (transB) {
                // Read each row of the stored (n, k) array sequentially; the writes stride by the panel width.
                for (int jj = 0; jj < width; jj++) {
                    int src = (j0 + jj) * k + k0;
                    int dst = base + jj;
                    for (int kk = 0; kk < kc; kk++) {
                        packed[dst + kk * stride] = b[src + kk];
                    }
                }
            } else {
                for (int kk = 0; kk < kc; kk++) {
                    System.arraycopy(b, (k0 + kk) * n + j0, packed, base + kk * stride, width);
                }
            }
            if (width < stride) {
                for (int kk = 0; kk < kc; kk++) {
                    int row = base + kk * stride;
                    Arrays.fill(packed, row + width, row + stride, 0f);
                }
            }
        }
    }
}
