package dev.descent.experiments.stats;

import java.util.Arrays;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * One setting's final losses against the baseline's, across seeds: Welch's two-sided t-test (unequal variances)
 * and the two-sided Mann–Whitney U test, both from Commons Math.
 *
 * <p>Diverged seeds are given as +∞. Welch's test needs finite numbers, so it leaves them out (and says so when
 * that leaves fewer than two); the rank test keeps them as the worst losses, which is what they are. Each test
 * needs at least two values per side; otherwise its p-value is NaN and {@code welchReason} /
 * {@code mannWhitneyReason} says why. Commons Math 3.6.1 computes the U test's p-value with the normal
 * approximation (no exact small-sample table), so with 5 seeds per side the smallest p it can give is about
 * 0.009.
 *
 * @param meanDifference     mean final loss of the setting minus that of the baseline, finite seeds only
 *                           (negative: the setting ends lower)
 * @param welchP             two-sided p-value of Welch's t-test, or NaN
 * @param welchReason        why {@code welchP} is NaN, else null
 * @param mannWhitneyP       two-sided p-value of the Mann–Whitney U test, or NaN
 * @param mannWhitneyReason  why {@code mannWhitneyP} is NaN, else null
 */
public record BaselineTest(double meanDifference, double welchP, String welchReason, double mannWhitneyP,
                           String mannWhitneyReason) {

    /** Fewer values than this per side and a test is not run. */
    public static final int MIN_SEEDS = 2;

    public static BaselineTest of(double[] settingFinalLosses, double[] baselineFinalLosses) {
        for (double[] side : new double[][] {settingFinalLosses, baselineFinalLosses}) {
            for (double value : side) {
                if (Double.isNaN(value) || value == Double.NEGATIVE_INFINITY) {
                    throw new IllegalArgumentException("final loss " + value + " in " + Arrays.toString(side)
                            + "; give a diverged seed as +Infinity");
                }
            }
        }
        double[] setting = finite(settingFinalLosses);
        double[] baseline = finite(baselineFinalLosses);
        double meanDifference = setting.length == 0 || baseline.length == 0 ? Double.NaN
                : MeanStd.of(setting).mean() - MeanStd.of(baseline).mean();

        double welchP = Double.NaN;
        String welchReason = tooFew(setting.length, baseline.length, settingFinalLosses.length,
                baselineFinalLosses.length);
        if (welchReason == null) {
            if (MeanStd.of(setting).std() == 0 && MeanStd.of(baseline).std() == 0) {
                welchReason = "both sides have identical final losses across seeds (zero variance)";
            } else {
                welchP = new TTest().tTest(setting, baseline);
            }
        }

        double mannWhitneyP = Double.NaN;
        String mannWhitneyReason = tooFew(settingFinalLosses.length, baselineFinalLosses.length,
                settingFinalLosses.length, baselineFinalLosses.length);
        if (mannWhitneyReason == null) {
            mannWhitneyP = new MannWhitneyUTest().mannWhitneyUTest(settingFinalLosses, baselineFinalLosses);
        }
        return new BaselineTest(meanDifference, welchP, welchReason, mannWhitneyP, mannWhitneyReason);
    }

    private static String tooFew(int setting, int baseline, int settingSeeds, int baselineSeeds) {
        if (setting >= MIN_SEEDS && baseline >= MIN_SEEDS) {
            return null;
        }
        String diverged = setting < settingSeeds || baseline < baselineSeeds ? " not diverged" : "";
        return "needs at least " + MIN_SEEDS + " seeds per side, got " + setting + " and " + baseline + diverged;
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }
}
