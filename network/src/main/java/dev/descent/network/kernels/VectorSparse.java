package dev.descent.network.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API {@link SparseKernel}, on the species the GEMM of this JVM uses (one species per JVM, see
 * {@link KernelPath}); loaded by name only when a vector path is active.
 *
 * <p>An output row of n floats is covered by ⌈n / L⌉ vectors at offsets 0, L, 2L, …, the last one moved
 * back to n − L so that it ends at the row's end: the overlapping columns are computed twice by the same
 * fma chain, so both stores write the same bits, and no load or store runs past a row of b or c and no
 * masked tail is needed (masked loads and stores were the cost on JDK 17). Up to eight vectors of a row stay in
 * registers while the row's list of non-zeros is walked (seven vectors of two rows at once: the book's n = 100 in
 * 16 lanes); a row narrower than L takes the scalar loop.
 */
final class VectorSparse implements SparseKernel {

    private static final VectorSpecies<Float> S =
            VectorSpecies.of(float.class, VectorShape.forBitSize(KernelPath.vectorBits()));
    private static final int L = S.length();

    private final ScalarSparse narrow = new ScalarSparse();

    @Override
    public void gatherRows(int[] start, int[] index, float[] value, int lists, float[] b, float[] c, int n) {
        if (n < L) {
            narrow.gatherRows(start, index, value, lists, b, c, n);
            return;
        }
        int vectors = (n + L - 1) / L;
        int last = n - L;
        if (vectors == 7) {   // n = 100 with 16 lanes (the book's net): two rows at a time, an odd last one alone
            int r = 0;
            for (; r + 2 <= lists; r += 2) {
                pairOfSeven(index, value, start[r], start[r + 1], start[r + 2], b, n, c, r * n, last);
            }
            if (r < lists) {
                seven(index, value, start[r], start[r + 1], b, n, c, r * n, 0, L, 2 * L, 3 * L, 4 * L, 5 * L, last,
                        false);
            }
            return;
        }
        for (int r = 0; r < lists; r++) {
            int from = start[r];
            int to = start[r + 1];
            int cOff = r * n;
            int v = 0;
            // Eight vectors per pass when five or more are left (the last offset repeated to fill the block):
            // eight independent fma chains keep the FMA units busy where four would wait on fma latency.
            // Three or four left take a block of four, one or two one-vector passes.
            for (; vectors - v >= 5; v += 8) {
                eight(index, value, from, to, b, n, c, cOff, Math.min(v * L, last), Math.min((v + 1) * L, last),
                        Math.min((v + 2) * L, last), Math.min((v + 3) * L, last), Math.min((v + 4) * L, last),
                        Math.min((v + 5) * L, last), Math.min((v + 6) * L, last), Math.min((v + 7) * L, last));
            }
            for (; vectors - v >= 3; v += 4) {
                int o0 = Math.min(v * L, last);
                int o1 = Math.min((v + 1) * L, last);
                int o2 = Math.min((v + 2) * L, last);
                int o3 = Math.min((v + 3) * L, last);
                four(index, value, from, to, b, n, c, cOff, o0, o1, o2, o3);
            }
            for (; v < vectors; v++) {
                one(index, value, from, to, b, n, c, cOff + Math.min(v * L, last), Math.min(v * L, last));
            }
        }
    }

