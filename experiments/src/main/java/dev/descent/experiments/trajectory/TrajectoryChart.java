package dev.descent.experiments.trajectory;

import dev.descent.experiments.charts.ChartGrid;
import dev.descent.experiments.charts.ChartTheme;
import java.awt.BasicStroke;
import dev.descent.optimizers.OptimizerSpec;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The book's figure 6-8: one panel per optimizer with contour lines of the {@link Bowl}, the optimizer's path
 * as connected markers, and the minimum marked with a cross; axes fixed at −10…10 as in the book's plot.
 *
 * <p>The contours are drawn exactly: x²/20 + y² = c is the ellipse with semi-axes √(20c) and √c. Everything is
 * clipped to the axes with {@link Box}, so a diverging path is drawn up to the edge and counted under the x axis.
 */
public final class TrajectoryChart {
    public static final double AXIS_LIMIT = 10;
    public static final int PANEL_WIDTH = 440;
    public static final int PANEL_HEIGHT = 420;

    /** Contour levels c of f = c; the start (−7, 2) lies at f = 6.45, so the path crosses most of them. */
    static final double[] LEVELS = {0.25, 1, 2, 3, 4, 5, 6, 7};

    private static final Box AXES = new Box(-AXIS_LIMIT, AXIS_LIMIT, -AXIS_LIMIT, AXIS_LIMIT);
    // Every 2.5 degrees: smooth at this size, and the SVG stays small.
    private static final int ELLIPSE_POINTS = 145;
    private static final double MINIMUM_ARM = 0.45;

    private static final Color CONTOUR_INNER = new Color(0x08, 0x45, 0x94);
    private static final Color CONTOUR_OUTER = new Color(0xA6, 0xCE, 0xE3);
    private static final Color MINIMUM_COLOR = new Color(0x11, 0x11, 0x11);

    private TrajectoryChart() {
    }

    /** The grid of panels, one per trajectory, with a title naming the function, the start and the steps. */
    public static ChartGrid grid(List<Trajectory> trajectories) {
        List<XYChart> panels = new ArrayList<>(trajectories.size());
        for (Trajectory trajectory : trajectories) {
            panels.add(panel(trajectory));
        }
        Trajectory first = trajectories.get(0);
        String title = String.format(Locale.ROOT, "f(x, y) = x\u00b2/20 + y\u00b2 from (%s, %s), %d steps",
            coordinate(first.x()[0]), coordinate(first.y()[0]), first.steps());
        return ChartGrid.of(panels, ChartGrid.columnsFor(panels.size())).withTitle(title);
    }

    /** One panel: contours, the path, the minimum, the spec as title. */
    public static XYChart panel(Trajectory trajectory) {
        XYChart chart = ChartTheme.xyChart(PANEL_WIDTH, PANEL_HEIGHT, trajectory.optimizer(), "x", "y");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisMin(-AXIS_LIMIT).setXAxisMax(AXIS_LIMIT);
        chart.getStyler().setYAxisMin(-AXIS_LIMIT).setYAxisMax(AXIS_LIMIT);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisDecimalPattern("0");
        if (trajectory.optimizer().length() > 44) {
            chart.getStyler().setChartTitleFont(ChartTheme.TITLE_FONT.deriveFont(12f));
        }
        addContours(chart);
        addMinimum(chart);
        addPath(chart, trajectory);
        return chart;
    }

    private static void addContours(XYChart chart) {
        for (int level = 0; level < LEVELS.length; level++) {
            double c = LEVELS[level];
            double a = Math.sqrt(20 * c);
            double b = Math.sqrt(c);
            double[] xs = new double[ELLIPSE_POINTS];
            double[] ys = new double[ELLIPSE_POINTS];
            for (int i = 0; i < ELLIPSE_POINTS; i++) {
                double theta = 2 * Math.PI * i / (ELLIPSE_POINTS - 1);
                xs[i] = a * Math.cos(theta);
                ys[i] = b * Math.sin(theta);
            }
            // An ellipse cut by the left and right edges comes back as two arcs.
            Color color = blend(CONTOUR_INNER, CONTOUR_OUTER, level / (double) (LEVELS.length - 1));
            List<double[][]> pieces = AXES.clipPolyline(xs, ys);
            for (int p = 0; p < pieces.size(); p++) {
                XYSeries series = chart.addSeries("f = " + c + " #" + p, pieces.get(p)[0], pieces.get(p)[1]);
                styleLine(series, color, 1.1f);
            }
        }
    }

    private static void addMinimum(XYChart chart) {
        XYSeries horizontal = chart.addSeries("minimum -", new double[] {-MINIMUM_ARM, MINIMUM_ARM},
            new double[] {0, 0});
        styleLine(horizontal, MINIMUM_COLOR, 2f);
        XYSeries vertical = chart.addSeries("minimum |", new double[] {0, 0},
            new double[] {-MINIMUM_ARM, MINIMUM_ARM});
        styleLine(vertical, MINIMUM_COLOR, 2f);
    }

    private static void addPath(XYChart chart, Trajectory trajectory) {
        int n = trajectory.x().length;
        double[] xs = new double[n];
        double[] ys = new double[n];
        List<Double> insideX = new ArrayList<>();
        List<Double> insideY = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            xs[i] = trajectory.x()[i];
            ys[i] = trajectory.y()[i];
            if (AXES.contains(xs[i], ys[i])) {
                insideX.add(xs[i]);
                insideY.add(ys[i]);
            }
        }
        // Each optimizer's path in its colour and marker, as in every other chart.
        String name = OptimizerSpec.parse(trajectory.optimizer()).name();
        Color pathColor = ChartTheme.colorFor(name);
        List<double[][]> pieces = AXES.clipPolyline(xs, ys);
        for (int p = 0; p < pieces.size(); p++) {
            XYSeries series = chart.addSeries("path #" + p, pieces.get(p)[0], pieces.get(p)[1]);
            styleLine(series, pathColor, 1.4f);
        }
        if (!insideX.isEmpty()) {
            XYSeries markers = chart.addSeries("points", insideX, insideY);
            markers.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            markers.setMarker(ChartTheme.markerFor(name));
            markers.setMarkerColor(pathColor);
        }
        int outside = n - insideX.size();
        if (outside > 0) {
            // Under the axis rather than in the plot, where it would hide part of the path.
            chart.setXAxisTitle(String.format(Locale.ROOT, "x    (%d of %d points off the chart)", outside, n));
        }
    }

    // -7 rather than -7.0; other values as Java prints floats.
    private static String coordinate(float value) {
        return value == Math.rint(value) && Math.abs(value) < 1e7 ? Integer.toString((int) value)
            : Float.toString(value);
    }

    private static void styleLine(XYSeries series, Color color, float width) {
        series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(color);
        series.setLineStyle(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        series.setShowInLegend(false);
    }

    private static Color blend(Color from, Color to, double t) {
        return new Color(
            (int) Math.round(from.getRed() + t * (to.getRed() - from.getRed())),
            (int) Math.round(from.getGreen() + t * (to.getGreen() - from.getGreen())),
            (int) Math.round(from.getBlue() + t * (to.getBlue() - from.getBlue())));
    }
}
