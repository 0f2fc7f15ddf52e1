package dev.descent.experiments.stats;

import java.util.Arrays;

/**
 * How soon each seed reached a target test accuracy, and the median over seeds.
 *
 * <p>A seed reaches the target at the first evaluation whose accuracy is at least the target; the iteration is
 * the loop iteration of that evaluation (the charts' x axis; that many plus one updates were done). A seed that
 * never reaches it counts as +∞, not as missing: the median over five seeds of which two never got there is the
 * third smallest time, and the median is "not reached" (+∞) as soon as half or more of the seeds failed. Leaving
 * the failures out instead would make a setting that rarely reaches the target look fast.
 *
 * <p>Seconds are estimated per seed as updates × that run's mean training time per update, so evaluation time
 * (the same for every optimizer) is left out.
 *
 * @param target            the accuracy to reach
 * @param iterations        per seed, the first evaluated iteration at or above the target, or -1
 * @param seconds           per seed, the training seconds up to that iteration, or +∞
 * @param reached           seeds that reached the target
 * @param medianIterations  median of {@code iterations} with -1 read as +∞; +∞ when not reached
 * @param medianSeconds     median of {@code seconds}; +∞ when not reached
 */
public record TimeToTarget(double target, int[] iterations, double[] seconds, int reached, double medianIterations,
                           double medianSeconds) {

    /** Marks a seed that never reached the target in {@link #iterations()}. */
    public static final int NOT_REACHED = -1;

    /**
     * @param evalIterations  per seed, the loop iterations after which accuracy was measured
     * @param accuracy        per seed, the accuracies measured there
     * @param msPerIteration  per seed, the mean training milliseconds per update
     */
    public static TimeToTarget of(double target, int[][] evalIterations, double[][] accuracy,
                                  double[] msPerIteration) {
        int seeds = evalIterations.length;
        if (accuracy.length != seeds || msPerIteration.length != seeds) {
            throw new IllegalArgumentException("time to target needs one entry per seed in each array, got "
                    + seeds + ", " + accuracy.length + " and " + msPerIteration.length);
        }
        int[] iterations = new int[seeds];
        double[] seconds = new double[seeds];
        double[] iterationsOrInfinity = new double[seeds];
        int reached = 0;
        for (int seed = 0; seed < seeds; seed++) {
            iterations[seed] = firstReach(evalIterations[seed], accuracy[seed], target);
            if (iterations[seed] == NOT_REACHED) {
                seconds[seed] = Double.POSITIVE_INFINITY;
                iterationsOrInfinity[seed] = Double.POSITIVE_INFINITY;
            } else {
                seconds[seed] = (iterations[seed] + 1) * msPerIteration[seed] / 1000.0;
                iterationsOrInfinity[seed] = iterations[seed];
                reached++;
            }
        }
        return new TimeToTarget(target, iterations, seconds, reached, median(iterationsOrInfinity),
                median(seconds));
    }

    /** The first evaluated iteration whose accuracy is at least {@code target}, or {@link #NOT_REACHED}. */
    public static int firstReach(int[] evalIterations, double[] accuracy, double target) {
        if (evalIterations.length != accuracy.length) {
            throw new IllegalArgumentException(evalIterations.length + " evaluation iterations but "
                    + accuracy.length + " accuracies");
        }
        for (int i = 0; i < accuracy.length; i++) {
            if (accuracy[i] >= target) {
                return evalIterations[i];
            }
        }
        return NOT_REACHED;
    }

    /**
     * The median, +∞ allowed: the middle value of the sorted values, or the mean of the two middle ones (+∞ if
     * either is). NaN for no values.
     */
    public static double median(double... values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        if (sorted.length % 2 == 1) {
            return sorted[middle];
        }
        return (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public int seeds() {
        return iterations.length;
    }

    /** True when the median seed reached the target. */
    public boolean medianReached() {
        return Double.isFinite(medianIterations);
    }
}
