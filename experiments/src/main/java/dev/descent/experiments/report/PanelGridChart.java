package dev.descent.experiments.report;

import dev.descent.experiments.batch.ExperimentSummary;
import dev.descent.experiments.batch.SettingSummary;
import dev.descent.experiments.charts.ChartFiles;
import dev.descent.experiments.charts.ChartGrid;
import dev.descent.experiments.charts.ChartTheme;
import dev.descent.experiments.stats.CurveBand;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Small multiples, as the book's figure 6-18: when the variants form a {@link PanelLayout} (16 weight scales × with
 * and without BatchNorm), one small chart per value of the panel field, {@value #COLUMNS} to a row, each with the
 * accuracy curves of its two variants, the first line value solid and the second dashed, in each optimizer's
 * colour. Every panel has the same axes (0 to the run's iterations, accuracy 0 to 1, as the book's), so panels
 * compare at a glance; the panel titles name the panel value, the figure title says which line is which.
 *
 * <p>The curve is a parameter ({@link CurveSource}): the batch report draws test accuracy, and training accuracy
 * (what the book plots) too when the runs measured it. Seeds are averaged; the panels are too small for bands.
 */
public final class PanelGridChart {
    static final int COLUMNS = 4;
    static final int PANEL_WIDTH = 250;
    static final int PANEL_HEIGHT = 190;
    private static final Font PANEL_TITLE_FONT = new Font(ChartTheme.FONT_FAMILY, Font.BOLD, 12);
    private static final float LINE_WIDTH = 1.6f;
    private static final float[] DASHES = {5f, 3f};

    private PanelGridChart() {
    }

    /** The file name of the grid of {@code source}: {@code test-accuracy-grid}. */
    static String baseName(CurveSource source) {
        return source.fileStem() + "-grid";
    }

    /** Draws and saves the grid when the settings form one; empty (and nothing written) otherwise. */
    public static Optional<ChartFile> write(Path outDir, ExperimentSummary summary, CurveSource source)
            throws IOException {
        Optional<PanelLayout> layout = PanelLayout.of(summary.settings());
        if (layout.isEmpty()) {
            return Optional.empty();
        }
        PanelLayout grid = layout.get();
        String base = baseName(source);
        ChartFiles.save(grid(summary.spec().name(), summary.spec().iterations(), grid, source), outDir, base);
        String caption = String.format(Locale.ROOT, "One panel per %s (%d panels, as the book's figure 6-18), each with the %s"
                        + " of its two variants: %s=%s solid, %s=%s dashed%s; the mean over seeds, on the same axes"
                        + " in every panel (0 to %d iterations, accuracy 0 to 1). A run that diverged ends where it"
                        + " diverged; its panel title says so.", grid.panelField(), grid.panelValues().size(),
                source.title(), grid.lineField(), grid.lineValues().get(0), grid.lineField(),
                grid.lineValues().get(1), optimizerCount(grid) > 1 ? ", in each optimizer's colour" : "",
                summary.spec().iterations());
        return Optional.of(new ChartFile(base, capitalized(source.title()) + " per " + grid.panelField(),
                caption));
    }

    /** The grid of panels under one title saying which line is which. */
    static ChartGrid grid(String name, int iterations, PanelLayout layout, CurveSource source) {
        List<XYChart> panels = new ArrayList<>();
        for (String panelValue : layout.panelValues()) {
            panels.add(panel(layout, panelValue, iterations, source, panels.isEmpty()));
        }
        String title = String.format(Locale.ROOT, "%s: %s against iterations per %s; solid %s=%s, dashed %s=%s", name, source.title(),
                layout.panelField(), layout.lineField(), layout.lineValues().get(0), layout.lineField(),
                layout.lineValues().get(1));
        return ChartGrid.of(panels, COLUMNS).withTitle(title);
    }

    /** One panel: per optimizer spec, the solid and the dashed line; a legend on the first only, and only when
     *  there are several optimizer specs to tell apart. */
    static XYChart panel(PanelLayout layout, String panelValue, int iterations, CurveSource source,
                         boolean first) {
        List<String> diverged = new ArrayList<>();
        for (int l = 0; l < layout.lineValues().size(); l++) {
            for (SettingSummary setting : layout.cell(panelValue, layout.lineValues().get(l))) {
                if (!setting.runs().isEmpty() && setting.divergedSeeds().size() == setting.runs().size()) {
                    diverged.add(l == 0 ? "solid" : "dashed");
                    break;
                }
            }
        }
        String title = layout.panelField() + "=" + panelValue
                + (diverged.isEmpty() ? "" : " (" + String.join(", ", diverged) + " diverged)");
        XYChart chart = ChartTheme.xyChart(PANEL_WIDTH, PANEL_HEIGHT, title, "iterations", source.title());
        chart.getStyler().setChartTitleFont(PANEL_TITLE_FONT);
        chart.getStyler().setChartTitlePadding(4);
        chart.getStyler().setChartPadding(6);
        chart.getStyler().setXAxisTitleVisible(false);
        chart.getStyler().setYAxisTitleVisible(false);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) iterations);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setYAxisDecimalPattern("0.0");
        chart.getStyler().setXAxisDecimalPattern("0");
        boolean legend = first && optimizerCount(layout) > 1;
        chart.getStyler().setLegendVisible(legend);
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
        for (int l = 0; l < layout.lineValues().size(); l++) {
            List<SettingSummary> settings = layout.cell(panelValue, layout.lineValues().get(l));
            List<Color> colors = BatchCharts.colors(settings);
            for (int s = 0; s < settings.size(); s++) {
                SettingSummary setting = settings.get(s);
                CurveBand band = source.band().apply(setting);
                int[] at = source.iterations().apply(setting);
                int length = Math.min(band.length(), at.length);
                if (length == 0) {
                    continue;
                }
                double[] x = new double[length];
                double[] y = new double[length];
                for (int i = 0; i < length; i++) {
                    x[i] = at[i];
                    y[i] = band.mean()[i];
                }
                String label = setting.setting().optimizer().brief() + " · " + layout.lineField() + "="
                        + layout.lineValues().get(l);
                XYSeries series = chart.addSeries(label, x, y);
                series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
                series.setMarker(SeriesMarkers.NONE);
                series.setLineColor(colors.get(s));
                series.setLineStyle(l == 0 ? new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND,
                        BasicStroke.JOIN_ROUND) : new BasicStroke(LINE_WIDTH, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_ROUND, 10f, DASHES, 0f));
                series.setShowInLegend(legend);
            }
        }
        // An empty panel (every run diverged at once) still needs a series for XChart to draw its axes.
        BandSeries.anchorRoundTicks(chart, iterations - 0.5, 0);
        return chart;
    }

    private static long optimizerCount(PanelLayout layout) {
        return layout.cells().values().iterator().next().values().iterator().next().size();
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
