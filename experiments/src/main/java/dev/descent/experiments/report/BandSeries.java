package dev.descent.experiments.report;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A mean line with a ±1 std band on an XChart XY chart. XChart has no "fill between two curves", so the band is
 * one closed polygon (the upper edge left to right, then the lower edge right to left) drawn in
 * {@link XYSeriesRenderStyle#PolygonArea} with a translucent fill, under the line, and kept out of the legend.
 *
 * <p>XChart draws a series' marker at every point, so the line is drawn without markers and out of the legend, the
 * markers (every {@code markerEvery}-th point) are a second series, and the legend entry is a third, with line and
 * marker and no visible data.
 *
 * <p>Long curves are thinned to at most {@value #MAX_POINTS} points (every k-th point and always the last): the
 * curves are already smoothed, and a chart 900 pixels wide cannot show more, while the SVG stays small.
 */
final class BandSeries {
    static final int MAX_POINTS = 500;
    /** Fill opacity of a band: light enough that overlapping bands stay readable. */
    private static final int BAND_ALPHA = 48;
    private static final float LINE_WIDTH = 1.8f;
    /** Larger than the theme's markers: there are only 20 per curve and they carry the optimizer's identity. */
    private static final int MARKER_SIZE = 8;
    /**
     * The legend entry's x: deliberately not an integer, so that it also keeps XChart choosing round ticks (see
     * {@link #anchorRoundTicks}); its y is NaN, which XChart leaves out of the plot.
     */
    private static final double LEGEND_ENTRY_X = 0.5;

    private BandSeries() {
    }

    /**
     * Adds the band (where {@code std} is defined: its first run of finite values), the line, its markers and its
     * legend entry.
     *
     * @param markerEvery a marker on every this many points of {@code x}
     * @param x    (n) positions
     * @param mean (n) mean values
     * @param std  (n) standard deviations; NaN where fewer than two seeds
     */
    static void add(XYChart chart, String label, Color color, Marker marker, int markerEvery, double[] x,
                    double[] mean, double[] std) {
        int[] kept = thin(x.length);
        int bandLength = 0;
        while (bandLength < kept.length && Double.isFinite(std[kept[bandLength]])) {
            bandLength++;
        }
        if (bandLength >= 2) {
            double[] polygonX = new double[2 * bandLength];
            double[] polygonY = new double[2 * bandLength];
            for (int k = 0; k < bandLength; k++) {
                int i = kept[k];
                polygonX[k] = x[i];
                polygonY[k] = mean[i] + std[i];
                int back = 2 * bandLength - 1 - k;
                polygonX[back] = x[i];
                polygonY[back] = mean[i] - std[i];
            }
            XYSeries band = chart.addSeries(label + " (±1 std)", polygonX, polygonY);
            band.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
            Color fill = new Color(color.getRed(), color.getGreen(), color.getBlue(), BAND_ALPHA);
            band.setFillColor(fill);
            band.setLineColor(fill);
            band.setLineStyle(new BasicStroke(0.5f));
            band.setMarker(SeriesMarkers.NONE);
            band.setShowInLegend(false);
        }
        double[] lineX = new double[kept.length];
        double[] lineY = new double[kept.length];
        for (int k = 0; k < kept.length; k++) {
            lineX[k] = x[kept[k]];
            lineY[k] = mean[kept[k]];
        }
        XYSeries line = chart.addSeries(label + " (line)", lineX, lineY);
        line.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(color);
        line.setLineStyle(stroke());
        line.setShowInLegend(false);

        int markers = (x.length - 1) / markerEvery + 1;
        double[] markerX = new double[markers];
        double[] markerY = new double[markers];
        for (int k = 0; k < markers; k++) {
            markerX[k] = x[k * markerEvery];
            markerY[k] = mean[k * markerEvery];
        }
        XYSeries marks = chart.addSeries(label + " (markers)", markerX, markerY);
        marks.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        marks.setMarker(marker);
        marks.setMarkerColor(color);
        marks.setShowInLegend(false);
        chart.getStyler().setMarkerSize(MARKER_SIZE);

        XYSeries entry = chart.addSeries(label, new double[] {LEGEND_ENTRY_X}, new double[] {Double.NaN});
        entry.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        entry.setMarker(marker);
        entry.setMarkerColor(color);
        entry.setLineColor(color);
        entry.setLineStyle(stroke());
    }

    private static BasicStroke stroke() {
        return new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /**
     * Makes XChart label the x axis with round numbers. XChart 3.8 puts x ticks only at data positions when all
     * x values of a chart are equally spaced (a 300-iteration curve gets ticks 0, 9, 18, ...); one invisible
     * point off that grid, at {@code x}, lets it choose round steps (0, 20, 40, ...).
     */
    static void anchorRoundTicks(XYChart chart, double x, double y) {
        XYSeries anchor = chart.addSeries("\u200b", new double[] {x}, new double[] {y});
        anchor.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        anchor.setMarker(SeriesMarkers.NONE);
        anchor.setShowInLegend(false);
    }

    /** Indices 0, k, 2k, ... and n − 1, with k the smallest step that keeps at most {@value #MAX_POINTS}. */
    static int[] thin(int n) {
        if (n <= MAX_POINTS) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int step = (n + MAX_POINTS - 2) / (MAX_POINTS - 1);
        int count = (n - 1) / step + 1;
        boolean lastIncluded = (n - 1) % step == 0;
        int[] kept = new int[lastIncluded ? count : count + 1];
        for (int k = 0; k < count; k++) {
            kept[k] = k * step;
        }
        kept[kept.length - 1] = n - 1;
        return kept;
    }
}
