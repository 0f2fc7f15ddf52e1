package dev.descent.experiments.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.w3c.dom.Document;

class ChartFilesTest {
    @TempDir
    Path dir;

    @Test
    void savesAPngAndAnSvgOfTheChartsSize() throws Exception {
        XYChart chart = ChartTheme.xyChart(400, 300, "loss", "iteration", "loss");
        chart.addSeries("adam", new double[] {1, 2, 3}, new double[] {2.3, 1.1, 0.4});

        List<Path> written = ChartFiles.save(chart, dir, "loss");

        assertEquals(List.of(dir.resolve("loss.png"), dir.resolve("loss.svg")), written);
        BufferedImage png = ImageIO.read(dir.resolve("loss.png").toFile());
        assertEquals(400, png.getWidth());
        assertEquals(300, png.getHeight());
        Document svg = parseXml(dir.resolve("loss.svg"));
        assertEquals("svg", svg.getDocumentElement().getTagName());
        assertEquals("0 0 400 300", svg.getDocumentElement().getAttribute("viewBox"));
        assertEquals(List.of("loss.png", "loss.svg"), names());
    }

    @Test
    void aGridTilesItsPanelsUnderItsTitle() throws Exception {
        List<XYChart> panels = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            XYChart panel = ChartTheme.xyChart(200, 150, "panel " + i, "x", "y");
            panel.addSeries("s", new double[] {0, 1}, new double[] {i, i + 1});
            panels.add(panel);
        }
        ChartGrid grid = ChartGrid.of(panels, ChartGrid.columnsFor(panels.size())).withTitle("five panels");
        assertEquals(3, grid.columns());
        assertEquals(2, grid.rows());

        ChartFiles.save(grid, dir, "grid");

        BufferedImage png = ImageIO.read(dir.resolve("grid.png").toFile());
        assertEquals(3 * 200, png.getWidth());
        assertEquals(40 + 2 * 150, png.getHeight());
        // Every cell with a panel is drawn on; the sixth has none and stays white.
        for (int i = 0; i < 5; i++) {
            int x0 = (i % 3) * 200;
            int y0 = 40 + (i / 3) * 150;
            assertTrue(nonWhitePixels(png, x0, y0, 200, 150) > 1000, "panel " + i + " is drawn");
        }
        assertEquals(0, nonWhitePixels(png, 400, 190, 200, 150), "the empty cell");
        assertTrue(nonWhitePixels(png, 0, 0, 600, 40) > 100, "the title is drawn");
        Document svg = parseXml(dir.resolve("grid.svg"));
        assertEquals("0 0 600 340", svg.getDocumentElement().getAttribute("viewBox"));
        // XChart draws its own titles as glyph outlines; the grid's title is SVG text.
        assertTrue(Files.readString(dir.resolve("grid.svg")).contains(">five panels</text>"));
    }

    @Test
    void columnsForAreNearSquare() {
        assertEquals(1, ChartGrid.columnsFor(1));
        assertEquals(2, ChartGrid.columnsFor(2));
        assertEquals(2, ChartGrid.columnsFor(4));
        assertEquals(3, ChartGrid.columnsFor(5));
        assertEquals(3, ChartGrid.columnsFor(6));
        assertEquals(3, ChartGrid.columnsFor(9));
        assertEquals(4, ChartGrid.columnsFor(10));
    }

    @Test
    void aLongSeriesBecomesOnePolylineInTheSvg() throws Exception {
        XYChart chart = ChartTheme.xyChart(600, 400, "curve", "iteration", "loss");
        int n = 2000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.exp(-i / 500.0) + 0.05 * Math.sin(i / 7.0);
        }
        chart.addSeries("sgd", x, y).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);

        String svg = ChartFiles.svg(ChartFiles.of(chart));

        parseXml(svg);
        String polyline = svg.lines().filter(l -> l.contains("<polyline")).max((a, b) -> a.length() - b.length())
            .orElseThrow();
        int points = polyline.substring(polyline.indexOf("points=\"") + 8).split("\"")[0].split(" ").length;
        assertEquals(n, points, "one point per data point");
        assertTrue(svg.length() < 200_000, () -> "SVG of " + svg.length() + " characters");
    }

    private static int nonWhitePixels(BufferedImage image, int x0, int y0, int w, int h) {
        int nonWhite = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    nonWhite++;
                }
            }
        }
        return nonWhite;
    }

    private static Document parseXml(Path file) throws Exception {
        return parseXml(Files.readString(file));
    }

    private static Document parseXml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // Do not fetch the SVG DTD the header names: tests run offline.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(
            text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private List<String> names() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
