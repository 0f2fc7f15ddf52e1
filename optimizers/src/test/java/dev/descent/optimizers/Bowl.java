package dev.descent.optimizers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The book's 2-D test function f(x, y) = x²/20 + y², gradient (x/10, 2y), started at (−7, 2), with x and y as
 * two one-element parameters, as in the trajectory experiment.
 */
final class Bowl {

    static final double START_X = -7;
    static final double START_Y = 2;

    private Bowl() {
    }

    /** Positions after 0, 1, …, steps updates, each {x, y}, from the float32 optimizer. */
    static double[][] trajectory(Optimizer optimizer, int steps) {
        float[] x = {(float) START_X};
        float[] y = {(float) START_Y};
        Map<String, float[]> params = new LinkedHashMap<>();
        params.put("x", x);
        params.put("y", y);
        double[][] path = new double[steps + 1][];
        path[0] = new double[] {x[0], y[0]};
        for (int step = 1; step <= steps; step++) {
            Map<String, float[]> grads = new LinkedHashMap<>();
            grads.put("x", new float[] {(float) (x[0] / 10.0)});
            grads.put("y", new float[] {(float) (2.0 * y[0])});
            optimizer.update(params, grads);
            path[step] = new double[] {x[0], y[0]};
        }
        return path;
    }

    /** Positions after 0, 1, …, steps updates from the double-precision reference. */
    static double[][] trajectory(NaiveOptimizer reference, int steps) {
        double[] x = {START_X};
        double[] y = {START_Y};
        Map<String, double[]> params = new LinkedHashMap<>();
        params.put("x", x);
        params.put("y", y);
        double[][] path = new double[steps + 1][];
        path[0] = new double[] {x[0], y[0]};
        for (int step = 1; step <= steps; step++) {
            Map<String, double[]> grads = new LinkedHashMap<>();
            grads.put("x", new double[] {x[0] / 10});
            grads.put("y", new double[] {2 * y[0]});
            reference.step(params, grads);
            path[step] = new double[] {x[0], y[0]};
        }
        return path;
    }
}
