package dev.descent.experiments.trajectory;

/**
 * The points one optimizer visits on the {@link Bowl}: index 0 is the start, index t the point after t updates.
 *
 * @param optimizer the optimizer's canonical spec
 * @param x the x coordinates, {@code steps + 1} of them
 * @param y the y coordinates, as many as {@code x}
 */
public record Trajectory(String optimizer, float[] x, float[] y) {

    public Trajectory {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("a trajectory needs as many x as y coordinates and at least one; got "
                + x.length + " and " + y.length);
        }
    }

    /** The number of updates. */
    public int steps() {
        return x.length - 1;
    }

    public float finalX() {
        return x[steps()];
    }

    public float finalY() {
        return y[steps()];
    }

    /** The first step whose point is NaN or infinite, or -1 when the whole path is finite. */
    public int divergedAt() {
        for (int t = 0; t < x.length; t++) {
            if (!Float.isFinite(x[t]) || !Float.isFinite(y[t])) {
                return t;
            }
        }
        return -1;
    }

    /** f at the last point. */
    public double finalValue() {
        return Bowl.value(finalX(), finalY());
    }
}
