package dev.descent.experiments.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The one look of every descent chart: fonts, greys, and a colour and marker per optimizer that never changes,
 * so Adam is the same red in the trajectory panels, the loss curves and the sweep charts.
 *
 * <p>The colours are matplotlib's default cycle in the order the book's comparison plots its optimizers (SGD,
 * Momentum, AdaGrad, Adam get C0 to C3, as in the book's figure 6-9), with RMSProp and Nesterov after them.
 */
public final class ChartTheme {
    static {
        // Before the first AWT call below: charts are drawn off-screen, never on a display.
        System.setProperty("java.awt.headless", "true");
    }

    /** A font every machine with Java has a face for; DejaVu Sans when installed (it has Greek and superscripts). */
    public static final String FONT_FAMILY = fontFamily();
    public static final Font FIGURE_TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 18);
    public static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 14);
    public static final Font AXIS_TITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);
    public static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 11);
    public static final Font LEGEND_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);

    public static final Color TEXT_COLOR = new Color(0x22, 0x22, 0x22);
    public static final Color GRID_COLOR = new Color(0xE5, 0xE5, 0xE5);
    public static final Color BORDER_COLOR = new Color(0x99, 0x99, 0x99);

    /**
     * Series colours for what is not one of the optimizers below (a name added later, a second setting of one
     * rule): tab20b shades that no optimizer owns.
     */
    private static final List<Color> EXTRA_COLORS = List.of(
        new Color(0x52, 0x54, 0xA3), new Color(0xB5, 0xCF, 0x6B), new Color(0xE7, 0xBA, 0x52),
        new Color(0xD6, 0x61, 0x6B));

    // The book's five and Nesterov first (matplotlib C0–C5), then the later rules: C6–C9, then tab20b's dark shades.
    private static final Map<String, Color> OPTIMIZER_COLORS = Map.ofEntries(
        Map.entry("sgd", new Color(0x1F, 0x77, 0xB4)),
        Map.entry("momentum", new Color(0xFF, 0x7F, 0x0E)),
        Map.entry("adagrad", new Color(0x2C, 0xA0, 0x2C)),
        Map.entry("adam", new Color(0xD6, 0x27, 0x28)),
        Map.entry("rmsprop", new Color(0x94, 0x67, 0xBD)),
        Map.entry("nesterov", new Color(0x8C, 0x56, 0x4B)),
        Map.entry("adamw", new Color(0xE3, 0x77, 0xC2)),
        Map.entry("nadam", new Color(0x7F, 0x7F, 0x7F)),
        Map.entry("radam", new Color(0xBC, 0xBD, 0x22)),
        Map.entry("lion", new Color(0x17, 0xBE, 0xCF)),
        Map.entry("muon", new Color(0x39, 0x3B, 0x79)),
        Map.entry("sf-adamw", new Color(0x63, 0x79, 0x39)),
        Map.entry("amsgrad", new Color(0x8C, 0x6D, 0x31)),
        Map.entry("adamax", new Color(0x84, 0x3C, 0x39)),
        Map.entry("adadelta", new Color(0x7B, 0x41, 0x73)),
        Map.entry("nesterov-book", new Color(0xC4, 0x9C, 0x94)));

    // The book marks SGD 'o', Momentum 'x', AdaGrad 's', Adam 'D'; the later rules vary the rest.
    private static final Map<String, Marker> OPTIMIZER_MARKERS = Map.ofEntries(
        Map.entry("sgd", SeriesMarkers.CIRCLE),
        Map.entry("momentum", SeriesMarkers.CROSS),
        Map.entry("adagrad", SeriesMarkers.SQUARE),
        Map.entry("adam", SeriesMarkers.DIAMOND),
        Map.entry("rmsprop", SeriesMarkers.TRIANGLE_UP),
        Map.entry("nesterov", SeriesMarkers.TRIANGLE_DOWN),
        Map.entry("adamw", SeriesMarkers.PLUS),
        Map.entry("nadam", SeriesMarkers.TRAPEZOID),
        Map.entry("radam", SeriesMarkers.OVAL),
        Map.entry("lion", SeriesMarkers.RECTANGLE),
        Map.entry("muon", SeriesMarkers.DIAMOND),
        Map.entry("sf-adamw", SeriesMarkers.TRIANGLE_UP),
        Map.entry("amsgrad", SeriesMarkers.CROSS),
        Map.entry("adamax", SeriesMarkers.SQUARE),
        Map.entry("adadelta", SeriesMarkers.TRAPEZOID),
        Map.entry("nesterov-book", SeriesMarkers.TRIANGLE_DOWN));

    private static final List<Color> PALETTE = List.of(
        OPTIMIZER_COLORS.get("sgd"), OPTIMIZER_COLORS.get("momentum"), OPTIMIZER_COLORS.get("adagrad"),
        OPTIMIZER_COLORS.get("adam"), OPTIMIZER_COLORS.get("rmsprop"), OPTIMIZER_COLORS.get("nesterov"),
        EXTRA_COLORS.get(0), EXTRA_COLORS.get(1), EXTRA_COLORS.get(2), EXTRA_COLORS.get(3));

    private ChartTheme() {
    }

    /**
     * The colour of an optimizer by its name ({@code adam}): fixed and distinct for every rule descent has; any
     * other name gets one of four extra colours, the same one every time.
     */
    public static Color colorFor(String name) {
        Color color = OPTIMIZER_COLORS.get(name);
        return color != null ? color : EXTRA_COLORS.get(Math.floorMod(name.hashCode(), EXTRA_COLORS.size()));
    }

    /** The marker of an optimizer by its name; a circle for unknown names. */
    public static Marker markerFor(String name) {
        return OPTIMIZER_MARKERS.getOrDefault(name, SeriesMarkers.CIRCLE);
    }

    /** The {@code index}-th colour of the palette (cycling), for series that are not one per optimizer. */
    public static Color paletteColor(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    /** An XY chart of the given size and titles in the descent look. */
    public static XYChart xyChart(int width, int height, String title, String xAxisTitle, String yAxisTitle) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
            .xAxisTitle(xAxisTitle).yAxisTitle(yAxisTitle).build();
        apply(chart.getStyler());
        return chart;
    }

    /** Applies the descent look to an XY chart's styler. */
    public static void apply(XYStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setChartFontColor(TEXT_COLOR);
        styler.setChartTitleFont(TITLE_FONT);
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitlePadding(8);
        styler.setAxisTitleFont(AXIS_TITLE_FONT);
        styler.setAxisTickLabelsFont(TICK_FONT);
        styler.setAxisTickLabelsColor(TEXT_COLOR);
        styler.setLegendFont(LEGEND_FONT);
        styler.setLegendBorderColor(BORDER_COLOR);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setAnnotationTextPanelFont(TICK_FONT);
        styler.setAnnotationTextPanelFontColor(TEXT_COLOR);
        styler.setAnnotationTextPanelBackgroundColor(Color.WHITE);
        styler.setAnnotationTextPanelBorderColor(BORDER_COLOR);
        styler.setAnnotationTextFont(TICK_FONT);
        styler.setAnnotationTextFontColor(TEXT_COLOR);
        styler.setPlotBorderColor(BORDER_COLOR);
        styler.setPlotGridLinesColor(GRID_COLOR);
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setAxisTickMarksColor(BORDER_COLOR);
        styler.setChartPadding(10);
        styler.setPlotMargin(0);
        styler.setMarkerSize(6);
        styler.setSeriesColors(PALETTE.toArray(Color[]::new));
        styler.setAntiAlias(true);
        styler.setLocale(Locale.ROOT);
    }

    private static String fontFamily() {
        try {
            String[] installed = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
            if (Arrays.asList(installed).contains("DejaVu Sans")) {
                return "DejaVu Sans";
            }
        } catch (RuntimeException | Error e) {
            // No font configuration at all (a very bare JRE): fall back to Java's logical font.
        }
        return Font.SANS_SERIF;
    }
}
