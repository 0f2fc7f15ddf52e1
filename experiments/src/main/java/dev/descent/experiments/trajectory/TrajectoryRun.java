package dev.descent.experiments.trajectory;

import dev.descent.optimizers.Optimizer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Minimises the {@link Bowl} with one optimizer, as the book's optimizer_compare_naive.py does: two one-element
 * parameters {@code x} and {@code y}, their gradients computed at the current point, then one
 * {@code update(params, grads)} per step.
 */
public final class TrajectoryRun {
    private TrajectoryRun() {
    }

    /**
     * Runs {@code steps} updates from ({@code startX}, {@code startY}). Points that become NaN or infinite are
     * recorded as they are: a diverging optimizer is a result here, not an error.
     *
     * @param optimizer a fresh optimizer (its state would otherwise carry over from an earlier run)
     */
    public static Trajectory run(Optimizer optimizer, float startX, float startY, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be at least 0, got " + steps);
        }
        float[] x = {startX};
        float[] y = {startY};
        float[] dx = new float[1];
        float[] dy = new float[1];
        Map<String, float[]> params = new LinkedHashMap<>();
        params.put("x", x);
        params.put("y", y);
        Map<String, float[]> grads = new LinkedHashMap<>();
        grads.put("x", dx);
        grads.put("y", dy);

        float[] xs = new float[steps + 1];
        float[] ys = new float[steps + 1];
        xs[0] = startX;
        ys[0] = startY;
        for (int t = 1; t <= steps; t++) {
            dx[0] = Bowl.gradX(x[0]);
            dy[0] = Bowl.gradY(y[0]);
            optimizer.update(params, grads);
            if (params.get("x") != x || params.get("y") != y) {
                // Layers share their parameter arrays with the optimizer; a replaced array is a silent bug there.
                throw new IllegalStateException(optimizer + " replaced a parameter array instead of updating it"
                    + " in place");
            }
            xs[t] = x[0];
            ys[t] = y[0];
        }
        return new Trajectory(optimizer.toString(), xs, ys);
    }
}
