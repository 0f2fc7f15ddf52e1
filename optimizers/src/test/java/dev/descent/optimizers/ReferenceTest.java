package dev.descent.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The float32 optimizers against their double-precision twins in {@link NaiveOptimizer}. */
class ReferenceTest {

    private static final int STEPS = 30;
    private static final double TOLERANCE = 1e-4;

    /** The settings of the book's figure 6-8 (Nesterov at Momentum's), each with its reference written out. */
    static Stream<Arguments> bookFigureSettings() {
        return Stream.of(
                row("sgd:lr=0.95", () -> NaiveOptimizer.sgd(0.95)),
                row("momentum:lr=0.1", () -> NaiveOptimizer.momentum(0.1, 0.9)),
                row("nesterov:lr=0.1", () -> NaiveOptimizer.nesterov(0.1, 0.9)),
                row("adagrad:lr=1.5", () -> NaiveOptimizer.adagrad(1.5, 1e-7)),
                row("rmsprop:lr=0.1", () -> NaiveOptimizer.rmsprop(0.1, 0.99, 1e-7)),
                row("adam:lr=0.3", () -> NaiveOptimizer.adam(0.3, 0.9, 0.999, 1e-7)));
    }

    private static Arguments row(String spec, Supplier<NaiveOptimizer> reference) {
        return Arguments.of(spec, reference);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bookFigureSettings")
    void thirtyStepTrajectoryMatchesReference(String spec, Supplier<NaiveOptimizer> reference) {
        double[][] actual = Bowl.trajectory(Optimizers.parse(spec), STEPS);
        double[][] expected = Bowl.trajectory(reference.get(), STEPS);
        for (int step = 0; step <= STEPS; step++) {
            assertEquals(expected[step][0], actual[step][0], TOLERANCE, spec + " x at step " + step);
            assertEquals(expected[step][1], actual[step][1], TOLERANCE, spec + " y at step " + step);
        }
    }

    /**
     * Many elements and several keys of different lengths catch indexing mistakes that one-element arrays
     * cannot: a separable quadratic, sum of a_i·w_i²/2 with curvatures a_i in [0.1, 2], gradient a_i·w_i.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bookFigureSettings")
    void manyElementsMatchReference(String spec, Supplier<NaiveOptimizer> reference) {
        Random random = new Random(20240601L);
        Map<String, Integer> lengths = new LinkedHashMap<>();
        lengths.put("W1", 1000);
        lengths.put("b1", 7);
        lengths.put("W2", 313);
        Map<String, float[]> params = new LinkedHashMap<>();
        Map<String, double[]> referenceParams = new LinkedHashMap<>();
        Map<String, double[]> curvatures = new LinkedHashMap<>();
        lengths.forEach((key, length) -> {
            float[] W = new float[length];
            double[] a = new double[length];
            for (int i = 0; i < length; i++) {
                W[i] = (float) (random.nextDouble() * 6 - 3);
                a[i] = 0.1 + 1.9 * random.nextDouble();
            }
            W[0] = 0; // a zero gradient, where the adaptive rules divide 0 by ε
            params.put(key, W);
            referenceParams.put(key, toDouble(W));
            curvatures.put(key, a);
        });
        Optimizer optimizer = Optimizers.parse(spec);
        NaiveOptimizer naive = reference.get();
        for (int step = 1; step <= 20; step++) {
            Map<String, float[]> grads = new LinkedHashMap<>();
            Map<String, double[]> referenceGrads = new LinkedHashMap<>();
            for (String key : lengths.keySet()) {
                float[] W = params.get(key);
                double[] w = referenceParams.get(key);
                double[] a = curvatures.get(key);
                float[] dW = new float[W.length];
                double[] g = new double[w.length];
                for (int i = 0; i < W.length; i++) {
                    dW[i] = (float) (a[i] * W[i]);
                    g[i] = a[i] * w[i];
                }
                grads.put(key, dW);
                referenceGrads.put(key, g);
            }
            optimizer.update(params, grads);
            naive.step(referenceParams, referenceGrads);
            for (String key : lengths.keySet()) {
                float[] W = params.get(key);
                double[] w = referenceParams.get(key);
                for (int i = 0; i < W.length; i++) {
                    assertEquals(w[i], W[i], TOLERANCE, spec + " " + key + "[" + i + "] at step " + step);
                }
            }
        }
    }

    /** The claim in {@link Adam}'s Javadoc: the efficient order is Algorithm 1 with ε̂ = eps/√(1−β2ᵗ). */
    @Test
    void adamEfficientOrderIsBiasCorrectedAdamWithScaledEps() {
        for (double lr : new double[] {0.001, 0.3, 1}) {
            double[][] efficient = Bowl.trajectory(NaiveOptimizer.adam(lr, 0.9, 0.999, 1e-7), 100);
            double[][] corrected = Bowl.trajectory(NaiveOptimizer.adamBiasCorrected(lr, 0.9, 0.999, 1e-7), 100);
            for (int step = 0; step <= 100; step++) {
                double scale = 1 + Math.abs(efficient[step][0]) + Math.abs(efficient[step][1]);
                assertEquals(efficient[step][0], corrected[step][0], 1e-9 * scale, "lr " + lr + " x at step " + step);
                assertEquals(efficient[step][1], corrected[step][1], 1e-9 * scale, "lr " + lr + " y at step " + step);
            }
        }
    }

    private static double[] toDouble(float[] values) {
        double[] copy = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i];
        }
        return copy;
    }
}
