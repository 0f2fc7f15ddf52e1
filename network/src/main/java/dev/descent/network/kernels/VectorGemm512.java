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
 * <p>B is packed in blocks of at most {@value #KC} rows (k is cut into equal blocks: 784 = 2·392) into
 * zero-padded panels ({@link PanelPacking}); every row block of A sweeps over one panel while it is in L1 or L2.
 * Fewer, longer blocks load and store C fewer times: 2 blocks of 392 instead of 256 + 256 + 256 + 16 made
 * 128×784×100 about 8 % faster. A is read in place with a row and a column stride, which handles a transposed
 * A for free. Edge tiles (fewer than 32 valid columns) run through a small scratch tile.
 *
 * <p>Up to 16 columns left after the 32-wide panels (100 = 3·32 + 4) join the last 32-wide panel in a 48-wide
 * one, computed with an 8×48 tile (24 accumulators): 3 vector loads and 8 broadcasts per 24 fmas instead of the
 * 8×16 tile's 1 and 8 per 8, which had made the 4 leftover columns cost about as much as 16 useful ones. Only
 * when n ≤ 16, or in a product of fewer than {@value #WIDEST_MIN_FMAS} multiply-adds (see there), do the leftover
 * columns take a 16-wide panel of their own, with the 8×16 tile. Every element of C is the same fma chain over
 * k as in {@link ScalarGemm}, so results are bit-identical to the scalar path.
 */
final class VectorGemm512 implements GemmKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_512;
    private static final int L = 16;
    private static final int MR = 4;
    private static final int NR = 2 * L;
    /** Most rows of B per packed block; k is cut into equal blocks of at most this many rows. */
    private static final int KC = 400;
    /** Padded width of a last panel that holds a 32-wide panel's columns and up to 16 more. */
    private static final int WIDEST_NR = 3 * L;
    /**
     * Fewest multiply-adds (m·n·k) for which the 8×48 tile is used. Its two variants take C2 about 0.25 s each
     * to compile, twice (on-stack replacement, then the whole method), and the default compare's GEMMs (at most
     * 128·100·128 multiply-adds each; the first layer takes the sparse path) ran 0.4 s slower with it, because the
     * start of that job is compile-bound. A 128×784×100 or 784×128×100 product (10 M) gains 5–9 % from it.
     */
    private static final long WIDEST_MIN_FMAS = 4_000_000L;
    private static final int WIDE = 0;
    private static final int WIDEST = 1;
    private static final int NARROW = 2;
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
        int fullPanels = n / NR;
        int leftover = n - fullPanels * NR;
        // Up to 16 leftover columns (e.g. 100 = 3·32 + 4) join the last 32-wide panel in a 48-wide one computed
        // with the 8×48 tile, in a large product; otherwise they take a 16-wide panel and the 8×16 tile. Either
        // way at most 12 of 112 lanes are wasted for n = 100, but the 8×48 tile loads less per fma.
        int lastKind;
        int panels;
        int lastNr;
        if (leftover == 0) {
            lastKind = WIDE;
            panels = fullPanels;
            lastNr = NR;
        } else if (leftover <= L && fullPanels > 0 && (long) m * n * k >= WIDEST_MIN_FMAS) {
            lastKind = WIDEST;
            panels = fullPanels;
            lastNr = WIDEST_NR;
        } else {
            lastKind = leftover <= L ? NARROW : WIDE;
            panels = fullPanels + 1;
            lastNr = leftover <= L ? L : NR;
        }
        // k in equal blocks of at most KC rows (784 = 2·392), so no block is a short tail.
        int blocks = (k + KC - 1) / KC;
        int blockK = (k + blocks - 1) / blocks;
        for (int k0 = 0; k0 < k; k0 += blockK) {
            int kc = Math.min(blockK, k - k0);
            int needed = PanelPacking.packedLength(panels, kc, NR, lastNr);
            if (packed.length < needed) {
                packed = new float[needed];
            }
            if (transB) {
                PanelPacking.packB(true, b, n, k, k0, kc, NR, panels, lastNr, packed);
            } else {
                packRows(b, n, k0, kc, panels, lastNr, packed);
            }
            boolean load = accumulate || k0 > 0;
            if (transA) {
                // a is (k, m): the 8 rows of a tile are 8 adjacent floats at every k, read in place.
                sweepPanels(a, k0 * m, m, false, 0, m, panels, lastKind, kc, c, n, load);
            } else {
                // a is (m, k): each block of rows is copied with the constant row stride KC (one arraycopy
                // per row), so the tiles read their 8 rows at fixed distances from one index.
                for (int i0 = 0; i0 < m; i0 += MC) {
                    int mc = Math.min(MC, m - i0);
                    for (int r = 0; r < mc; r++) {
                        System.arraycopy(a, (i0 + r) * k + k0, aRows, r * KC, kc);
                    }
                    sweepPanels(aRows, 0, 0, true, i0, i0 + mc, panels, lastKind, kc, c, n, load);
                }
            }
        }
    }

    /**
     * {@link PanelPacking#packB} for a B stored (k, n), with vectors: each row of B is copied a vector at a time into
     * the panels, and the last panel's columns past n are zeroed: the same layout and the same floats. In one JVM,
     * best of 200: 11.1 → 8.6 µs for x·W1's B (784 × 100, 2,352 {@code System.arraycopy} calls of 32–36 floats
     * before), 1.7 → 1.0 µs for a hidden layer's 100 × 100 and 2.1 → 1.3 µs for its 128 × 100 gradient operand.
     */
    private static void packRows(float[] b, int n, int k0, int kc, int panels, int lastNr, float[] packed) {
        int lastJ0 = (panels - 1) * NR;
        int lastWidth = n - lastJ0;
        int lastVectors = lastWidth / L;            // whole vectors of the last panel's columns
        int lastBase = (panels - 1) * kc * NR;
        FloatVector zero = FloatVector.zero(S);
        for (int kk = 0; kk < kc; kk++) {
            int src = (k0 + kk) * n;
            for (int p = 0; p < panels - 1; p++) {
                int dst = p * kc * NR + kk * NR;
                FloatVector.fromArray(S, b, src + p * NR).intoArray(packed, dst);
                FloatVector.fromArray(S, b, src + p * NR + L).intoArray(packed, dst + L);
            }
            int dst = lastBase + kk * lastNr;
            int from = src + lastJ0;
            int v = 0;
            for (; v < lastVectors; v++) {
                FloatVector.fromArray(S, b, from + v * L).intoArray(packed, dst + v * L);
            }
            // The columns left (fewer than a vector) and the padding: zeros first, then the columns over them.
            for (int pad = v * L; pad < lastNr; pad += L) {
                zero.intoArray(packed, dst + pad);
            }
            for (int j = v * L; j < lastWidth; j++) {
                packed[dst + j] = b[from + j];
            }
        }
    }

    /**
     * Rows [mFrom, mTo) of C against every packed panel. rowsPacked: A's row {@code mFrom + r} is at
     * {@code aRows[r·KC + kk]}; otherwise it is at {@code a[aBase + kk·aColStride + mFrom + r]} (transposed A).
     */
    private void sweepPanels(float[] a, int aBase, int aColStride, boolean rowsPacked, int mFrom, int mTo,
                             int panels, int lastKind, int kc, float[] c, int n, boolean load) {
        int aRowStride = rowsPacked ? KC : 1;
        int colStride = rowsPacked ? 1 : aColStride;
        int aStart = rowsPacked ? aBase : aBase + mFrom;
        for (int p = 0; p < panels; p++) {
            int j0 = p * NR;
            int bOff = p * kc * NR;
            int width = Math.min(NR, n - j0);
            if (p < panels - 1 || lastKind == WIDE) {
                widePanel(a, aStart, aRowStride, colStride, rowsPacked, bOff, kc, c, mFrom, mTo, n, j0, width, load);
            } else if (lastKind == WIDEST) {
                widestPanel(a, aStart, aRowStride, colStride, rowsPacked, bOff, kc, c, mFrom, mTo, n, j0, n - j0,
                        load);
            } else {
                narrowPanel(a, aStart, aRowStride, colStride, rowsPacked, bOff, kc, c, mFrom, mTo, n, j0, n - j0,
                        load);
            }
        }
    }

    /**
     * Columns [j0, j0 + width), 32 < width ≤ 48, from a 48-wide panel: 8×48 tiles, then one row at a time. The
     * first 32 columns go straight to C; the last 16 go through the edge tile unless all 16 are valid.
     */
    private void widestPanel(float[] a, int aBase, int aRowStride, int aColStride, boolean rowsPacked, int bOff,
                             int kc, float[] c, int mFrom, int m, int n, int j0, int width, boolean load) {
        int tail = width - NR;
        boolean tailInC = tail == L;
        int i0 = mFrom;
        for (; i0 + TALL_MR <= m; i0 += TALL_MR) {
            int aOff = aBase + (i0 - mFrom) * aRowStride;
            int cOff = i0 * n + j0;
            if (tailInC) {
                widestTile(a, aOff, aColStride, rowsPacked, bOff, kc, c, cOff, n, c, cOff + NR, n, load);
            } else {
                if (load) {
                    toEdge(c, cOff + NR, n, TALL_MR, tail, L);
                }
                widestTile(a, aOff, aColStride, rowsPacked, bOff, kc, c, cOff, n, edge, 0, L, load);
                fromEdge(c, cOff + NR, n, TALL_MR, tail, L);
            }
        }
        for (; i0 < m; i0++) {
            int aOff = aBase + (i0 - mFrom) * aRowStride;
            int cOff = i0 * n + j0;
            row(a, aOff, aColStride, packed, bOff, WIDEST_NR, kc, c, cOff, load);
            if (tailInC) {
                narrowRow(a, aOff, aColStride, packed, bOff + NR, WIDEST_NR, kc, c, cOff + NR, load);
            } else {
                if (load) {
                    toEdge(c, cOff + NR, n, 1, tail, L);
                }
                narrowRow(a, aOff, aColStride, packed, bOff + NR, WIDEST_NR, kc, edge, 0, load);
                fromEdge(c, cOff + NR, n, 1, tail, L);
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
                row(a, aOff, aColStride, packed, bOff, NR, kc, c, i0 * n + j0, load);
            } else {
                if (load) {
                    toEdge(c, i0 * n + j0, n, 1, width, NR);
                }
                row(a, aOff, aColStride, packed, bOff, NR, kc, edge, 0, load);
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
                narrowRow(a, aOff, aColStride, packed, bOff, L, kc, c, i0 * n + j0, load);
            } else {
                if (load) {
                    toEdge(c, i0 * n + j0, n, 1, width, L);
                }
                narrowRow(a, aOff, aColStride, packed, bOff, L, kc, edge, 0, load);
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


    /** The 8×48 tile on the kernel that suits where A's rows are (see {@link #sweepPanels}). */
    private void widestTile(float[] a, int aOff, int aColStride, boolean rowsPacked, int bOff, int kc,
                            float[] c, int cOff, int ldc, float[] t, int tOff, int ldt, boolean load) {
        if (rowsPacked) {
            widestTileRows(a, aOff, packed, bOff, kc, c, cOff, ldc, t, tOff, ldt, load);
        } else {
            widestTileCols(a, aOff, aColStride, packed, bOff, kc, c, cOff, ldc, t, tOff, ldt, load);
        }
    }

    /**
     * c (TALL_MR, 48) from A rows copied as for {@link #tallTileRows}: columns 0–31 at cOff in c (row stride ldc),
     * columns 32–47 at tOff in t (row stride ldt), which may be c itself or the edge tile.
     */
    private static void widestTileRows(float[] a, int aOff, float[] bp, int bOff, int kc,
                                       float[] c, int cOff, int ldc, float[] t, int tOff, int ldt,
                                       boolean load) {
        FloatVector c00, c01, c02, c10, c11, c12, c20, c21, c22, c30, c31, c32;
        FloatVector c40, c41, c42, c50, c51, c52, c60, c61, c62, c70, c71, c72;
        if (load) {
            c00 = FloatVector.fromArray(S, c, cOff);
            c01 = FloatVector.fromArray(S, c, cOff + 1 * L);
            c02 = FloatVector.fromArray(S, t, tOff);
            c10 = FloatVector.fromArray(S, c, cOff + 1 * ldc);
            c11 = FloatVector.fromArray(S, c, cOff + 1 * ldc + 1 * L);
            c12 = FloatVector.fromArray(S, t, tOff + 1 * ldt);
            c20 = FloatVector.fromArray(S, c, cOff + 2 * ldc);
            c21 = FloatVector.fromArray(S, c, cOff + 2 * ldc + 1 * L);
            c22 = FloatVector.fromArray(S, t, tOff + 2 * ldt);
            c30 = FloatVector.fromArray(S, c, cOff + 3 * ldc);
            c31 = FloatVector.fromArray(S, c, cOff + 3 * ldc + 1 * L);
            c32 = FloatVector.fromArray(S, t, tOff + 3 * ldt);
            c40 = FloatVector.fromArray(S, c, cOff + 4 * ldc);
            c41 = FloatVector.fromArray(S, c, cOff + 4 * ldc + 1 * L);
            c42 = FloatVector.fromArray(S, t, tOff + 4 * ldt);
            c50 = FloatVector.fromArray(S, c, cOff + 5 * ldc);
            c51 = FloatVector.fromArray(S, c, cOff + 5 * ldc + 1 * L);
            c52 = FloatVector.fromArray(S, t, tOff + 5 * ldt);
            c60 = FloatVector.fromArray(S, c, cOff + 6 * ldc);
            c61 = FloatVector.fromArray(S, c, cOff + 6 * ldc + 1 * L);
            c62 = FloatVector.fromArray(S, t, tOff + 6 * ldt);
            c70 = FloatVector.fromArray(S, c, cOff + 7 * ldc);
            c71 = FloatVector.fromArray(S, c, cOff + 7 * ldc + 1 * L);
            c72 = FloatVector.fromArray(S, t, tOff + 7 * ldt);
        } else {
            c00 = FloatVector.zero(S);
            c01 = c00;
            c02 = c00;
            c10 = c00;
            c11 = c00;
            c12 = c00;
            c20 = c00;
            c21 = c00;
            c22 = c00;
            c30 = c00;
            c31 = c00;
            c32 = c00;
            c40 = c00;
            c41 = c00;
            c42 = c00;
            c50 = c00;
            c51 = c00;
            c52 = c00;
            c60 = c00;
            c61 = c00;
            c62 = c00;
            c70 = c00;
            c71 = c00;
            c72 = c00;
        }
        for (int kk = 0; kk < kc; kk++) {
            int bk = bOff + kk * WIDEST_NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bk);
            FloatVector b1 = FloatVector.fromArray(S, bp, bk + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bk + 2 * L);
            int ak = aOff + kk;
            FloatVector a0 = FloatVector.broadcast(S, a[ak]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            FloatVector a1 = FloatVector.broadcast(S, a[ak + KC]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            FloatVector a2 = FloatVector.broadcast(S, a[ak + 2 * KC]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            FloatVector a3 = FloatVector.broadcast(S, a[ak + 3 * KC]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
            FloatVector a4 = FloatVector.broadcast(S, a[ak + 4 * KC]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            c42 = a4.fma(b2, c42);
            FloatVector a5 = FloatVector.broadcast(S, a[ak + 5 * KC]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            c52 = a5.fma(b2, c52);
            FloatVector a6 = FloatVector.broadcast(S, a[ak + 6 * KC]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            c62 = a6.fma(b2, c62);
            FloatVector a7 = FloatVector.broadcast(S, a[ak + 7 * KC]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
            c72 = a7.fma(b2, c72);
        }
        c00.intoArray(c, cOff);
        c01.intoArray(c, cOff + 1 * L);
        c02.intoArray(t, tOff);
        c10.intoArray(c, cOff + 1 * ldc);
        c11.intoArray(c, cOff + 1 * ldc + 1 * L);
        c12.intoArray(t, tOff + 1 * ldt);
        c20.intoArray(c, cOff + 2 * ldc);
        c21.intoArray(c, cOff + 2 * ldc + 1 * L);
        c22.intoArray(t, tOff + 2 * ldt);
        c30.intoArray(c, cOff + 3 * ldc);
        c31.intoArray(c, cOff + 3 * ldc + 1 * L);
        c32.intoArray(t, tOff + 3 * ldt);
        c40.intoArray(c, cOff + 4 * ldc);
        c41.intoArray(c, cOff + 4 * ldc + 1 * L);
        c42.intoArray(t, tOff + 4 * ldt);
        c50.intoArray(c, cOff + 5 * ldc);
        c51.intoArray(c, cOff + 5 * ldc + 1 * L);
        c52.intoArray(t, tOff + 5 * ldt);
        c60.intoArray(c, cOff + 6 * ldc);
        c61.intoArray(c, cOff + 6 * ldc + 1 * L);
        c62.intoArray(t, tOff + 6 * ldt);
        c70.intoArray(c, cOff + 7 * ldc);
        c71.intoArray(c, cOff + 7 * ldc + 1 * L);
        c72.intoArray(t, tOff + 7 * ldt);
    }

    /** As {@link #widestTileRows}, from a transposed A read in place as for {@link #tallTileCols}. */
    private static void widestTileCols(float[] a, int aOff, int aColStride, float[] bp, int bOff, int kc,
                                       float[] c, int cOff, int ldc, float[] t, int tOff, int ldt,
                                       boolean load) {
        FloatVector c00, c01, c02, c10, c11, c12, c20, c21, c22, c30, c31, c32;
        FloatVector c40, c41, c42, c50, c51, c52, c60, c61, c62, c70, c71, c72;
        if (load) {
            c00 = FloatVector.fromArray(S, c, cOff);
            c01 = FloatVector.fromArray(S, c, cOff + 1 * L);
            c02 = FloatVector.fromArray(S, t, tOff);
            c10 = FloatVector.fromArray(S, c, cOff + 1 * ldc);
            c11 = FloatVector.fromArray(S, c, cOff + 1 * ldc + 1 * L);
            c12 = FloatVector.fromArray(S, t, tOff + 1 * ldt);
            c20 = FloatVector.fromArray(S, c, cOff + 2 * ldc);
            c21 = FloatVector.fromArray(S, c, cOff + 2 * ldc + 1 * L);
            c22 = FloatVector.fromArray(S, t, tOff + 2 * ldt);
            c30 = FloatVector.fromArray(S, c, cOff + 3 * ldc);
            c31 = FloatVector.fromArray(S, c, cOff + 3 * ldc + 1 * L);
            c32 = FloatVector.fromArray(S, t, tOff + 3 * ldt);
            c40 = FloatVector.fromArray(S, c, cOff + 4 * ldc);
            c41 = FloatVector.fromArray(S, c, cOff + 4 * ldc + 1 * L);
            c42 = FloatVector.fromArray(S, t, tOff + 4 * ldt);
            c50 = FloatVector.fromArray(S, c, cOff + 5 * ldc);
            c51 = FloatVector.fromArray(S, c, cOff + 5 * ldc + 1 * L);
            c52 = FloatVector.fromArray(S, t, tOff + 5 * ldt);
            c60 = FloatVector.fromArray(S, c, cOff + 6 * ldc);
            c61 = FloatVector.fromArray(S, c, cOff + 6 * ldc + 1 * L);
            c62 = FloatVector.fromArray(S, t, tOff + 6 * ldt);
            c70 = FloatVector.fromArray(S, c, cOff + 7 * ldc);
            c71 = FloatVector.fromArray(S, c, cOff + 7 * ldc + 1 * L);
            c72 = FloatVector.fromArray(S, t, tOff + 7 * ldt);
        } else {
            c00 = FloatVector.zero(S);
            c01 = c00;
            c02 = c00;
            c10 = c00;
            c11 = c00;
            c12 = c00;
            c20 = c00;
            c21 = c00;
            c22 = c00;
            c30 = c00;
            c31 = c00;
            c32 = c00;
            c40 = c00;
            c41 = c00;
            c42 = c00;
            c50 = c00;
            c51 = c00;
            c52 = c00;
            c60 = c00;
            c61 = c00;
            c62 = c00;
            c70 = c00;
            c71 = c00;
            c72 = c00;
        }
        int ap = aOff;
        int bk = bOff;
        for (int kk = 0; kk < kc; kk++) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bk);
            FloatVector b1 = FloatVector.fromArray(S, bp, bk + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bk + 2 * L);
            FloatVector a0 = FloatVector.broadcast(S, a[ap]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            c02 = a0.fma(b2, c02);
            FloatVector a1 = FloatVector.broadcast(S, a[ap + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            c12 = a1.fma(b2, c12);
            FloatVector a2 = FloatVector.broadcast(S, a[ap + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            c22 = a2.fma(b2, c22);
            FloatVector a3 = FloatVector.broadcast(S, a[ap + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            c32 = a3.fma(b2, c32);
            FloatVector a4 = FloatVector.broadcast(S, a[ap + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            c42 = a4.fma(b2, c42);
            FloatVector a5 = FloatVector.broadcast(S, a[ap + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            c52 = a5.fma(b2, c52);
            FloatVector a6 = FloatVector.broadcast(S, a[ap + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            c62 = a6.fma(b2, c62);
            FloatVector a7 = FloatVector.broadcast(S, a[ap + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
            c72 = a7.fma(b2, c72);
            ap += aColStride;
            bk += WIDEST_NR;
        }
        c00.intoArray(c, cOff);
        c01.intoArray(c, cOff + 1 * L);
        c02.intoArray(t, tOff);
        c10.intoArray(c, cOff + 1 * ldc);
        c11.intoArray(c, cOff + 1 * ldc + 1 * L);
        c12.intoArray(t, tOff + 1 * ldt);
        c20.intoArray(c, cOff + 2 * ldc);
        c21.intoArray(c, cOff + 2 * ldc + 1 * L);
        c22.intoArray(t, tOff + 2 * ldt);
        c30.intoArray(c, cOff + 3 * ldc);
        c31.intoArray(c, cOff + 3 * ldc + 1 * L);
        c32.intoArray(t, tOff + 3 * ldt);
        c40.intoArray(c, cOff + 4 * ldc);
        c41.intoArray(c, cOff + 4 * ldc + 1 * L);
        c42.intoArray(t, tOff + 4 * ldt);
        c50.intoArray(c, cOff + 5 * ldc);
        c51.intoArray(c, cOff + 5 * ldc + 1 * L);
        c52.intoArray(t, tOff + 5 * ldt);
        c60.intoArray(c, cOff + 6 * ldc);
        c61.intoArray(c, cOff + 6 * ldc + 1 * L);
        c62.intoArray(t, tOff + 6 * ldt);
        c70.intoArray(c, cOff + 7 * ldc);
        c71.intoArray(c, cOff + 7 * ldc + 1 * L);
        c72.intoArray(t, tOff + 7 * ldt);
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
    private static void row(float[] a, int aOff, int aColStride, float[] bp, int bOff, int bStride, int kc,
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
            b0p += bStride;
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
    private static void narrowRow(float[] a, int aOff, int aColStride, float[] bp, int bOff, int bStride, int kc,
                                  float[] c, int cOff, boolean load) {
        FloatVector c0 = load ? FloatVector.fromArray(S, c, cOff) : FloatVector.zero(S);
        int ap = aOff;
        int b0p = bOff;
        for (int kk = 0; kk < kc; kk++) {
            c0 = FloatVector.broadcast(S, a[ap]).fma(FloatVector.fromArray(S, bp, b0p), c0);
            ap += aColStride;
            b0p += bStride;
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
        return "512-bit FloatVector, " + TALL_MR + "x" + NR + " and " + TALL_MR + "x" + WIDEST_NR + " tiles";
    }
}
