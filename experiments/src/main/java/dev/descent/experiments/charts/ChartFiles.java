package dev.descent.experiments.charts;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import dev.descent.experiments.io.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Saves charts as {@code <baseName>.png} and {@code <baseName>.svg}, both written atomically, without a display.
 *
 * <p>Both formats are painted by the same code through {@link Drawing#paint}: PNG on a {@link BufferedImage},
 * SVG on VectorGraphics2D (the library XChart itself uses for vector output), so the two files show the same.
 */
public final class ChartFiles {
    static {
        System.setProperty("java.awt.headless", "true");
        // After Ctrl-C, commands write their charts while the JVM shuts down, when no shutdown hook may be added.
        // ImageIO's default disk cache registers one on first use (javax.imageio's StreamCloser), so the PNG encoder
        // would fail with "Shutdown in progress"; the in-memory cache needs no hook, and our PNGs are small.
        ImageIO.setUseCache(false);
    }

    private ChartFiles() {
    }

    /** Writes {@code chart} as {@code dir/baseName.png} and {@code dir/baseName.svg}; returns both paths. */
    public static List<Path> save(Chart<?, ?> chart, Path dir, String baseName) throws IOException {
        return save(of(chart), dir, baseName);
    }

    /** Writes {@code drawing} as {@code dir/baseName.png} and {@code dir/baseName.svg}; returns both paths. */
    public static List<Path> save(Drawing drawing, Path dir, String baseName) throws IOException {
        Path png = dir.resolve(baseName + ".png");
        Path svg = dir.resolve(baseName + ".svg");
        // Render before touching the files, so that a drawing that fails leaves the old files in place.
        byte[] pngBytes = png(drawing);
        byte[] svgBytes = svg(drawing).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writeBytes(png, pngBytes);
        AtomicFiles.writeBytes(svg, svgBytes);
        return List.of(png, svg);
    }

    /** A chart as a {@link Drawing} of the chart's own size. */
    public static Drawing of(Chart<?, ?> chart) {
        return new Drawing() {
            @Override
            public int width() {
                return chart.getWidth();
            }

            @Override
            public int height() {
                return chart.getHeight();
            }

            @Override
            public void paint(Graphics2D g) {
                chart.paint(g, chart.getWidth(), chart.getHeight());
            }
        };
    }

    /** The drawing rendered on a white RGB image. */
    public static BufferedImage image(Drawing drawing) {
        BufferedImage image = new BufferedImage(drawing.width(), drawing.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, drawing.width(), drawing.height());
            drawing.paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The drawing as PNG bytes. */
    public static byte[] png(Drawing drawing) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image(drawing), "png", bytes)) {
            throw new IOException("this JVM has no PNG writer (javax.imageio)");
        }
        return bytes.toByteArray();
    }

    /** The drawing as an SVG document. */
    public static String svg(Drawing drawing) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, drawing.width(), drawing.height());
        drawing.paint(g);
        PageSize page = new PageSize(0, 0, drawing.width(), drawing.height());
        Document document = new SVGProcessor().getDocument(g.getCommands(), page);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        document.writeTo(bytes);
        return SvgCompactor.compact(bytes.toString(StandardCharsets.UTF_8));
    }
}
