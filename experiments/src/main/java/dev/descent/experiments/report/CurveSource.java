package dev.descent.experiments.report;

import dev.descent.experiments.batch.SettingSummary;
import dev.descent.experiments.stats.CurveBand;
import java.util.function.Function;

/**
 * Which accuracy curve of a setting a chart draws, so that a chart of test accuracy draws training accuracy by
 * being handed another source. The book's figures 6-18, 6-20 and 6-23 plot training accuracy, which a run records
 * when its spec evaluates {@code "train"}; test accuracy is always there.
 *
 * @param fileStem   the chart's file name part, {@code test-accuracy}
 * @param title      the series in a title or axis label, {@code test accuracy}
 * @param iterations the loop iterations at which the curve was measured
 * @param band       the curve, mean and std over seeds at those iterations
 */
public record CurveSource(String fileStem, String title, Function<SettingSummary, int[]> iterations,
                          Function<SettingSummary, CurveBand> band) {

    /** Accuracy on the whole test set at each evaluation. */
    public static final CurveSource TEST_ACCURACY = new CurveSource("test-accuracy", "test accuracy",
            SettingSummary::evalIterations, SettingSummary::accuracy);

    /** Accuracy on the examples trained on at each evaluation, when the spec evaluates {@code "train"}. */
    public static final CurveSource TRAIN_ACCURACY = new CurveSource("train-accuracy", "training accuracy",
            SettingSummary::evalIterations, TrainTestAccuracyChart::trainBand);
}
