package dev.descent.network.kernels;

import java.util.Objects;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ElementWise} on the Vector API, on the species the GEMM of this JVM uses (one species per JVM, see
 * {@link KernelPath}); called only when a vector path is active. Every lane does the scalar loop's operation on
 * the same operands (column sums add the rows in the same order), so the bits are the scalar loop's; the columns
 * or elements past the last whole vector take the scalar loop.
 */
final class VectorElementWise {

    private static final VectorSpecies<Float> S =
            VectorSpecies.of(float.class, VectorShape.forBitSize(KernelPath.vectorBits()));
    private static final int L = S.length();

    private VectorElementWise() {
    }

    static void addRowVector(float[] x, float[] b, int rows, int cols) {
        Objects.checkFromIndexSize(0, rows * cols, x.length);
        Objects.checkFromIndexSize(0, cols, b.length);
        int whole = cols - cols % L;   // x is (rows, cols), b is (cols)
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            for (int j = 0; j < whole; j += L) {
                FloatVector.fromArray(S, x, row + j).add(FloatVector.fromArray(S, b, j)).intoArray(x, row + j);
            }
        }
        if (whole < cols) {
            ElementWise.scalarAddRowVector(x, b, rows, cols, whole);
        }
    }

    static void columnSums(float[] x, float[] sums, int rows, int cols) {
        Objects.checkFromIndexSize(0, rows * cols, x.length);
        Objects.checkFromIndexSize(0, cols, sums.length);
        int whole = cols - cols % L;   // x is (rows, cols), sums is (cols)
        for (int j = 0; j < whole; j += L) {
            // Each lane is one column's running sum, rows added in order as in the scalar loop.
            FloatVector sum = FloatVector.zero(S);
            for (int i = 0; i < rows; i++) {
                sum = sum.add(FloatVector.fromArray(S, x, i * cols + j));
            }
            sum.intoArray(sums, j);
        }
        if (whole < cols) {
            ElementWise.scalarColumnSums(x, sums, rows, cols, whole);
        }
    }

    static void reluBackward(float[] out, float[] dout, float[] dx, int length) {
        Objects.checkFromIndexSize(0, length, out.length);
        Objects.checkFromIndexSize(0, length, dout.length);
        Objects.checkFromIndexSize(0, length, dx.length);
        FloatVector zero = FloatVector.zero(S);
        int whole = length - length % L;
        for (int i = 0; i < whole; i += L) {
            // out > 0 is false for ±0, negatives and NaN, as the scalar loop's bit test: dout there, else +0.
            FloatVector mask = FloatVector.fromArray(S, out, i);
            zero.blend(FloatVector.fromArray(S, dout, i), mask.compare(VectorOperators.GT, 0f)).intoArray(dx, i);
        }
        ElementWise.scalarReluBackward(out, dout, dx, whole, length);
    }

    static boolean allFinite(float[] x, int length) {
        Objects.checkFromIndexSize(0, length, x.length);
        // x·0 is 0 for a finite x and NaN for NaN or ±∞; the NaN survives every later add. Four independent
        // sums: one chain waits on the fma latency at every vector, and W1 (78,400 floats) is checked before
        // every sparse forward, evaluation chunks included.
        FloatVector zero = FloatVector.zero(S);
        FloatVector sum0 = zero;
        FloatVector sum1 = zero;
        FloatVector sum2 = zero;
        FloatVector sum3 = zero;
        int i = 0;
        for (; i + 4 * L <= length; i += 4 * L) {
            sum0 = FloatVector.fromArray(S, x, i).fma(zero, sum0);
            sum1 = FloatVector.fromArray(S, x, i + L).fma(zero, sum1);
            sum2 = FloatVector.fromArray(S, x, i + 2 * L).fma(zero, sum2);
            sum3 = FloatVector.fromArray(S, x, i + 3 * L).fma(zero, sum3);
        }
        for (; i + L <= length; i += L) {
            sum0 = FloatVector.fromArray(S, x, i).fma(zero, sum0);
        }
        float total = sum0.add(sum1).add(sum2).add(sum3).reduceLanes(VectorOperators.ADD);
        return total == total && ElementWise.scalarAllFinite(x, i, length);
    }
}
