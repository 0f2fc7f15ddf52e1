package dev.descent.experiments.curves;

/**
 * The book's loss-curve smoothing ({@code common/util.py smooth_curve}): each point becomes the weighted mean of the
 * {@value #BOOK_WINDOW_LENGTH} points centred on it, weighted by a Kaiser window with β = {@value #BOOK_BETA}
 * normalised to sum 1. Near the ends the series is extended by reflection exactly as the book pads it:
 * <pre>
 *   start, the edge value not repeated:  x[-m]      = x[m]
 *   end,   the edge value repeated:      x[n-1+m]   = x[n-m]      (m = 1 .. half window)
 * </pre>
 * so the output has the input's length.
 *
 * <p>Kaiser window of length L (Kaiser 1974; the definition numpy's {@code kaiser} uses):
 * {@code w[k] = I0(β·√(1 − (2k/(L−1) − 1)²)) / I0(β)}, k = 0 .. L−1, with I0 the modified Bessel function of the
 * first kind, order zero.
 *
 * <p>Series shorter than the window (the book's code needs at least 11 points): the window shrinks to the largest
 * odd length not above the series length, with the same β, so the reflection never reaches past the other end.
 * One or two points use a one-point window, i.e. come back unchanged. The result is finite whenever the input is.
 */
public final class KaiserSmoothing {
    /** The book's window length. */
    public static final int BOOK_WINDOW_LENGTH = 11;
    /** The book's Kaiser shape parameter. */
    public static final double BOOK_BETA = 2.0;

    private KaiserSmoothing() {
    }

    /** The book's smoothing: 11-point Kaiser window, β = 2. */
    public static double[] smooth(double[] x) {
        return smooth(x, BOOK_WINDOW_LENGTH, BOOK_BETA);
    }

    /**
     * Smooths {@code x} with a normalised Kaiser window of odd {@code windowLength}, shrunk for short series.
     *
     * @param x series of length n
     * @return a new array of length n
     */
    public static double[] smooth(double[] x, int windowLength, double beta) {
        if (windowLength < 1 || windowLength % 2 == 0) {
            throw new IllegalArgumentException("window length must be odd and at least 1 so it can be centred on a"
                    + " point, got " + windowLength);
        }
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("Kaiser beta must be a finite number >= 0, got " + beta);
        }
        int n = x.length;
        int length = Math.min(windowLength, n % 2 == 1 ? n : n - 1);
        if (length <= 1) {
            return x.clone();
        }
        double[] w = normalised(kaiserWindow(length, beta));
        int half = length / 2;
        double[] smoothed = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int k = 0; k < length; k++) {
                sum += w[k] * x[reflect(i - half + k, n)];
            }
            smoothed[i] = sum;
        }
        return smoothed;
    }

    /** The book's padding, as an index map: valid for indices at most n−1 away from [0, n). */
    private static int reflect(int index, int n) {
        if (index < 0) {
            return -index;
        }
        if (index >= n) {
            return 2 * (n - 1) - index + 1;
        }
        return index;
    }

    /**
     * The Kaiser window of the given length, peak 1 (not normalised), as numpy's {@code kaiser(length, beta)}.
     */
    public static double[] kaiserWindow(int length, double beta) {
        if (length < 1) {
            throw new IllegalArgumentException("window length must be at least 1, got " + length);
        }
        double[] w = new double[length];
        if (length == 1) {
            w[0] = 1;
            return w;
        }
        double i0Beta = besselI0(beta);
        for (int k = 0; k < length; k++) {
            double r = 2.0 * k / (length - 1) - 1;
            // max(0, ·) because 1 − r² can round to a hair below zero at the ends.
            w[k] = besselI0(beta * Math.sqrt(Math.max(0, 1 - r * r))) / i0Beta;
        }
        return w;
    }

    /**
     * I0(x), the modified Bessel function of the first kind of order zero, by its power series
     * {@code Σ ((x/2)^k / k!)²}; every term is positive, so the sum is accurate to rounding for the small
     * arguments a window needs (|x| ≤ β).
     */
    public static double besselI0(double x) {
        double quarterSquare = x * x / 4;
        double term = 1;
        double sum = 1;
        for (int k = 1; term > sum * 1e-17; k++) {
            term *= quarterSquare / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    private static double[] normalised(double[] w) {
        double total = 0;
        for (double value : w) {
            total += value;
        }
        double[] normalised = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            normalised[k] = w[k] / total;
        }
        return normalised;
    }
}
