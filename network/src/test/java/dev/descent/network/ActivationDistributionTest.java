package dev.descent.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.network.ActivationDistribution.Function;
import dev.descent.network.ActivationDistribution.Layer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The §6.2 activation histograms: a case worked out by hand, the book-sized experiment against an oracle
 * written here (its own forward pass and its own binning by counting edges), and the shapes the book's
 * figures 6-10 to 6-14 show.
 */
class ActivationDistributionTest {

    @Test
    void handWorkedCase() {
        // x = [0.5, 0.25]; W1 = I, so layer 1 is f(0.5), f(0.25); W2 = [[2, 0], [0, −1]] gives a = (2·z1, −z2).
        double[][] x = {{0.5, 0.25}};
        double[][][] w = {{{1, 0}, {0, 1}}, {{2, 0}, {0, -1}}};
        Layer[] relu = ActivationDistribution.histograms(x, w, Function.RELU);
        // ReLU layer 1: 0.5 is in bin 15 = [15/30, 16/30), 0.25 in bin 7 = [7/30, 8/30) (7.5 rounds down).
        assertEquals(1, relu[0].counts()[15]);
        assertEquals(1, relu[0].counts()[7]);
        assertEquals(2, Arrays.stream(relu[0].counts()).sum());
        // ReLU layer 2: (1.0, 0): 1.0 is in the last, closed bin; 0 in bin 0.
        assertEquals(1, relu[1].counts()[29]);
        assertEquals(1, relu[1].counts()[0]);
        assertEquals(0.5, relu[1].mean(), 0);
        assertEquals(0.5, relu[1].std(), 0);
        // tanh layer 2: tanh(2·tanh(0.5)) = tanh(0.9242) ≈ 0.7279 in bin 21 = [0.7, 0.7333); −tanh(tanh(0.25)) < 0 is below.
        Layer[] tanh = ActivationDistribution.histograms(x, w, Function.TANH);
        assertEquals(0.7279, Math.tanh(2 * Math.tanh(0.5)), 1e-4);
        assertEquals(1, tanh[1].counts()[21]);
        assertEquals(1, tanh[1].below());
        assertEquals(2, tanh[1].total());
        // sigmoid layer 1: σ(0.5) ≈ 0.6225 in bin 18 = [0.6, 0.6333), σ(0.25) ≈ 0.5622 in bin 16 = [0.5333, 0.5667).
        Layer[] sigmoid = ActivationDistribution.histograms(x, w, Function.SIGMOID);
        assertEquals(1, sigmoid[0].counts()[18]);
        assertEquals(1, sigmoid[0].counts()[16]);
    }

    @Test
    void valuesAboveOneAreCountedOutsideTheBins() {
        Layer[] relu = ActivationDistribution.histograms(new double[][] {{3, 1}}, new double[][][] {{{1}, {0}}},
                Function.RELU);
        assertEquals(1, relu[0].above());
        assertEquals(0, Arrays.stream(relu[0].counts()).sum());
    }

    @ParameterizedTest(name = "{0}, std {1}")
    @CsvSource({"sigmoid, 1", "sigmoid, xavier", "relu, he", "relu, 0.01", "tanh, xavier"})
    void bookSizedExperimentMatchesTheOracle(String function, String init) {
        Layer[] layers = ActivationDistribution.compute(Function.parse(function), WeightInit.parse(init), 7);
        long[][] expected = oracle(function, WeightInit.parse(init).std(100), 7);
        assertEquals(5, layers.length);
        for (int l = 0; l < 5; l++) {
            long[] actual = new long[32];
            for (int k = 0; k < 30; k++) {
                actual[k] = layers[l].counts()[k];
            }
            actual[30] = layers[l].below();
            actual[31] = layers[l].above();
            assertArrayEquals(expected[l], actual, "layer " + (l + 1));
            assertEquals(100_000, layers[l].total());
        }
    }

