package dev.descent.experiments.report;

import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.SettingSummary;
import dev.descent.experiments.charts.ChartTheme;
import dev.descent.optimizers.OptimizerSpec;
import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The {@code lr} chart: each setting's learning rate over the run, {@link OptimizerSpec#learningRateAt(long, long)}
 * at iterations 1 … {@code iterations}, one line per setting in its colour, marker and legend label of the loss
 * chart. Drawn only when some setting has a schedule: with every schedule constant it would be flat lines.
 *
 * <p>The rate is the optimizer's {@code lr} times the schedule's multiplier; what a rule does inside its update
 * (Adam's bias correction, schedule-free AdamW's own warm-up, Muon's shape scaling) is not part of it. Points are
 * taken at iteration 1, then every {@value #POINT_EVERY} iterations (10, 20, ...) and at the last iteration; a
 * longer run takes a wider step so that a line keeps at most about {@value #MAX_POINTS} points. Markers fall every
 * {@value BatchCharts#MARKER_EVERY} iterations, as on the loss curves.
 */
final class LearningRateChart {
    static final String BASE_NAME = "lr";
    /** Iterations between two points of a line, in a run short enough ({@link #step}). */
    static final int POINT_EVERY = 10;
    static final int MAX_POINTS = BandSeries.MAX_POINTS;
    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;

    private LearningRateChart() {
    }

    /** Whether some setting's learning rate changes over the run. */
    static boolean wanted(List<SettingSummary> settings) {
        return settings.stream().anyMatch(setting -> !setting.setting().optimizer().schedule().isConstant());
    }

    /** The chart of {@code settings}, coloured as their loss chart ({@link BatchCharts#colors}). */
    static XYChart chart(ExperimentSpec spec, List<SettingSummary> settings, String title) {
        XYChart chart = ChartTheme.xyChart(WIDTH, HEIGHT, "Learning rate: " + title, "iterations", "learning rate");
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) spec.iterations());
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisDecimalPattern("0");
        // Rates from 0.1 (SGD) down to 1e-4 (Lion) and 0; XChart's default drops the leading zero (".001").
        chart.getStyler().setYAxisDecimalPattern("0.0#####");
        // Under the plot: a flat line at the top (a constant schedule) would run under a legend inside it, and one
        // beside it narrows the plot until a long title no longer fits.
        chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
        List<Color> colors = BatchCharts.colors(settings);
        double[] x = Arrays.stream(iterations(spec.iterations())).asDoubleStream().toArray();
        int markerEvery = BatchCharts.MARKER_EVERY / step(spec.iterations());
        double highest = 0;
        for (int s = 0; s < settings.size(); s++) {
            SettingSummary setting = settings.get(s);
            OptimizerSpec optimizer = setting.setting().optimizer();
            if (Double.isNaN(optimizer.learningRate())) {
                continue;
            }
            double[] rate = rates(optimizer, spec.iterations());
            double[] noBand = new double[rate.length];
            Arrays.fill(noBand, Double.NaN);
            BandSeries.add(chart, setting.label(), colors.get(s), ChartTheme.markerFor(optimizer.name()),
                    Math.max(1, markerEvery), x, rate, noBand);
            highest = Math.max(highest, Arrays.stream(rate).max().orElse(0));
        }
        BandSeries.anchorRoundTicks(chart, spec.iterations() - 0.5, 0);
        if (highest > 0) {
            chart.getStyler().setYAxisMax(highest * 1.05);
        }
        return chart;
    }

    /** The learning rate of {@code optimizer} at each of {@link #iterations}{@code (total)}. */
    static double[] rates(OptimizerSpec optimizer, int total) {
        int[] at = iterations(total);
        double[] rate = new double[at.length];
        for (int k = 0; k < at.length; k++) {
            rate[k] = optimizer.learningRateAt(at[k], total);
        }
        return rate;
    }

    /** 1, then the multiples of {@link #step} up to {@code total}, then {@code total} if it is not one. */
    static int[] iterations(int total) {
        int step = step(total);
        IntStream.Builder at = IntStream.builder().add(1);
        for (int i = step; i <= total; i += step) {
            at.add(i);
        }
        if (total > 1 && total % step != 0) {
            at.add(total);
        }
        return at.build().toArray();
    }

    /** {@value #POINT_EVERY}, or a multiple of it that keeps at most about {@value #MAX_POINTS} points. */
    static int step(int total) {
        // Two points besides the multiples (the first and the last): BandSeries then draws every one.
        int span = POINT_EVERY * (MAX_POINTS - 2);
        int multiple = (total + span - 1) / span;
        return POINT_EVERY * Math.max(1, multiple);
    }
}
