package dev.descent.experiments.curves;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KaiserSmoothingTest {

    /**
     * Oracle for I0 independent of the power series: the integral I0(x) = (1/π) ∫₀^π exp(x·cos θ) dθ
     * (Abramowitz & Stegun 9.6.19) by composite Simpson's rule. The integrand is smooth and periodic, so 2000
     * panels give full double precision for |x| ≤ 2.
     */
    private static double i0ByIntegral(double x) {
        int panels = 2000;
        double h = Math.PI / panels;
        double sum = Math.exp(x) + Math.exp(-x);
        for (int j = 1; j < panels; j++) {
            sum += (j % 2 == 1 ? 4 : 2) * Math.exp(x * Math.cos(j * h));
        }
        return sum * h / 3 / Math.PI;
    }

    @Test
    void besselI0MatchesTabulatedValuesAndTheIntegral() {
        assertEquals(1.0, KaiserSmoothing.besselI0(0), 0);
        // A&S table 9.8 / numpy.i0: I0(1) = 1.2660658777520082, I0(2) = 2.279585302336067.
        assertEquals(1.2660658777520082, KaiserSmoothing.besselI0(1), 1e-15);
        assertEquals(2.279585302336067, KaiserSmoothing.besselI0(2), 1e-15);
        for (double x = 0; x <= 2.0; x += 0.125) {
            assertEquals(i0ByIntegral(x), KaiserSmoothing.besselI0(x), 1e-13, "I0(" + x + ")");
        }
    }

    @Test
    void bookWindowHasTheKaiserShape() {
        double[] w = KaiserSmoothing.kaiserWindow(11, 2);
        // Hand derivation: w[k] = I0(2·√(1 − ((k−5)/5)²)) / I0(2). Ends: I0(0)/I0(2) = 1/2.279585302336067;
        // centre: 1; k = 1: I0(2·√(1 − 0.64)) = I0(1.2). Values agree with numpy.kaiser(11, 2):
        // 0.4386762798370488 0.6113943543616491 0.7676749968275236 0.8921614338542881 0.9723298008693713 1.
        double[] numpy = {0.4386762798370488, 0.6113943543616491, 0.7676749968275236, 0.8921614338542881,
            0.9723298008693713, 1.0, 0.9723298008693713, 0.8921614338542881, 0.7676749968275236, 0.6113943543616491,
            0.4386762798370488};
        assertArrayEquals(numpy, w, 1e-15);
        assertEquals(1 / 2.279585302336067, w[0], 1e-15);
        for (int k = 0; k < 11; k++) {
            double r = (k - 5) / 5.0;
            assertEquals(i0ByIntegral(2 * Math.sqrt(1 - r * r)) / i0ByIntegral(2), w[k], 1e-13, "w[" + k + "]");
        }
        assertArrayEquals(new double[] {1.0}, KaiserSmoothing.kaiserWindow(1, 2));
    }

    @Test
    void matchesTheBooksSmoothCurveOnAFixedSeries() {
        double[] x = {2.3, 2.1, 1.7, 1.9, 1.2, 0.9, 1.1, 0.6, 0.8, 0.5, 0.55, 0.4};
        // The book's common/util.py smooth_curve run under numpy 2.4 on this series.
        double[] book = {1.7444328536684808, 1.7341296692591208, 1.6526448104197382, 1.5247571549704566,
            1.3783507659711187, 1.2105725551444095, 1.035040079772324, 0.8807859660603659, 0.7642554332135935,
            0.6561788375456453, 0.6100201392522, 0.5810481615567874};
        assertArrayEquals(book, KaiserSmoothing.smooth(x), 1e-14);
    }

    @Test
    void matchesANaivePadConvolveTrimOnARandomSeries() {
        Random random = new Random(42);
        double[] x = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = 2.3 * Math.exp(-i / 15.0) + 0.3 * random.nextDouble();
        }
        assertArrayEquals(naiveBookSmoothing(x), KaiserSmoothing.smooth(x), 1e-12);
    }

    /**
     * The book's three steps written out literally: pad (10 reflected points at each end, the first edge value not
     * repeated, the last repeated), full "valid" convolution with the normalised window, then drop 5 points from
     * each end. The window comes from the integral form of I0, not from the class under test.
     */
    private static double[] naiveBookSmoothing(double[] x) {
        int n = x.length;
        int windowLength = 11;
        double[] padded = new double[n + 2 * (windowLength - 1)];
        int p = 0;
        for (int i = windowLength - 1; i >= 1; i--) {
            padded[p++] = x[i];
        }
        for (double value : x) {
            padded[p++] = value;
        }
        for (int i = n - 1; i >= n - (windowLength - 1); i--) {
            padded[p++] = x[i];
        }
        double[] w = new double[windowLength];
        double total = 0;
        for (int k = 0; k < windowLength; k++) {
            double r = 2.0 * k / (windowLength - 1) - 1;
            w[k] = i0ByIntegral(2 * Math.sqrt(1 - r * r)) / i0ByIntegral(2);
            total += w[k];
        }
        // valid convolution: y[j] = Σ_m w[m]·padded[j + (L−1) − m], j = 0 .. len − L
        double[] valid = new double[padded.length - windowLength + 1];
        for (int j = 0; j < valid.length; j++) {
            for (int m = 0; m < windowLength; m++) {
                valid[j] += w[m] / total * padded[j + windowLength - 1 - m];
            }
        }
        return Arrays.copyOfRange(valid, 5, valid.length - 5);
    }

    @Test
    void keepsAConstantSeriesConstant() {
        for (int n : new int[] {1, 2, 3, 5, 10, 11, 12, 100}) {
            double[] x = new double[n];
            Arrays.fill(x, 0.75);
            double[] smoothed = KaiserSmoothing.smooth(x);
            for (double value : smoothed) {
                assertEquals(0.75, value, 1e-15, "n = " + n);
            }
        }
    }

    @Test
    void keepsALinearSeriesLinearInTheInterior() {
        double[] x = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = 3 - 0.05 * i;
        }
        double[] smoothed = KaiserSmoothing.smooth(x);
        // A symmetric window reproduces a line exactly wherever it does not touch the padding (5 points each end).
        for (int i = 5; i < x.length - 5; i++) {
            assertEquals(x[i], smoothed[i], 1e-13, "index " + i);
        }
        // The reflected padding bends a line at the ends: the first point is pulled towards the values after it.
        assertTrue(smoothed[0] < x[0]);
    }

    @Test
    void copesWithSeriesShorterThanTheWindow() {
        assertArrayEquals(new double[0], KaiserSmoothing.smooth(new double[0]));
        assertArrayEquals(new double[] {0.9}, KaiserSmoothing.smooth(new double[] {0.9}));
        // Two points: the window shrinks to one point, the identity.
        assertArrayEquals(new double[] {0.9, 0.4}, KaiserSmoothing.smooth(new double[] {0.9, 0.4}));

        // Five points: a 5-point Kaiser window, β = 2 (numpy.kaiser(5, 2) = a, b, 1, b, a), reflected padding
        // x[-1] = x[1], x[-2] = x[2], x[5] = x[4], x[6] = x[3]. Centre point by hand:
        double a = 0.4386762798370488;
        double b = 0.8347614334011666;
        double total = 2 * a + 2 * b + 1;
        double[] x = {1.0, 0.8, 0.7, 0.5, 0.45};
        double[] smoothed = KaiserSmoothing.smooth(x);
        assertEquals(5, smoothed.length);
        assertEquals((a * x[0] + b * x[1] + x[2] + b * x[3] + a * x[4]) / total, smoothed[2], 1e-15);
        assertEquals((a * x[2] + b * x[1] + x[0] + b * x[1] + a * x[2]) / total, smoothed[0], 1e-15);
        assertEquals((a * x[2] + b * x[3] + x[4] + b * x[4] + a * x[3]) / total, smoothed[4], 1e-15);

        // Ten points: the window shrinks to 9; every value finite and within the data's range.
        double[] ten = {2.3, 2.0, 1.6, 1.5, 1.1, 1.0, 0.8, 0.9, 0.6, 0.5};
        double[] smoothedTen = KaiserSmoothing.smooth(ten);
        assertEquals(10, smoothedTen.length);
        for (double value : smoothedTen) {
            assertTrue(Double.isFinite(value) && value >= 0.5 && value <= 2.3, "value " + value);
        }
        // Centre of the 9-point window at index 4 reaches indices 0..8, no padding at all.
        double[] w9 = KaiserSmoothing.kaiserWindow(9, 2);
        double sum = 0;
        double weighted = 0;
        for (int k = 0; k < 9; k++) {
            sum += w9[k];
            weighted += w9[k] * ten[k];
        }
        assertEquals(weighted / sum, smoothedTen[4], 1e-15);
    }

    @Test
    void rejectsAnEvenWindow() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> KaiserSmoothing.smooth(new double[] {1, 2, 3}, 4, 2));
        assertTrue(error.getMessage().contains("4"), error.getMessage());
    }
}
