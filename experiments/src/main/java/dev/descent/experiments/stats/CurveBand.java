package dev.descent.experiments.stats;

import java.util.Arrays;
import java.util.List;

/**
 * A mean curve with a ±1 standard deviation band, point by point over several seeds' curves.
 *
 * <p>Curves may differ in length: a diverged seed's curve ends at its divergence. Point {@code i} averages the
 * curves that reach {@code i}, and {@link #count()} says how many did, so a reader can see where the mean starts
 * to speak for the surviving seeds only.
 *
 * @param mean  mean over the curves that reach each point; length = the longest curve
 * @param std   sample standard deviation at each point, NaN where fewer than two curves reach it
 * @param count curves that reach each point
 */
public record CurveBand(double[] mean, double[] std, int[] count) {

    public static CurveBand of(List<double[]> curves) {
        int length = curves.stream().mapToInt(curve -> curve.length).max().orElse(0);
        double[] mean = new double[length];
        double[] std = new double[length];
        int[] count = new int[length];
        double[] column = new double[curves.size()];
        for (int i = 0; i < length; i++) {
            int reached = 0;
            for (double[] curve : curves) {
                if (i < curve.length) {
                    column[reached++] = curve[i];
                }
            }
            MeanStd point = MeanStd.of(Arrays.copyOf(column, reached));
            mean[i] = point.mean();
            std[i] = point.std();
            count[i] = reached;
        }
        return new CurveBand(mean, std, count);
    }

    public int length() {
        return mean.length;
    }
}
