package dev.descent.network;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The book's experiment on initial weights and hidden-layer activations (§6.2.2–§6.2.4, figures 6-10 to
 * 6-14, {@code ch06/weight_init_activation_histogram.py}): 1000 inputs of 100 standard normal features
 * pass through 5 layers of 100 nodes without biases, a = z·W then z = f(a), with every weight drawn from
 * N(0, std²); the activations of each layer are counted in 30 equal bins over [0, 1], as
 * {@code plt.hist(a.flatten(), 30, range=(0,1))} does.
 * <ul>
 *   <li>sigmoid with std 1: activations pile up at 0 and 1, where the gradient vanishes (figure 6-10);</li>
 *   <li>sigmoid with std 0.01: everything near 0.5, the nodes all say the same (figure 6-11);</li>
 *   <li>sigmoid with Xavier, std √(1/n): spread out in every layer (figure 6-13);</li>
 *   <li>ReLU with 0.01, Xavier and He, std √(2/n): only He keeps the same spread in every layer (figure 6-14).</li>
 * </ul>
 *
 * <p><b>Numbers.</b> The inputs and then W1, …, W5 (each row-major) come from one seeded Box–Muller stream
 * ({@link Gaussian}, {@code SplittableRandom(seed)}); everything is computed in double, as the book's
 * NumPy does, with each dot product summed in index order, so the result depends on the seed alone.
 * Bin k holds edge_k ≤ v &lt; edge_{k+1} with edge_k = k · (1/30) and the last bin closed at 1 (NumPy's
 * {@code linspace} and {@code histogram} rules); values outside [0, 1] (tanh below 0, ReLU above 1) are not in
 * any bin, as in the book's plot, and are counted separately so nothing is lost silently.
 */
public final class ActivationDistribution {

    /** The book's sizes: 1000 examples, 100 features and nodes, 5 layers, 30 bins over [0, 1]. */
    public static final int EXAMPLES = 1000;
    public static final int NODES = 100;
    public static final int LAYERS = 5;
    public static final int BINS = 30;

    /** The activation of the hidden layers; the book's script has sigmoid, ReLU and (commented out) tanh. */
    public enum Function {
        SIGMOID, RELU, TANH;

        double apply(double a) {
            switch (this) {
                case SIGMOID:
                    return 1 / (1 + Math.exp(-a));
                case RELU:
                    return Math.max(0, a);
                default:
                    return Math.tanh(a);
            }
        }

        /**
         * Parses "sigmoid", "relu" or "tanh", ignoring case and surrounding spaces.
         *
         * @throws IllegalArgumentException naming the value and the valid ones
         */
        public static Function parse(String s) {
            if (s != null) {
                String name = s.trim().toLowerCase(Locale.ROOT);
                for (Function f : values()) {
                    if (f.toString().equals(name)) {
                        return f;
                    }
                }
            }
            throw new IllegalArgumentException("unknown activation '" + s + "': expected one of "
                    + Arrays.stream(values()).map(Function::toString).collect(Collectors.joining(", ")));
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One layer's activations: {@code counts[k]} values in bin k, {@code below} values under 0 and
     * {@code above} values over 1 (in no bin), and the mean and standard deviation of all values.
     */
    public record Layer(int[] counts, long below, long above, double mean, double std) {

        /** The number of values: the bins plus those outside [0, 1]. */
        public long total() {
            return Arrays.stream(counts).asLongStream().sum() + below + above;
        }
    }

    private ActivationDistribution() {
    }

    /**
     * The book's experiment: {@value #EXAMPLES} inputs, {@value #LAYERS} layers of {@value #NODES} nodes.
     *
     * @param init std of the weights; Xavier and He use the layer's fan-in, 100
     * @return one {@link Layer} per layer, first layer first
     */
    public static Layer[] compute(Function function, WeightInit init, long seed) {
        return compute(function, init, seed, EXAMPLES, NODES, LAYERS);
    }

    /** As {@link #compute(Function, WeightInit, long)} with other sizes; the inputs have {@code nodes} features. */
    public static Layer[] compute(Function function, WeightInit init, long seed, int examples, int nodes,
                                  int layers) {
        if (function == null || init == null) {
            throw new IllegalArgumentException(function == null ? "function is null" : "init is null");
        }
        if (examples < 1 || nodes < 1 || layers < 1) {
            throw new IllegalArgumentException("examples " + examples + ", nodes " + nodes + " and layers " + layers
                    + " must all be at least 1");
        }
        Gaussian gaussian = new Gaussian(seed);
        double[][] x = new double[examples][nodes];   // x is (examples, nodes)
        for (double[] row : x) {
            for (int j = 0; j < nodes; j++) {
                row[j] = gaussian.next();
            }
        }
        double std = init.std(nodes);
        double[][][] weights = new double[layers][nodes][nodes];   // W_l is (nodes, nodes)
        for (double[][] w : weights) {
            for (double[] row : w) {
                for (int j = 0; j < nodes; j++) {
                    row[j] = std * gaussian.next();
                }
            }
        }
        return histograms(x, weights, function);
    }

    /**
     * The histograms for given inputs and weights: z_0 = x, z_l = f(z_{l−1}·W_l).
     *
     * @param x       x is (N, D)
     * @param weights W_l is (D_{l−1}, D_l), D_0 = D
     */
    public static Layer[] histograms(double[][] x, double[][][] weights, Function function) {
        Layer[] result = new Layer[weights.length];
        double[][] z = x;
        for (int l = 0; l < weights.length; l++) {
            double[][] w = weights[l];
            if (w.length != z[0].length) {
                throw new IllegalArgumentException("W" + (l + 1) + " has " + w.length + " rows, its input has "
                        + z[0].length + " columns");
            }
            double[][] next = new double[z.length][w[0].length];
            for (int i = 0; i < z.length; i++) {
                for (int j = 0; j < w[0].length; j++) {
                    double a = 0;
                    for (int p = 0; p < w.length; p++) {
                        a += z[i][p] * w[p][j];
                    }
                    next[i][j] = function.apply(a);
                }
            }
            result[l] = count(next);
            z = next;
        }
        return result;
    }

    /** The left edge of bin k (k = 0 … {@value #BINS}; edge {@value #BINS} is 1). */
    public static double edge(int k) {
        return k == BINS ? 1.0 : k * (1.0 / BINS);
    }

    private static Layer count(double[][] z) {
        int[] counts = new int[BINS];
        long below = 0;
        long above = 0;
        double sum = 0;
        long n = 0;
        for (double[] row : z) {
            for (double v : row) {
                sum += v;
                n++;
                if (v < 0) {
                    below++;
                } else if (v > 1) {
                    above++;
                } else {
                    counts[bin(v)]++;
                }
            }
        }
        double mean = sum / n;
        double squares = 0;
        for (double[] row : z) {
            for (double v : row) {
                squares += (v - mean) * (v - mean);
            }
        }
        return new Layer(counts, below, above, mean, Math.sqrt(squares / n));
    }

    /** The bin of v in [0, 1]: the k with edge(k) ≤ v &lt; edge(k + 1), the last bin closed. */
    private static int bin(double v) {
        int k = Math.min((int) (v * BINS), BINS - 1);
        if (v < edge(k)) {            // v·30 rounded up across an edge
            k--;
        } else if (k < BINS - 1 && v >= edge(k + 1)) {
            k++;
        }
        return k;
    }
}
