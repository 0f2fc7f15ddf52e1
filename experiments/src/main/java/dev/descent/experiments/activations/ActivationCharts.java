package dev.descent.experiments.activations;

import dev.descent.experiments.charts.ChartGrid;
import dev.descent.experiments.charts.ChartTheme;
import dev.descent.network.ActivationDistribution;
import dev.descent.network.ActivationDistribution.Layer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One figure per setting, as the book draws figures 6-10 to 6-14: a row of five histograms titled
 * "1-layer" … "5-layer", 30 bins over [0, 1], every panel on the same count axis so the layers compare.
 *
 * <p>ReLU puts about half of all values at exactly 0. When bin 0 is more than {@value #OFF_CHART_FACTOR}
 * times the tallest other bin, the count axis stops at 1.15 × that bin, as the book's ReLU figures do, and
 * each panel's axis title says how many values bin 0 holds; otherwise the axis shows every bar.
 */
public final class ActivationCharts {
    public static final int PANEL_WIDTH = 260;
    public static final int PANEL_HEIGHT = 240;
    static final double OFF_CHART_FACTOR = 3;

    private static final Color BAR_COLOR = new Color(0x1F, 0x77, 0xB4);   // matplotlib's C0, the book's bars

    private ActivationCharts() {
    }

    /** The figure of one setting. */
    public static ChartGrid grid(ActivationSetting setting) {
        Layer[] layers = setting.layers();
        double yMax = countAxisMax(layers);
        List<XYChart> panels = new ArrayList<>(layers.length);
        for (int l = 0; l < layers.length; l++) {
            panels.add(panel(layers[l], l + 1, yMax));
        }
        return ChartGrid.of(panels, panels.size()).withTitle(setting.title());
    }

    /**
     * The top of the shared count axis: 1.15 × the tallest bar, or 1.15 × the tallest bar after bin 0 when
     * bin 0 is more than {@value #OFF_CHART_FACTOR} times that (ReLU's zeros), which leaves bin 0 off the chart.
     */
    static double countAxisMax(Layer[] layers) {
        int tallest = 0;
        int tallestAfterZero = 0;
        for (Layer layer : layers) {
            int[] counts = layer.counts();
            for (int k = 0; k < counts.length; k++) {
                tallest = Math.max(tallest, counts[k]);
                if (k > 0) {
                    tallestAfterZero = Math.max(tallestAfterZero, counts[k]);
                }
            }
        }
        boolean clipBinZero = tallestAfterZero > 0 && tallest > OFF_CHART_FACTOR * tallestAfterZero;
        return Math.max(1, (clipBinZero ? tallestAfterZero : tallest) * 1.15);
    }

    /** One layer's histogram; a bar taller than yMax is cut at the top and its count named under the axis. */
    static XYChart panel(Layer layer, int number, double yMax) {
        int[] counts = layer.counts();
        String xTitle = "activation";
        if (counts[0] > yMax) {
            xTitle = String.format(Locale.ROOT, "bin 0: %,d (off the chart)", counts[0]);
        }
        XYChart chart = ChartTheme.xyChart(PANEL_WIDTH, PANEL_HEIGHT, number + "-layer", xTitle,
            number == 1 ? "count" : "");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(yMax);
        chart.getStyler().setXAxisDecimalPattern("0.0");
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        chart.getStyler().setYAxisTicksVisible(number == 1);   // as the book: counts only on the first panel
        // The outline of the bars as one step curve: (edge_k, 0) up to the count, across, down at edge_k+1.
        int bins = counts.length;
        double[] xs = new double[4 * bins];
        double[] ys = new double[4 * bins];
        for (int k = 0; k < bins; k++) {
            double height = Math.min(counts[k], yMax);
            xs[4 * k] = ActivationDistribution.edge(k);
            xs[4 * k + 1] = ActivationDistribution.edge(k);
            xs[4 * k + 2] = ActivationDistribution.edge(k + 1);
            xs[4 * k + 3] = ActivationDistribution.edge(k + 1);
            ys[4 * k + 1] = height;
            ys[4 * k + 2] = height;
        }
        XYSeries bars = chart.addSeries("layer " + number, xs, ys);
        bars.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
        bars.setMarker(SeriesMarkers.NONE);
        bars.setLineColor(BAR_COLOR.darker());
        bars.setFillColor(BAR_COLOR);
        bars.setLineStyle(new BasicStroke(0.6f));
        return chart;
    }
}
