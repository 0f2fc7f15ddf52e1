package dev.descent.network.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * GEMM with 256-bit {@link FloatVector}s: a 6×16 block of C (6 rows × 2 vectors = 12 accumulators, which
 * with the two B vectors and one broadcast fills the 16 AVX2 registers) stays in registers while k runs.
 *
 * <p>The same algorithm as {@link VectorGemm512} (read its notes), without its narrower tile for the last
 * panel (a 16-wide panel wastes at most 15 lanes, 12 of 112 for n = 100): loaded only by name from
 * {@link KernelPath}, only when the preferred species is 256 bits (or forced), never in the same JVM as
 * the 512-bit kernel. Results are bit-identical to {@link ScalarGemm} and {@link VectorGemm512}.
 */
final class VectorGemm256 implements GemmKernel {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int L = 8;
    private static final int MR = 6;
    private static final int NR = 2 * L;
    private static final int KC = 256;

    private float[] packed = new float[0];
    /** An MR×NR tile of C for panels narrower than NR; row stride NR. */
    private final float[] edge = new float[MR * NR];

    VectorGemm256() {
        if (S.length() != L) {
            throw new IllegalStateException("expected " + L + " float lanes in a 256-bit vector, got " + S.length());
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
        int aRowStride = transA ? 1 : k;
        int aColStride = transA ? m : 1;
        int panels = PanelPacking.panelCount(n, NR);
        for (int k0 = 0; k0 < k; k0 += KC) {
            int kc = Math.min(KC, k - k0);
            int needed = PanelPacking.packedLength(panels, kc, NR, NR);
            if (packed.length < needed) {
                packed = new float[needed];
            }
            PanelPacking.packB(transB, b, n, k, k0, kc, NR, panels, NR, packed);
            boolean load = accumulate || k0 > 0;
            int aBase = k0 * aColStride;
            for (int p = 0; p < panels; p++) {
                int j0 = p * NR;
                int width = Math.min(NR, n - j0);
                int bOff = p * kc * NR;
                int i0 = 0;
                for (; i0 + MR <= m; i0 += MR) {
                    int aOff = aBase + i0 * aRowStride;
                    if (width == NR) {
                        tile(a, aOff, aRowStride, aColStride, packed, bOff, kc, c, i0 * n + j0, n, load);
                    } else {
                        if (load) {
                            toEdge(c, i0 * n + j0, n, MR, width);
                        }
                        tile(a, aOff, aRowStride, aColStride, packed, bOff, kc, edge, 0, NR, load);
                        fromEdge(c, i0 * n + j0, n, MR, width);
                    }
                }
                for (; i0 < m; i0++) {
                    int aOff = aBase + i0 * aRowStride;
                    if (width == NR) {
                        row(a, aOff, aColStride, packed, bOff, kc, c, i0 * n + j0, load);
                    } else {
                        if (load) {
                            toEdge(c, i0 * n + j0, n, 1, width);
                        }
                        row(a, aOff, aColStride, packed, bOff, kc, edge, 0, load);
                        fromEdge(c, i0 * n + j0, n, 1, width);
                    }
                }
            }
        }
    }

    /** c (MR, NR) at cOff with row stride ldc; a rows at aOff + r·aRowStride, column step aColStride. */
    private static void tile(float[] a, int aOff, int aRowStride, int aColStride, float[] bp, int bOff,
                             int kc, float[] c, int cOff, int ldc, boolean load) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        int r1 = cOff + ldc;
        int r2 = r1 + ldc;
        int r3 = r2 + ldc;
        int r4 = r3 + ldc;
        int r5 = r4 + ldc;
        if (load) {
            c00 = FloatVector.fromArray(S, c, cOff);
            c01 = FloatVector.fromArray(S, c, cOff + L);
            c10 = FloatVector.fromArray(S, c, r1);
            c11 = FloatVector.fromArray(S, c, r1 + L);
            c20 = FloatVector.fromArray(S, c, r2);
            c21 = FloatVector.fromArray(S, c, r2 + L);
            c30 = FloatVector.fromArray(S, c, r3);
            c31 = FloatVector.fromArray(S, c, r3 + L);
            c40 = FloatVector.fromArray(S, c, r4);
            c41 = FloatVector.fromArray(S, c, r4 + L);
            c50 = FloatVector.fromArray(S, c, r5);
            c51 = FloatVector.fromArray(S, c, r5 + L);
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
            FloatVector a4 = FloatVector.broadcast(S, a[ap + 4 * aRowStride]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(S, a[ap + 5 * aRowStride]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
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
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + L);
        c50.intoArray(c, r5);
        c51.intoArray(c, r5 + L);
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

    private void toEdge(float[] c, int cOff, int ldc, int rows, int width) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(c, cOff + r * ldc, edge, r * NR, width);
            java.util.Arrays.fill(edge, r * NR + width, (r + 1) * NR, 0f);
        }
    }

    private void fromEdge(float[] c, int cOff, int ldc, int rows, int width) {
        for (int r = 0; r < rows; r++) {
            System.arraycopy(edge, r * NR, c, cOff + r * ldc, width);
        }
    }

    @Override
    public String description() {
        return "256-bit FloatVector, " + MR + "x" + NR + " tile";
    }
}
