package dev.descent.network.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM with 512-bit {@link FloatVector}s: an 8×32 block of C (8 rows × 2 vectors = 16 accumulators) stays in
 * registers while k runs; each step broadcasts 8 elements of A and loads 2 vectors of a packed B panel. Rows
 * left over after the 8-row blocks take a 4×32 tile, then a one-row kernel. (The 4×32 tile alone, 8 fma chains,
 * reached about 10 % less on 128×784×100 and 15 % less on 784×128×100 on a Zen 5 core: two FMA pipes with a
 * few cycles of latency need more independent chains.)
 *
 * <p>Loaded only by name from {@link KernelPath}, and only when {@code jdk.incubator.vector} is present and
 * the preferred species is 512 bits: a JVM must use one species only (on JDK 17 a second species silently
 * ran 20× slower). {@link VectorGemm256} is the same algorithm with a 6×16 tile.
 *
 * <p>B is packed in blocks of {@value #KC} rows into zero-padded panels ({@link PanelPacking}), so a panel
 * (KC × 32 floats = 32 KiB) stays in L1 while every row block of A sweeps over it. A is read in place with
 * a row and a column stride, which handles a transposed A for free. Edge tiles (fewer than 32 valid
 * columns) run through a small scratch tile. When at most 16 columns
 * are left for the last panel (100 = 3·32 + 4), it is packed 16 wide and computed with an 8×16 tile. Every element of C is the
 * same fma chain over k as in {@link ScalarGemm}, so results are bit-identical to the scalar path.
 */
final class VectorGemm512 implements GemmKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_512;
    private static final int L = 16;
    private static final int MR = 4;
    private static final int NR = 2 * L;
    private static final int KC = 256;
    /** Rows of the one-vector tile used for a last panel of at most 16 columns. */
    private static final int NARROW_MR = 8;
    /** Rows of the main tile: 8 rows × 2 vectors = 16 independent fma chains. */
    private static final int TALL_MR = 8;

    /** Rows of A copied per block (A not transposed): MC rows × KC floats. */
    private static final int MC = 128;

    private float[] packed = new float[0];
    /** A block of rows of a non-transposed A, row r of the block at [r·KC, r·KC + kc): (MC, KC). */
    private final float[] aRows = new float[MC * KC];
    /** A tile of C for panels with fewer valid columns than lanes: MR×NR or NARROW_MR×L. */
    private final float[] edge = new float[Math.max(TALL_MR * NR, NARROW_MR * L)];

    VectorGemm512() {
        if (S.length() != L) {
            throw new IllegalStateException("expected " + L + " float lanes in a 512-bit vector, got " + S.length());
        }
    }

    @Override
    public void multiply(boolean transA, boolean transB, float[] a, float[] b, float[] c,
                         int m, int n, int k, boolean accumulate) {
        if (k == 0 && !accumulate) {
            java.util.Arrays.fill(c, 0, m * n, 0f);
        }
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        int panels = PanelPacking.panelCount(n, NR);
        int leftover = n - (panels - 1) * NR;
        // Up to 16 leftover columns (e.g. 100 = 3·32 + 4) use a one-vector panel and the 8×16 tile,
        // which halves the wasted lanes of the two largest GEMMs of a step.
        boolean narrowLast = leftover <= L;
        int lastNr = narrowLast ? L : NR;
        for (int k0 = 0; k0 < k; k0 += KC) {
            int kc = Math.min(KC, k - k0);
            int needed = PanelPacking.packedLength(n, kc, NR, lastNr);
            if (packed.length < needed) {
                packed = new float[needed];
            }
            PanelPacking.packB(transB, b, n, k, k0, kc, NR, lastNr, packed);
            boolean load = accumulate || k0 > 0;
            if (transA) {
                // a is (k, m): the 8 rows of a tile are 8 adjacent floats at every k, read in place.
                sweepPanels(a, k0 * m, m, false, 0, m, panels, narrowLast, leftover, kc, c, n, load);
            } else {
                // a is (m, k): each block of rows is copied with the constant row stride KC (one arraycopy
                // per row), so the tiles read their 8 rows at fixed distances from one index.
                for (int i0 = 0; i0 < m; i0 += MC) {
                    int mc = Math.min(MC, m - i0);
                    for (int r = 0; r < mc; r++) {
                        System.arraycopy(a, (i0 + r) * k + k0, aRows, r * KC, kc);
                    }
                    sweepPanels(aRows, 0, 0, true, i0, i0 + mc, panels, narrowLast, leftover, kc, c, n, load);
                }
            }
        }
    }

    /**
     * Rows [mFrom, mTo) of C against every packed panel. rowsPacked: A's row {@code mFrom + r} is at
     * {@code aRows[r·KC + kk]}; otherwise it is at {@code a[aBase + kk·aColStride + mFrom + r]} (transposed A).
     */
    private void sweepPanels(float[] a, int aBase, int aColStride, boolean rowsPacked, int mFrom, int mTo,
                             int panels, boolean narrowLast, int leftover, int kc, float[] c, int n, boolean load) {
        int aRowStride = rowsPacked ? KC : 1;
        int colStride = rowsPacked ? 1 : aColStride;
        int aStart = rowsPacked ? aBase : aBase + mFrom;
        for (int p = 0; p < panels; p++) {
            int j0 = p * NR;
            int bOff = p * kc * NR;
            if (p == panels - 1 && narrowLast) {
                narrowPanel(a, aStart, aRowStride, colStride, rowsPacked, bOff, kc, c, mFrom, mTo, n, j0, leftover,
                        load);
            } else {
                widePanel(a, aStart, aRowStride, colStride, rowsPacked, bOff, kc, c, mFrom, mTo, n, j0,
                        Math.min(NR, n - j0), load);
            }
        }
    }

    /** Columns [j0, j0 + width) of C from a 32-wide panel: 8×32 tiles, a 4×32 tile, then one row at a time. */
    private void widePanel(float[] a, int aBase, int aRowStride, int aColStride, boolean rowsPacked, int bOff,
                           int kc, float[] c, int mFrom, int m, int n, int j0, int width, boolean load) {
        int i0 = mFrom;
        for (; i0 + TALL_MR <= m; i0 += TALL_MR) {
            int aOff = aBase + (i0 - mFrom) * aRowStride;
            if (width == NR) {
                tallTile(a, aOff, aColStride, rowsPacked, bOff, kc, c, i0 * n + j0, n, load);
            } else {
                if (load) {
                    toEdge(c, i0 * n + j0, n, TALL_MR, width, NR);
                }
                tallTile(a, aOff, aColStride, rowsPacked, bOff, kc, edge, 0, NR, load);
                fromEdge(c, i0 * n + j0, n, TALL_MR, width, NR);
            }
        }
        for (; i0 + MR <= m; i0 += MR) {
            int aOff = aBase + (i0 - mFrom) * aRowStride;
            if (width == NR) {
                tile(a, aOff, aRowStride, aColStride, packed, bOff, kc, c, i0 * n + j0, n, load);
            } else {
                if (load) {
                    toEdge(c, i0 * n + j0, n, MR, width, NR);
                }
                tile(a, aOff, aRowStride, aColStride, packed, bOff, kc, edge, 0, NR, load);
                fromEdge(c, i0 * n + j0, n, MR, width, NR);
            }
        }
        for (; i0 < m; i0++) {
            int aOff = aBase + (i0 - mFrom) * aRowStride;
            if (width == NR) {
                row(a, aOff, aColStride, packed, bOff, kc, c, i0 * n + j0, load);
            } else {
                if (load) {
                    toEdge(c, i0 * n + j0, n, 1, width, NR);
                }
                row(a, aOff, aColStride, packed, bOff, kc, edge, 0, load);
                fromEdge(c, i0 * n + j0, n, 1, width, NR);
            }
        }
    }

    /** Columns [j0, j0 + width), width ≤ 16, from a 16-wide panel: 8×16 tiles, then one row at a time. */
    private void narrowPanel(float[] a, int aBase, int aRowStride, int aColStride, boolean rowsPacked, int bOff,
                             int kc, float[] c, int mFrom, int m, int n, int j0, int width, boolean load) {
        int i0 = mFrom;
        for (; i0 + NARROW_MR <= m; i0 += NARROW_MR) {
            int aOff = aBase + (i0 - mFrom) * aRowStride;
            if (width == L) {
                narrowTile(a, aOff, aColStride, rowsPacked, bOff, kc, c, i0 * n + j0, n, load);
            } else {
                if (load) {
                    toEdge(c, i0 * n + j0, n, NARROW_MR, width, L);
                }
                narrowTile(a, aOff, aColStride, rowsPacked, bOff, kc, edge, 0, L, load);
                fromEdge(c, i0 * n + j0, n, NARROW_MR, width, L);
            }
        }
        for (; i0 < m; i0++) {
            int aOff = aBase + (i0 - mFrom) * aRowStride;
            if (width == L) {
                narrowRow(a, aOff, aColStride, packed, bOff, kc, c, i0 * n + j0, load);
            } else {
                if (load) {
                    toEdge(c, i0 * n + j0, n, 1, width, L);
                }
                narrowRow(a, aOff, aColStride, packed, bOff, kc, edge, 0, load);
                fromEdge(c, i0 * n + j0, n, 1, width, L);
            }
        }
    }

    /** The 8×32 tile on the kernel that suits where A's rows are (see {@link #sweepPanels}). */
    private void tallTile(float[] a, int aOff, int aColStride, boolean rowsPacked, int bOff, int kc,
                          float[] c, int cOff, int ldc, boolean load) {
        if (rowsPacked) {
            tallTileRows(a, aOff, packed, bOff, kc, c, cOff, ldc, load);
        } else {
            tallTileCols(a, aOff, aColStride, packed, bOff, kc, c, cOff, ldc, load);
        }
    }

    /** The 8×16 tile on the kernel that suits where A's rows are (see {@link #sweepPanels}). */
    private void narrowTile(float[] a, int aOff, int aColStride, boolean rowsPacked, int bOff, int kc,
                            float[] c, int cOff, int ldc, boolean load) {
        if (rowsPacked) {
            narrowTileRows(a, aOff, packed, bOff, kc, c, cOff, ldc, load);
        } else {
            narrowTileCols(a, aOff, aColStride, packed, bOff, kc, c, cOff, ldc, load);
        }
    }

    /**
     * c (TALL_MR, NR) at cOff with row stride ldc from A rows copied with row stride {@value #KC}: row r of the
     * tile at {@code a[aOff + r·KC + kk]}. Every index is the loop counter plus a constant or a loop-invariant
     * offset, so the JIT needs one index register for all 8 rows and can drop the bounds checks of the loop.
     */
    private static void tallTileRows(float[] a, int aOff, float[] bp, int bOff, int kc,
                                     float[] c, int cOff, int ldc, boolean load) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (load) {
            c00 = FloatVector.fromArray(S, c, cOff);
            c01 = FloatVector.fromArray(S, c, cOff + L);
            c10 = FloatVector.fromArray(S, c, cOff + ldc);
            c11 = FloatVector.fromArray(S, c, cOff + ldc + L);
            c20 = FloatVector.fromArray(S, c, cOff + 2 * ldc);
            c21 = FloatVector.fromArray(S, c, cOff + 2 * ldc + L);
            c30 = FloatVector.fromArray(S, c, cOff + 3 * ldc);
            c31 = FloatVector.fromArray(S, c, cOff + 3 * ldc + L);
            c40 = FloatVector.fromArray(S, c, cOff + 4 * ldc);
            c41 = FloatVector.fromArray(S, c, cOff + 4 * ldc + L);
            c50 = FloatVector.fromArray(S, c, cOff + 5 * ldc);
            c51 = FloatVector.fromArray(S, c, cOff + 5 * ldc + L);
            c60 = FloatVector.fromArray(S, c, cOff + 6 * ldc);
            c61 = FloatVector.fromArray(S, c, cOff + 6 * ldc + L);
            c70 = FloatVector.fromArray(S, c, cOff + 7 * ldc);
            c71 = FloatVector.fromArray(S, c, cOff + 7 * ldc + L);
        } else {
            c00 = FloatVector.zero(S);
            c01 = c00;
            c10 = c00;
            c11 = c00;
            c20 = c00;
            c21 = c00;
            c30 = c00;
            c31 = c00;
            c40 = c00;
            c41 = c00;
            c50 = c00;
            c51 = c00;
            c60 = c00;
            c61 = c00;
            c70 = c00;
            c71 = c00;
        }
        for (int kk = 0; kk < kc; kk++) {
            int bk = bOff + kk * NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bk);
            FloatVector b1 = FloatVector.fromArray(S, bp, bk + L);
            int ak = aOff + kk;
            FloatVector a0 = FloatVector.broadcast(S, a[ak]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ak + KC]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ak + 2 * KC]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ak + 3 * KC]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[ak + 4 * KC]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ak + 5 * KC]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(S, a[ak + 6 * KC]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(S, a[ak + 7 * KC]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
        }
        c00.intoArray(c, cOff);
        c01.intoArray(c, cOff + L);
        c10.intoArray(c, cOff + ldc);
        c11.intoArray(c, cOff + ldc + L);
        c20.intoArray(c, cOff + 2 * ldc);
        c21.intoArray(c, cOff + 2 * ldc + L);
        c30.intoArray(c, cOff + 3 * ldc);
        c31.intoArray(c, cOff + 3 * ldc + L);
        c40.intoArray(c, cOff + 4 * ldc);
        c41.intoArray(c, cOff + 4 * ldc + L);
        c50.intoArray(c, cOff + 5 * ldc);
        c51.intoArray(c, cOff + 5 * ldc + L);
        c60.intoArray(c, cOff + 6 * ldc);
        c61.intoArray(c, cOff + 6 * ldc + L);
        c70.intoArray(c, cOff + 7 * ldc);
        c71.intoArray(c, cOff + 7 * ldc + L);
    }

    /**
     * c (TALL_MR, NR) at cOff with row stride ldc from a transposed A read in place: row r of the tile at
     * {@code a[aOff + kk·aColStride + r]}, 8 adjacent floats per k.
     */
    private static void tallTileCols(float[] a, int aOff, int aColStride, float[] bp, int bOff, int kc,
                                     float[] c, int cOff, int ldc, boolean load) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (load) {
            c00 = FloatVector.fromArray(S, c, cOff);
            c01 = FloatVector.fromArray(S, c, cOff + L);
            c10 = FloatVector.fromArray(S, c, cOff + ldc);
            c11 = FloatVector.fromArray(S, c, cOff + ldc + L);
            c20 = FloatVector.fromArray(S, c, cOff + 2 * ldc);
            c21 = FloatVector.fromArray(S, c, cOff + 2 * ldc + L);
            c30 = FloatVector.fromArray(S, c, cOff + 3 * ldc);
            c31 = FloatVector.fromArray(S, c, cOff + 3 * ldc + L);
            c40 = FloatVector.fromArray(S, c, cOff + 4 * ldc);
            c41 = FloatVector.fromArray(S, c, cOff + 4 * ldc + L);
            c50 = FloatVector.fromArray(S, c, cOff + 5 * ldc);
            c51 = FloatVector.fromArray(S, c, cOff + 5 * ldc + L);
            c60 = FloatVector.fromArray(S, c, cOff + 6 * ldc);
            c61 = FloatVector.fromArray(S, c, cOff + 6 * ldc + L);
            c70 = FloatVector.fromArray(S, c, cOff + 7 * ldc);
            c71 = FloatVector.fromArray(S, c, cOff + 7 * ldc + L);
        } else {
            c00 = FloatVector.zero(S);
            c01 = c00;
            c10 = c00;
            c11 = c00;
            c20 = c00;
            c21 = c00;
            c30 = c00;
            c31 = c00;
            c40 = c00;
            c41 = c00;
            c50 = c00;
            c51 = c00;
            c60 = c00;
            c61 = c00;
            c70 = c00;
            c71 = c00;
        }
        int ap = aOff;
        int b0p = bOff;
        for (int kk = 0; kk < kc; kk++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, b0p);
            FloatVector b1 = FloatVector.fromArray(S, bp, b0p + L);
            FloatVector a0 = FloatVector.broadcast(S, a[ap]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ap + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ap + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ap + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(S, a[ap + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ap + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(S, a[ap + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(S, a[ap + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
            ap += aColStride;
            b0p += NR;
        }
        c00.intoArray(c, cOff);
        c01.intoArray(c, cOff + L);
        c10.intoArray(c, cOff + ldc);
        c11.intoArray(c, cOff + ldc + L);
        c20.intoArray(c, cOff + 2 * ldc);
        c21.intoArray(c, cOff + 2 * ldc + L);
        c30.intoArray(c, cOff + 3 * ldc);
        c31.intoArray(c, cOff + 3 * ldc + L);
        c40.intoArray(c, cOff + 4 * ldc);
        c41.intoArray(c, cOff + 4 * ldc + L);
        c50.intoArray(c, cOff + 5 * ldc);
        c51.intoArray(c, cOff + 5 * ldc + L);
        c60.intoArray(c, cOff + 6 * ldc);
        c61.intoArray(c, cOff + 6 * ldc + L);
        c70.intoArray(c, cOff + 7 * ldc);
        c71.intoArray(c, cOff + 7 * ldc + L);
    }


    /** c (MR, NR) at cOff with row stride ldc; a rows at aOff + r·aRowStride, column step aColStride. */
    private static void tile(float[] a, int aOff, int aRowStride, int aColStride, float[] bp, int bOff,
                             int kc, float[] c, int cOff, int ldc, boolean load) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31;
        int r1 = cOff + ldc;
        int r2 = r1 + ldc;
        int r3 = r2 + ldc;
        if (load) {
            c00 = FloatVector.fromArray(S, c, cOff);
            c01 = FloatVector.fromArray(S, c, cOff + L);
            c10 = FloatVector.fromArray(S, c, r1);
            c11 = FloatVector.fromArray(S, c, r1 + L);
            c20 = FloatVector.fromArray(S, c, r2);
            c21 = FloatVector.fromArray(S, c, r2 + L);
            c30 = FloatVector.fromArray(S, c, r3);
            c31 = FloatVector.fromArray(S, c, r3 + L);
        } else {
            c00 = FloatVector.zero(S);
            c01 = c00;
            c10 = c00;
            c11 = c00;
            c20 = c00;
            c21 = c00;
            c30 = c00;
            c31 = c00;
        }
        int ap = aOff;
        int b0p = bOff;
        for (int kk = 0; kk < kc; kk++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, b0p);
            FloatVector b1 = FloatVector.fromArray(S, bp, b0p + L);
            FloatVector a0 = FloatVector.broadcast(S, a[ap]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, a[ap + aRowStride]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, a[ap + 2 * aRowStride]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, a[ap + 3 * aRowStride]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            ap += aColStride;
            b0p += NR;
        }
        c00.intoArray(c, cOff);
        c01.intoArray(c, cOff + L);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + L);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + L);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + L);
    }

    /** One row of C (1, NR) at cOff; used for the rows left over after the MR blocks. */
    private static void row(float[] a, int aOff, int aColStride, float[] bp, int bOff, int kc,
                            float[] c, int cOff, boolean load) {
        FloatVector c0;
        FloatVector c1;
        if (load) {
            c0 = FloatVector.fromArray(S, c, cOff);
            c1 = FloatVector.fromArray(S, c, cOff + L);
        } else {
            c0 = FloatVector.zero(S);
            c1 = c0;
        }
        int ap = aOff;
        int b0p = bOff;
        for (int kk = 0; kk < kc; kk++) {
            FloatVector a0 = FloatVector.broadcast(S, a[ap]);
            c0 = a0.fma(FloatVector.fromArray(S, bp, b0p), c0);
            c1 = a0.fma(FloatVector.fromArray(S, bp, b0p + L), c1);
            ap += aColStride;
            b0p += NR;
        }
        c0.intoArray(c, cOff);
        c1.intoArray(c, cOff + L);
    }

    /** c (NARROW_MR, L) at cOff with row stride ldc, from a 16-wide panel and A rows copied as for {@link #tallTileRows}. */
    private static void narrowTileRows(float[] a, int aOff, float[] bp, int bOff, int kc,
                                       float[] c, int cOff, int ldc, boolean load) {
        FloatVector c0, c1, c2, c3, c4, c5, c6, c7;
        if (load) {
            c0 = FloatVector.fromArray(S, c, cOff);
            c1 = FloatVector.fromArray(S, c, cOff + ldc);
            c2 = FloatVector.fromArray(S, c, cOff + 2 * ldc);
            c3 = FloatVector.fromArray(S, c, cOff + 3 * ldc);
            c4 = FloatVector.fromArray(S, c, cOff + 4 * ldc);
            c5 = FloatVector.fromArray(S, c, cOff + 5 * ldc);
            c6 = FloatVector.fromArray(S, c, cOff + 6 * ldc);
            c7 = FloatVector.fromArray(S, c, cOff + 7 * ldc);
        } else {
            c0 = FloatVector.zero(S);
            c1 = c0;
            c2 = c0;
            c3 = c0;
            c4 = c0;
            c5 = c0;
            c6 = c0;
            c7 = c0;
        }
        for (int kk = 0; kk < kc; kk++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bOff + kk * L);
            int ak = aOff + kk;
            c0 = FloatVector.broadcast(S, a[ak]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, a[ak + KC]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, a[ak + 2 * KC]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, a[ak + 3 * KC]).fma(b0, c3);
            c4 = FloatVector.broadcast(S, a[ak + 4 * KC]).fma(b0, c4);
            c5 = FloatVector.broadcast(S, a[ak + 5 * KC]).fma(b0, c5);
            c6 = FloatVector.broadcast(S, a[ak + 6 * KC]).fma(b0, c6);
            c7 = FloatVector.broadcast(S, a[ak + 7 * KC]).fma(b0, c7);
        }
        c0.intoArray(c, cOff);
        c1.intoArray(c, cOff + ldc);
        c2.intoArray(c, cOff + 2 * ldc);
        c3.intoArray(c, cOff + 3 * ldc);
        c4.intoArray(c, cOff + 4 * ldc);
        c5.intoArray(c, cOff + 5 * ldc);
        c6.intoArray(c, cOff + 6 * ldc);
        c7.intoArray(c, cOff + 7 * ldc);
    }

    /** c (NARROW_MR, L) at cOff with row stride ldc, from a 16-wide panel and a transposed A read in place. */
    private static void narrowTileCols(float[] a, int aOff, int aColStride, float[] bp, int bOff, int kc,
                                       float[] c, int cOff, int ldc, boolean load) {
        FloatVector c0, c1, c2, c3, c4, c5, c6, c7;
        if (load) {
            c0 = FloatVector.fromArray(S, c, cOff);
            c1 = FloatVector.fromArray(S, c, cOff + ldc);
            c2 = FloatVector.fromArray(S, c, cOff + 2 * ldc);
            c3 = FloatVector.fromArray(S, c, cOff + 3 * ldc);
            c4 = FloatVector.fromArray(S, c, cOff + 4 * ldc);
            c5 = FloatVector.fromArray(S, c, cOff + 5 * ldc);
            c6 = FloatVector.fromArray(S, c, cOff + 6 * ldc);
            c7 = FloatVector.fromArray(S, c, cOff + 7 * ldc);
        } else {
            c0 = FloatVector.zero(S);
            c1 = c0;
            c2 = c0;
            c3 = c0;
            c4 = c0;
            c5 = c0;
            c6 = c0;
            c7 = c0;
        }
        int ap = aOff;
        int b0p = bOff;
        for (int kk = 0; kk < kc; kk++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, b0p);
            c0 = FloatVector.broadcast(S, a[ap]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, a[ap + 1]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, a[ap + 2]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, a[ap + 3]).fma(b0, c3);
            c4 = FloatVector.broadcast(S, a[ap + 4]).fma(b0, c4);
            c5 = FloatVector.broadcast(S, a[ap + 5]).fma(b0, c5);
            c6 = FloatVector.broadcast(S, a[ap + 6]).fma(b0, c6);
            c7 = FloatVector.broadcast(S, a[ap + 7]).fma(b0, c7);
            ap += aColStride;
            b0p += L;
        }
        c0.intoArray(c, cOff);
        c1.intoArray(c, cOff + ldc);
        c2.intoArray(c, cOff + 2 * ldc);
        c3.intoArray(c, cOff + 3 * ldc);
        c4.intoArray(c, cOff + 4 * ldc);
        c5.intoArray(c, cOff + 5 * ldc);
        c6.intoArray(c, cOff + 6 * ldc);
        c7.intoArray(c, cOff + 7 * ldc);
    }


    /** One row of C (1, L) at cOff from a 16-wide panel. */
    private static void narrowRow(float[] a, int aOff, int aColStride, float[] bp, int bOff, int kc,
                                  float[] c, int cOff, boolean load) {
        FloatVector c0 = load ? FloatVector.fromArray(S, c, cOff) : FloatVector.zero(S);
        int ap = aOff;
        int b0p = bOff;
        for (int kk = 0; kk < kc; kk++) {
            c0 = FloatVector.broadcast(S, a[ap]).fma(FloatVector.fromArray(S, bp, b0p), c0);
            ap += aColStride;
            b0p += L;
        }
        c0.intoArray(c, cOff);
    }

    /** Copies a rows × width block of C into the edge tile (row stride edgeStride), zero-padded. */
    private void toEdge(float[] c, int cOff, int ldc, int rows, int width, int edgeStride) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(c, cOff + r * ldc, edge, r * edgeStride, width);
            java.util.Arrays.fill(edge, r * edgeStride + width, (r + 1) * edgeStride, 0f);
        }
    }

    /** Copies the valid rows × width block of the edge tile back into C. */
    private void fromEdge(float[] c, int cOff, int ldc, int rows, int width, int edgeStride) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(edge, r * edgeStride, c, cOff + r * ldc, width);
        }
    }

    @Override
    public String description() {
        return "512-bit FloatVector, " + TALL_MR + "x" + NR + " tile";
    }
}
