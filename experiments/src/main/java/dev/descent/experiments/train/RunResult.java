package dev.descent.experiments.train;

import java.util.Arrays;

/**
 * What one run produced.
 *
 * @param optimizer       canonical optimizer spec
 * @param losses          training loss after each completed update, in loop order; a diverged run stops before its
 *                        first non-finite loss, so every value here is finite
 * @param evalIterations  loop iterations after which the test accuracy was measured
 * @param testAccuracy    accuracy at those iterations, same length
 * @param divergedAt      loop iteration whose loss was NaN or infinite, or -1
 * @param complete        false when the run was stopped early (Ctrl-C); divergence counts as complete
 * @param wallNanos       the time spent working on this run, training and evaluation (not time spent waiting
 *                        for a core while other runs had it)
 * @param trainNanos      time spent in the training steps alone
 * @param trainAccuracy   accuracy on the examples trained on at each evaluation, or empty when not measured
 * @param validationAccuracy accuracy on the validation split at each evaluation, or empty without one
 * @param validationLoss  mean cross-entropy on the validation split at each evaluation (without the weight-decay
 *                        term), or empty without one
 */
public record RunResult(String optimizer, double[] losses, int[] evalIterations, double[] testAccuracy,
                        int divergedAt, boolean complete, long wallNanos, long trainNanos, double[] trainAccuracy,
                        double[] validationAccuracy, double[] validationLoss) {

    private static final double[] NONE = new double[0];

    /** A run that measured the test accuracy only. */
    public RunResult(String optimizer, double[] losses, int[] evalIterations, double[] testAccuracy,
                     int divergedAt, boolean complete, long wallNanos, long trainNanos) {
        this(optimizer, losses, evalIterations, testAccuracy, divergedAt, complete, wallNanos, trainNanos, NONE, NONE,
                NONE);
    }

    /** The book's summary number: the mean of the last {@value #FINAL_LOSS_WINDOW} recorded losses. */
    public static final int FINAL_LOSS_WINDOW = 100;

    public boolean diverged() {
        return divergedAt >= 0;
    }

    /** Mean of the last {@value #FINAL_LOSS_WINDOW} losses; NaN when the run diverged or recorded nothing. */
    public double finalLoss() {
        if (diverged() || losses.length == 0) {
            return Double.NaN;
        }
        int from = Math.max(0, losses.length - FINAL_LOSS_WINDOW);
        return Arrays.stream(losses, from, losses.length).average().orElse(Double.NaN);
    }

    /** The last measured test accuracy, or NaN. */
    public double finalAccuracy() {
        return testAccuracy.length == 0 ? Double.NaN : testAccuracy[testAccuracy.length - 1];
    }

    /** The last train accuracy, or NaN when not measured. */
    public double finalTrainAccuracy() {
        return last(trainAccuracy);
    }

    /** The last validation accuracy, or NaN without a validation split. */
    public double finalValidationAccuracy() {
        return last(validationAccuracy);
    }

    /** The last validation loss, or NaN without a validation split. */
    public double finalValidationLoss() {
        return last(validationLoss);
    }

    private static double last(double[] values) {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    /** Training time per completed update, in milliseconds; NaN when nothing completed. */
    public double msPerIteration() {
        return losses.length == 0 ? Double.NaN : trainNanos / 1e6 / losses.length;
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }
}