    @Test
    void theShapesOfTheBooksFigures() {
        // Figure 6-10, sigmoid, std 1: |a| is large (std √100 = 10), so most values sit at 0 or 1.
        for (Layer layer : compute("sigmoid", "1")) {
            assertTrue(share(layer, 0, 0) + share(layer, 29, 29) > 0.4, Arrays.toString(layer.counts()));
        }
        // Figure 6-11, sigmoid, std 0.01: a has std 0.01·√(100·0.25) = 0.05 from layer 2 on, so σ(a) stays
        // within 0.5 ± 0.04: bins 13 to 16.
        Layer[] small = compute("sigmoid", "0.01");
        for (int l = 1; l < 5; l++) {
            assertTrue(share(small[l], 13, 16) > 0.99, Arrays.toString(small[l].counts()));
        }
        // Figure 6-13, sigmoid, Xavier: spread over many bins in every layer, little at the ends.
        for (Layer layer : compute("sigmoid", "xavier")) {
            long nonEmpty = Arrays.stream(layer.counts()).filter(c -> c > 0).count();
            assertTrue(nonEmpty >= 10 && share(layer, 0, 0) + share(layer, 29, 29) < 0.05,
                    Arrays.toString(layer.counts()));
        }
        // Figure 6-14, ReLU: E[z²] = std² + mean² stays near 1 with He (Var(a) = 100·(2/100)·E[z²], halved by
        // ReLU), halves per layer with Xavier, and falls by ~100× per layer with 0.01.
        double[] he = secondMoments(compute("relu", "he"));
        double[] xavier = secondMoments(compute("relu", "xavier"));
        double[] hundredth = secondMoments(compute("relu", "0.01"));
        assertEquals(1, he[0], 0.1);
        assertEquals(0.5, xavier[0], 0.05);
        assertTrue(he[4] > 0.25, "He keeps the scale: " + Arrays.toString(he));
        assertTrue(xavier[4] < 0.1 && xavier[4] > 0.005, "Xavier shrinks it: " + Arrays.toString(xavier));
        assertTrue(hundredth[4] < 1e-9, "0.01 makes it vanish: " + Arrays.toString(hundredth));
    }

    @Test
    void theSeedDecidesTheNumbers() {
        Layer[] a = ActivationDistribution.compute(Function.RELU, WeightInit.he(), 3, 50, 20, 3);
        Layer[] b = ActivationDistribution.compute(Function.RELU, WeightInit.he(), 3, 50, 20, 3);
        Layer[] c = ActivationDistribution.compute(Function.RELU, WeightInit.he(), 4, 50, 20, 3);
        assertArrayEquals(a[2].counts(), b[2].counts());
        assertEquals(a[2].std(), b[2].std(), 0);
        assertFalse(Arrays.equals(a[2].counts(), c[2].counts()));
    }

    @Test
    void badArgumentsAreNamed() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class, () -> Function.parse("softplus"));
        assertEquals("unknown activation 'softplus': expected one of sigmoid, relu, tanh", name.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> ActivationDistribution.compute(Function.RELU, WeightInit.he(), 1, 0, 10, 5));
        assertTrue(size.getMessage().startsWith("examples 0"), size.getMessage());
    }

    private static Layer[] compute(String function, String init) {
        return ActivationDistribution.compute(Function.parse(function), WeightInit.parse(init), 0);
    }

    private static double share(Layer layer, int fromBin, int toBin) {
        long sum = 0;
        for (int k = fromBin; k <= toBin; k++) {
            sum += layer.counts()[k];
        }
        return (double) sum / layer.total();
    }

    private static double[] secondMoments(Layer[] layers) {
        return Arrays.stream(layers).mapToDouble(l -> l.std() * l.std() + l.mean() * l.mean()).toArray();
    }

    /**
     * The oracle: the book's script with 1000 × 100 inputs and 5 layers of 100, written out again, binned
     * by counting how many of NumPy's edges k·(1/30) (k = 1 … 29) a value reaches; 1 goes in the last bin.
     * Returns per layer the 30 counts, then the count below 0, then above 1.
     */
    private static long[][] oracle(String function, double std, long seed) {
        Gaussian gaussian = new Gaussian(seed);
        double[][] z = new double[1000][100];
        for (int i = 0; i < 1000; i++) {
            for (int j = 0; j < 100; j++) {
                z[i][j] = gaussian.next();
            }
        }
        double[][][] w = new double[5][100][100];
        for (int l = 0; l < 5; l++) {
            for (int p = 0; p < 100; p++) {
                for (int j = 0; j < 100; j++) {
                    w[l][p][j] = std * gaussian.next();
                }
            }
        }
        long[][] result = new long[5][32];
        for (int l = 0; l < 5; l++) {
            double[][] next = new double[1000][100];
            for (int i = 0; i < 1000; i++) {
                for (int j = 0; j < 100; j++) {
                    double a = 0;
                    for (int p = 0; p < 100; p++) {
                        a += z[i][p] * w[l][p][j];
                    }
                    double v;
                    if (function.equals("sigmoid")) {
                        v = 1 / (1 + Math.exp(-a));
                    } else if (function.equals("relu")) {
                        v = a > 0 ? a : 0;
                    } else {
                        v = Math.tanh(a);
                    }
                    next[i][j] = v;
                    if (v < 0) {
                        result[l][30]++;
                    } else if (v > 1) {
                        result[l][31]++;
                    } else {
                        int bin = 0;
                        for (int k = 1; k < 30; k++) {
                            if (v >= k * (1.0 / 30)) {
                                bin = k;
                            }
                        }
                        result[l][bin]++;
                    }
                }
            }
            z = next;
        }
        return result;
    }
}