    /**
     * Rows r and r + 1 (entries [f0, f1) and [f1, t1)) of seven vectors each, their fourteen fma chains
     * interleaved while both lists last, then the longer list's rest alone ({@link #seven}, from the stored sums).
     * One row's seven chains advance one fma per non-zero and wait on fma latency; a second row's independent chains
     * fill those waits (about 15 % faster on 128-image MNIST batches with n = 100, 512-bit, measured in process on
     * Zen 5; three rows were no faster). Each element's chain is still its own row's list in order.
     */
    private static void pairOfSeven(int[] index, float[] value, int f0, int f1, int t1, float[] b, int n, float[] c,
                                    int cOff, int o6) {
        final int o1 = L;
        final int o2 = 2 * L;
        final int o3 = 3 * L;
        final int o4 = 4 * L;
        final int o5 = 5 * L;
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector a4 = a0;
        FloatVector a5 = a0;
        FloatVector a6 = a0;
        FloatVector d0 = a0;
        FloatVector d1 = a0;
        FloatVector d2 = a0;
        FloatVector d3 = a0;
        FloatVector d4 = a0;
        FloatVector d5 = a0;
        FloatVector d6 = a0;
        int t0 = f1;
        int common = Math.min(t0 - f0, t1 - f1);
        int p = f0;
        int q = f1;
        for (int i = 0; i < common; i++, p++, q++) {
            FloatVector x = FloatVector.broadcast(S, value[p]);
            FloatVector y = FloatVector.broadcast(S, value[q]);
            int bp = index[p] * n;
            int bq = index[q] * n;
            a0 = x.fma(FloatVector.fromArray(S, b, bp), a0);
            d0 = y.fma(FloatVector.fromArray(S, b, bq), d0);
            a1 = x.fma(FloatVector.fromArray(S, b, bp + o1), a1);
            d1 = y.fma(FloatVector.fromArray(S, b, bq + o1), d1);
            a2 = x.fma(FloatVector.fromArray(S, b, bp + o2), a2);
            d2 = y.fma(FloatVector.fromArray(S, b, bq + o2), d2);
            a3 = x.fma(FloatVector.fromArray(S, b, bp + o3), a3);
            d3 = y.fma(FloatVector.fromArray(S, b, bq + o3), d3);
            a4 = x.fma(FloatVector.fromArray(S, b, bp + o4), a4);
            d4 = y.fma(FloatVector.fromArray(S, b, bq + o4), d4);
            a5 = x.fma(FloatVector.fromArray(S, b, bp + o5), a5);
            d5 = y.fma(FloatVector.fromArray(S, b, bq + o5), d5);
            a6 = x.fma(FloatVector.fromArray(S, b, bp + o6), a6);
            d6 = y.fma(FloatVector.fromArray(S, b, bq + o6), d6);
        }
        a0.intoArray(c, cOff);
        a1.intoArray(c, cOff + o1);
        a2.intoArray(c, cOff + o2);
        a3.intoArray(c, cOff + o3);
        a4.intoArray(c, cOff + o4);
        a5.intoArray(c, cOff + o5);
        a6.intoArray(c, cOff + o6);
        int dOff = cOff + n;
        d0.intoArray(c, dOff);
        d1.intoArray(c, dOff + o1);
        d2.intoArray(c, dOff + o2);
        d3.intoArray(c, dOff + o3);
        d4.intoArray(c, dOff + o4);
        d5.intoArray(c, dOff + o5);
        d6.intoArray(c, dOff + o6);
        // The longer list's rest continues its row's chains from the stored sums (a float stored and loaded is the same
        // float) in seven(): with one loop instead of three, C2 compiles this method with 12 instead of 33 MB of arena
        // memory (Temurin 25's MemStat), and the compare's peak RSS fell by about 4.5 MiB (JDK 17, 11 pairs).
        if (p < t0) {
            seven(index, value, p, t0, b, n, c, cOff, 0, o1, o2, o3, o4, o5, o6, true);
        } else if (q < t1) {
            seven(index, value, q, t1, b, n, c, dOff, 0, o1, o2, o3, o4, o5, o6, true);
        }
    }

    /** One row of seven vectors; load: continue the chains from the sums stored in c, else start them at zero. */
    private static void seven(int[] index, float[] value, int from, int to, float[] b, int n, float[] c, int cOff,
                              int o0, int o1, int o2, int o3, int o4, int o5, int o6, boolean load) {
        FloatVector c0;
        FloatVector c1;
        FloatVector c2;
        FloatVector c3;
        FloatVector c4;
        FloatVector c5;
        FloatVector c6;
        if (load) {
            c0 = FloatVector.fromArray(S, c, cOff + o0);
            c1 = FloatVector.fromArray(S, c, cOff + o1);
            c2 = FloatVector.fromArray(S, c, cOff + o2);
            c3 = FloatVector.fromArray(S, c, cOff + o3);
            c4 = FloatVector.fromArray(S, c, cOff + o4);
            c5 = FloatVector.fromArray(S, c, cOff + o5);
            c6 = FloatVector.fromArray(S, c, cOff + o6);
        } else {
            c0 = FloatVector.zero(S);
            c1 = c0;
            c2 = c0;
            c3 = c0;
            c4 = c0;
            c5 = c0;
            c6 = c0;
        }
        for (int p = from; p < to; p++) {
            FloatVector a = FloatVector.broadcast(S, value[p]);
            int bRow = index[p] * n;
            c0 = a.fma(FloatVector.fromArray(S, b, bRow + o0), c0);
            c1 = a.fma(FloatVector.fromArray(S, b, bRow + o1), c1);
            c2 = a.fma(FloatVector.fromArray(S, b, bRow + o2), c2);
            c3 = a.fma(FloatVector.fromArray(S, b, bRow + o3), c3);
            c4 = a.fma(FloatVector.fromArray(S, b, bRow + o4), c4);
            c5 = a.fma(FloatVector.fromArray(S, b, bRow + o5), c5);
            c6 = a.fma(FloatVector.fromArray(S, b, bRow + o6), c6);
        }
        c0.intoArray(c, cOff + o0);
        c1.intoArray(c, cOff + o1);
        c2.intoArray(c, cOff + o2);
        c3.intoArray(c, cOff + o3);
        c4.intoArray(c, cOff + o4);
        c5.intoArray(c, cOff + o5);
        c6.intoArray(c, cOff + o6);
    }

