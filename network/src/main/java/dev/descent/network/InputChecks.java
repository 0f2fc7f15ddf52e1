package dev.descent.network;

import dev.descent.network.kernels.ElementWise;
import dev.descent.network.kernels.NonZeroIndex;
import dev.descent.network.matrix.Matrix;

/** Validation of a net's shape and of a batch before it reaches the kernels; every message names what was wrong. */
final class InputChecks {

    private InputChecks() {
    }

    /** The constructor arguments every fully connected net shares. */
    static void requireNetShape(int inputSize, int[] hiddenSizes, int outputSize, Activation activation,
                                WeightInit weightInit, double weightDecayLambda) {
        if (inputSize < 1) {
            throw new IllegalArgumentException("inputSize " + inputSize + " must be at least 1");
        }
        if (hiddenSizes == null) {
            throw new IllegalArgumentException("hiddenSizes is null; use an empty array for no hidden layer");
        }
        for (int i = 0; i < hiddenSizes.length; i++) {
            if (hiddenSizes[i] < 1) {
                throw new IllegalArgumentException("hiddenSizes[" + i + "] = " + hiddenSizes[i] + " must be at least 1");
            }
        }
        if (outputSize < 1) {
            throw new IllegalArgumentException("outputSize " + outputSize + " must be at least 1");
        }
        if (activation == null || weightInit == null) {
            throw new IllegalArgumentException(activation == null ? "activation is null" : "weightInit is null");
        }
        if (!(weightDecayLambda >= 0) || Double.isInfinite(weightDecayLambda)) {
            throw new IllegalArgumentException("weightDecayLambda " + weightDecayLambda
                    + " must be a finite number ≥ 0 (0 turns weight decay off)");
        }
    }

    /** x is (N, inputSize) with N ≥ 1. */
    static void requireBatch(Matrix x, int inputSize) {
        if (x == null) {
            throw new IllegalArgumentException("x is null");
        }
        if (x.cols != inputSize) {
            throw new IllegalArgumentException("x has " + x.cols + " columns, net expects " + inputSize
                    + " (one per input feature). HINT: check that the data set matches the net's input size");
        }
        if (x.rows == 0) {
            throw new IllegalArgumentException("empty batch: x has 0 rows. HINT: a batch needs at least one example");
        }
    }

    /** One label per row, each in [0, classes). */
    static void requireLabels(int[] labels, int rows, int classes) {
        requireLabelCount(labels == null ? -1 : labels.length, rows);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw outOfRange(i, labels[i], classes);
            }
        }
    }

    /** One label per row, each (read as unsigned) in [0, classes). */
    static void requireLabels(byte[] labels, int rows, int classes) {
        requireLabelCount(labels == null ? -1 : labels.length, rows);
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xFF;
            if (label >= classes) {
                throw outOfRange(i, label, classes);
            }
        }
    }

    private static void requireLabelCount(int length, int rows) {
        if (length < 0) {
            throw new IllegalArgumentException("labels is null");
        }
        if (length != rows) {
            throw new IllegalArgumentException("labels has " + length + " entries but x has " + rows
                    + " rows; each row needs exactly one class label");
        }
    }

    private static IllegalArgumentException outOfRange(int index, int label, int classes) {
        return new IllegalArgumentException("labels[" + index + "] = " + label + " is out of range: the net has "
                + classes + " classes, so labels must be in 0.." + (classes - 1)
                + ". HINT: labels are class indices, not one-hot vectors");
    }

    /**
     * Throws if x holds a NaN or an infinity. Scanning all of x every batch would cost a few percent of
     * a step, so this looks at the first layer's output h = x·W1 + b1 instead: a NaN or infinity anywhere
     * in a row of x makes every element of that row of h NaN or infinite (fma propagates NaN even
     * through zero weights), so only rows of h that are not finite need their row of x scanned. A
     * non-finite h with a finite x (diverged weights) is not an input error and is left to show up as a
     * NaN loss.
     *
     * @param x         x is (N, D)
     * @param h         h is (N, H), the first Affine's output for x
     * @param xNonZeros the index the first Affine was given for x, or null; written into x before x is scanned if
     *                  its caller left x unwritten
     */
    static void requireFiniteInput(Matrix x, Matrix h, NonZeroIndex xNonZeros) {
        float[] hs = h.data;
        // The common case in one vector pass; the scalar scan below only finds the row to report.
        if (ElementWise.allFinite(hs, hs.length)) {
            return;
        }
        if (xNonZeros != null) {
            xNonZeros.writeInput(x.data);
        }
        for (int i = 0; i < hs.length; i++) {
            float v = hs[i];
            if (v - v != 0f) {   // NaN or ±infinity
                int row = i / h.cols;
                int base = row * x.cols;
                for (int j = 0; j < x.cols; j++) {
                    float xj = x.data[base + j];
                    if (!Float.isFinite(xj)) {
                        throw new IllegalArgumentException("x[" + row + "][" + j + "] is " + xj
                                + ": inputs must be finite numbers. HINT: check the data file and its scaling");
                    }
                }
                i = (row + 1) * h.cols - 1;   // this row of x is finite: go on with the next row of h
            }
        }
    }
}
