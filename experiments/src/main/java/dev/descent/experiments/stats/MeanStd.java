package dev.descent.experiments.stats;

/**
 * The mean and sample standard deviation of a few numbers (one per seed).
 *
 * @param count how many values went in
 * @param mean  their mean; NaN when {@code count == 0}
 * @param std   sample standard deviation, √(Σ(x − mean)² / (count − 1)); NaN when {@code count < 2}
 */
public record MeanStd(int count, double mean, double std) {

    /** The values must be finite: leave diverged seeds out before calling, and say how many were left out. */
    public static MeanStd of(double... values) {
        double sum = 0;
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("mean/std of a non-finite value " + value
                        + "; leave diverged seeds out before aggregating");
            }
            sum += value;
        }
        int count = values.length;
        if (count == 0) {
            return new MeanStd(0, Double.NaN, Double.NaN);
        }
        double mean = sum / count;
        if (count < 2) {
            return new MeanStd(count, mean, Double.NaN);
        }
        // Two passes: the one-pass Σx² − n·mean² loses every digit when the spread is tiny next to the mean.
        double squares = 0;
        for (double value : values) {
            double deviation = value - mean;
            squares += deviation * deviation;
        }
        return new MeanStd(count, mean, Math.sqrt(squares / (count - 1)));
    }
}
