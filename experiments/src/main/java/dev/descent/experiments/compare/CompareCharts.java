package dev.descent.experiments.compare;

import dev.descent.experiments.charts.ChartTheme;
import dev.descent.experiments.curves.KaiserSmoothing;
import dev.descent.experiments.train.RunResult;
import dev.descent.experiments.train.TrainingSetup;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The two charts of a comparison, in the look of the book's figure 6-9: smoothed training loss per optimizer with a
 * marker every {@value #MARKER_EVERY} iterations and the y axis fixed to 0..1, and test accuracy at each
 * evaluation.
 *
 * <p>XChart draws a series' marker at every point, so each loss curve is three series: the smoothed line, its
 * markers every {@value #MARKER_EVERY} iterations, and a legend entry (line and marker, no visible data) labelled
 * with the canonical spec; only the legend entry is shown in the legend.
 */
final class CompareCharts {
    /** Iterations between two markers on a loss curve, as the book's {@code markevery=100}. */
    static final int MARKER_EVERY = 100;
    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;
    private static final float LINE_WIDTH = 1.6f;
    private static final double LOSS_MAX = 1.0;
    /** Larger than the theme's markers: there are only 20 per curve and they carry the optimizer's identity. */
    private static final int LOSS_MARKER_SIZE = 8;
    private static final double LEGEND_ENTRY_X = 0.5;
    /** Palette index of the first colour no optimizer name owns (the theme's six named colours come first). */
    private static final int FIRST_EXTRA_COLOR = 6;
    /**
     * Share of the plot area the data range takes: nearly all of it, so 0..1 is the visible range; at exactly 1
     * XChart drops the ticks on the edges (0 and 1.0).
     */
    private static final double PLOT_CONTENT_SIZE = 0.995;

    private CompareCharts() {
    }

    static XYChart loss(ComparisonResult result) {
        TrainingSetup setup = result.settings().setup();
        XYChart chart = ChartTheme.xyChart(WIDTH, HEIGHT, title("Training loss (smoothed)", result), "iterations",
                "loss");
        // The plot spans 0..1 as the book's ylim(0, 1): early losses above 1 leave through the top edge.
        chart.getStyler().setPlotContentSize(PLOT_CONTENT_SIZE);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) setup.iterations());
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(LOSS_MAX);
        chart.getStyler().setYAxisDecimalPattern("0.0");
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(LOSS_MARKER_SIZE);

        // Lines first, then markers, then legend entries: XChart paints in that order, so no marker hides under
        // another optimizer's line.
        List<Color> colors = colors(result);
        for (int r = 0; r < result.runs().size(); r++) {
            RunResult run = result.runs().get(r);
            if (run.losses().length > 0) {
                XYSeries line = chart.addSeries(hiddenName(run, "line"), iterationsOf(run.losses().length),
                        KaiserSmoothing.smooth(run.losses()));
                line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
                line.setMarker(SeriesMarkers.NONE);
                line.setLineColor(colors.get(r));
                line.setLineStyle(stroke());
                line.setShowInLegend(false);
            }
        }
        for (int r = 0; r < result.runs().size(); r++) {
            RunResult run = result.runs().get(r);
            if (run.losses().length > 0) {
                double[] smoothed = chart.getSeriesMap().get(hiddenName(run, "line")).getYData();
                int markers = (smoothed.length - 1) / MARKER_EVERY + 1;
                double[] markerX = new double[markers];
                double[] markerY = new double[markers];
                for (int k = 0; k < markers; k++) {
                    markerX[k] = k * MARKER_EVERY;
                    markerY[k] = smoothed[k * MARKER_EVERY];
                }
                XYSeries marks = chart.addSeries(hiddenName(run, "markers"), markerX, markerY);
                marks.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
                marks.setMarker(ChartTheme.markerFor(run.optimizer()));
                marks.setMarkerColor(colors.get(r));
                marks.setShowInLegend(false);
            }
        }
        for (int r = 0; r < result.runs().size(); r++) {
            RunResult run = result.runs().get(r);
            addLegendEntry(chart, legendLabel(run), colors.get(r), run);
        }
        return chart;
    }

    static XYChart accuracy(ComparisonResult result) {
        XYChart chart = ChartTheme.xyChart(WIDTH, HEIGHT, title("Test accuracy", result), "iterations",
                "test accuracy");
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) result.settings().setup().iterations());
        chart.getStyler().setYAxisMin(lowestAccuracyShown(result));
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
        List<Color> colors = colors(result);
        for (int r = 0; r < result.runs().size(); r++) {
            RunResult run = result.runs().get(r);
            Color color = colors.get(r);
            if (run.evalIterations().length > 0) {
                double[] x = Arrays.stream(run.evalIterations()).asDoubleStream().toArray();
                XYSeries series = chart.addSeries(legendLabel(run), x, run.testAccuracy());
                series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
                series.setMarker(ChartTheme.markerFor(run.optimizer()));
                series.setMarkerColor(color);
                series.setLineColor(color);
                series.setLineStyle(stroke());
            } else {
                addLegendEntry(chart, legendLabel(run), color, run);
            }
        }
        return chart;
    }

    /**
     * A legend entry with no visible data: one point with a NaN value, which XChart leaves out of the plot
     * (the axes are fixed, so it does not move them either). Its x is deliberately not an integer: when every x
     * of a chart is equally spaced (iterations 0, 1, 2, ...), XChart 3.8 puts a tick on every n-th data value
     * (0, 28, 56, ...) instead of choosing round steps.
     */
    private static void addLegendEntry(XYChart chart, String label, Color color, RunResult run) {
        XYSeries entry = chart.addSeries(label, new double[] {LEGEND_ENTRY_X}, new double[] {Double.NaN});
        entry.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        entry.setMarker(ChartTheme.markerFor(run.optimizer()));
        entry.setMarkerColor(color);
        entry.setLineColor(color);
        entry.setLineStyle(stroke());
    }

    /**
     * The theme's fixed colour per optimizer name; a name that comes again (adam at two learning rates) takes the
     * theme's extra colours for its later runs, so no two curves share a colour.
     */
    static List<Color> colors(ComparisonResult result) {
        List<Color> colors = new ArrayList<>();
        Set<String> named = new HashSet<>();
        int extra = 0;
        for (RunResult run : result.runs()) {
            String name = run.optimizer().split(":", 2)[0];
            boolean first = named.add(name);
            colors.add(first ? ChartTheme.colorFor(name) : ChartTheme.paletteColor(FIRST_EXTRA_COLOR + extra++));
        }
        return colors;
    }

    /** The y axis starts at a round tenth below the lowest accuracy, so the interesting part fills the chart. */
    private static double lowestAccuracyShown(ComparisonResult result) {
        double lowest = result.runs().stream().flatMapToDouble(run -> Arrays.stream(run.testAccuracy()))
                .min().orElse(0);
        return Math.max(0, Math.floor(lowest * 10) / 10);
    }

    private static String legendLabel(RunResult run) {
        if (run.diverged()) {
            return run.optimizer() + " (diverged at " + run.divergedAt() + ")";
        }
        if (!run.complete()) {
            return run.optimizer() + " (stopped after " + run.losses().length + ")";
        }
        return run.optimizer();
    }

    // Series names must be unique and are never shown for hidden series.
    private static String hiddenName(RunResult run, String part) {
        return run.optimizer() + " " + part;
    }

    private static String title(String what, ComparisonResult result) {
        TrainingSetup setup = result.settings().setup();
        String title = String.format(Locale.ROOT, "%s on %s (%s, %s, batch %d, seed %d)", what,
                datasetTitle(setup.dataset()), setup.architecture(), setup.activation(),
                setup.batchSize(), setup.seed());
        return result.complete() ? title : title + ", interrupted";
    }

    private static String datasetTitle(String dataset) {
        return dataset.equals("fashion") ? "Fashion-MNIST" : dataset.toUpperCase(Locale.ROOT);
    }

    private static double[] iterationsOf(int count) {
        double[] x = new double[count];
        for (int i = 0; i < count; i++) {
            x[i] = i;
        }
        return x;
    }

    private static BasicStroke stroke() {
        return new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
}