    private static void eight(int[] index, float[] value, int from, int to, float[] b, int n, float[] c, int cOff,
                              int o0, int o1, int o2, int o3, int o4, int o5, int o6, int o7) {
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        FloatVector c6 = c0;
        FloatVector c7 = c0;
        for (int p = from; p < to; p++) {
            FloatVector a = FloatVector.broadcast(S, value[p]);
            int bRow = index[p] * n;
            c0 = a.fma(FloatVector.fromArray(S, b, bRow + o0), c0);
            c1 = a.fma(FloatVector.fromArray(S, b, bRow + o1), c1);
            c2 = a.fma(FloatVector.fromArray(S, b, bRow + o2), c2);
            c3 = a.fma(FloatVector.fromArray(S, b, bRow + o3), c3);
            c4 = a.fma(FloatVector.fromArray(S, b, bRow + o4), c4);
            c5 = a.fma(FloatVector.fromArray(S, b, bRow + o5), c5);
            c6 = a.fma(FloatVector.fromArray(S, b, bRow + o6), c6);
            c7 = a.fma(FloatVector.fromArray(S, b, bRow + o7), c7);
        }
        c0.intoArray(c, cOff + o0);
        c1.intoArray(c, cOff + o1);
        c2.intoArray(c, cOff + o2);
        c3.intoArray(c, cOff + o3);
        c4.intoArray(c, cOff + o4);
        c5.intoArray(c, cOff + o5);
        c6.intoArray(c, cOff + o6);
        c7.intoArray(c, cOff + o7);
    }

    private static void four(int[] index, float[] value, int from, int to, float[] b, int n,
                             float[] c, int cOff, int o0, int o1, int o2, int o3) {
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        for (int p = from; p < to; p++) {
            FloatVector a = FloatVector.broadcast(S, value[p]);
            int bRow = index[p] * n;
            c0 = a.fma(FloatVector.fromArray(S, b, bRow + o0), c0);
            c1 = a.fma(FloatVector.fromArray(S, b, bRow + o1), c1);
            c2 = a.fma(FloatVector.fromArray(S, b, bRow + o2), c2);
            c3 = a.fma(FloatVector.fromArray(S, b, bRow + o3), c3);
        }
        c0.intoArray(c, cOff + o0);
        c1.intoArray(c, cOff + o1);
        c2.intoArray(c, cOff + o2);
        c3.intoArray(c, cOff + o3);
    }

    private static void one(int[] index, float[] value, int from, int to, float[] b, int n,
                            float[] c, int cAt, int offset) {
        FloatVector c0 = FloatVector.zero(S);
        for (int p = from; p < to; p++) {
            c0 = FloatVector.broadcast(S, value[p]).fma(FloatVector.fromArray(S, b, index[p] * n + offset), c0);
        }
        c0.intoArray(c, cAt);
    }

    @Override
    public int listNonZeros(float[] x, int base, int cols, int[] column, float[] value, int p) {
        // About 40 % of MNIST's 16-pixel stretches are all zero (the margins of the digit): one compare
        // skips them; a stretch with any non-zero is listed entry by entry.
        FloatVector zero = FloatVector.zero(S);
        int c = 0;
        for (; c + L <= cols; c += L) {
            if (FloatVector.fromArray(S, x, base + c).compare(VectorOperators.NE, zero).anyTrue()) {
                p = NonZeroIndex.listNonZeros(x, base, c, c + L, column, value, p);
            }
        }
        return NonZeroIndex.listNonZeros(x, base, c, cols, column, value, p);
    }

    @Override
    public String description() {
        return S.vectorBitSize() + "-bit FloatVector";
    }
}
