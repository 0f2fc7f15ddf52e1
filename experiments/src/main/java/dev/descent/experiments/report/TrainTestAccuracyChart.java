package dev.descent.experiments.report;

import dev.descent.experiments.batch.ExperimentSummary;
import dev.descent.experiments.batch.SeedRun;
import dev.descent.experiments.batch.Setting;
import dev.descent.experiments.batch.SettingSummary;
import dev.descent.experiments.charts.ChartTheme;
import dev.descent.experiments.stats.CurveBand;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The book's figure 6-20 (and 6-21 to 6-23): per setting, the accuracy on the examples trained on (dashed) and on
 * the test set (solid) at each evaluation, mean over seeds, in the setting's colour. The gap between the two lines
 * is the overfitting. Drawn when the spec measures the train accuracy ({@code "evaluate": ["test", "train"]}).
 */
final class TrainTestAccuracyChart {
    static final String BASE_NAME = "train-test-accuracy";
    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;
    private static final float LINE_WIDTH = 1.8f;
    private static final float[] DASHES = {7f, 5f};
    /** At most this many points on a dashed line, so that each segment is long enough to show its dashes. */
    static final int DASHED_POINTS = 40;

    private TrainTestAccuracyChart() {
    }

    /** Whether some setting of the summary has a run that measured its train accuracy. */
    static boolean wanted(ExperimentSummary summary) {
        return summary.settings().stream().flatMap(setting -> setting.runs().stream())
                .anyMatch(run -> run.result().trainAccuracy().length > 0);
    }

    /** The mean over a setting's runs of their train accuracy at each evaluation. */
    static CurveBand trainBand(SettingSummary setting) {
        List<double[]> curves = new ArrayList<>();
        for (SeedRun run : setting.runs()) {
            if (run.result().trainAccuracy().length > 0) {
                curves.add(run.result().trainAccuracy());
            }
        }
        return CurveBand.of(curves);
    }

    static XYChart chart(ExperimentSummary summary, String title) {
        XYChart chart = ChartTheme.xyChart(WIDTH, HEIGHT, "Train (dashed) and test (solid) accuracy: " + title,
                "iterations", "accuracy");
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) summary.spec().iterations());
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setYAxisDecimalPattern("0.0");
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
        Map<Setting, Color> colors = BatchCharts.colorsBySetting(summary.settings());
        for (SettingSummary setting : summary.settings()) {
            Color color = colors.get(setting.setting());
            CurveBand test = setting.accuracy();
            CurveBand train = trainBand(setting);
            add(chart, setting.label() + " test", color, setting.evalIterations(), test.mean(), null);
            if (train.length() > 0) {
                add(chart, setting.label() + " train", color, setting.evalIterations(), train.mean(), DASHES);
            }
        }
        BandSeries.anchorRoundTicks(chart, summary.spec().iterations() - 0.5, 0);
        return chart;
    }

    /**
     * The first {@code min(at.length, values.length)} points as {x, y}, thinned to at most {@code max} (every k-th
     * point and the last). Java2D starts a dash pattern again on every segment XChart draws, so a dashed line of many
     * short segments looks solid: a dashed line keeps few enough points for its dashes to show.
     */
    static double[][] points(int[] at, double[] values, int max) {
        int points = Math.min(at.length, values.length);
        int step = points <= max ? 1 : (points + max - 2) / (max - 1);
        int kept = points == 0 ? 0 : (points - 1) / step + 1 + ((points - 1) % step == 0 ? 0 : 1);
        double[] x = new double[kept];
        double[] y = new double[kept];
        for (int k = 0; k < kept; k++) {
            int i = Math.min(k * step, points - 1);
            x[k] = at[i];
            y[k] = values[i];
        }
        return new double[][] {x, y};
    }

    private static void add(XYChart chart, String label, Color color, int[] at, double[] mean, float[] dashes) {
        line(chart, label, at, mean, color, dashes, LINE_WIDTH, DASHED_POINTS);
    }

    /**
     * Adds one accuracy curve without markers: solid when {@code dashes} is null, else dashed and thinned to at
     * most {@code dashedPoints} points (a dash pattern needs room between points to show).
     */
    static void line(XYChart chart, String name, int[] at, double[] values, Color color, float[] dashes,
                     float width, int dashedPoints) {
        if (Math.min(at.length, values.length) == 0) {
            return;
        }
        double[][] xy = points(at, values, dashes == null ? Integer.MAX_VALUE : dashedPoints);
        XYSeries series = chart.addSeries(name, xy[0], xy[1]);
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(dashes == null
                ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dashes, 0f));
    }
}
