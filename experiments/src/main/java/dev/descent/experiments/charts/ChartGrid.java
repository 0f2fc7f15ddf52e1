package dev.descent.experiments.charts;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Several charts of one size tiled row by row into one {@link Drawing}, with an optional title above them.
 * XChart draws one chart per image; a figure of panels (the book's figure 6-8) is this grid.
 */
public final class ChartGrid implements Drawing {
    private static final int TITLE_HEIGHT = 40;
    private static final int TITLE_MARGIN = 20;
    private static final int MIN_TITLE_SIZE = 10;

    private final List<? extends Chart<?, ?>> panels;
    private final int columns;
    private final int panelWidth;
    private final int panelHeight;
    private final String title;

    private ChartGrid(List<? extends Chart<?, ?>> panels, int columns, String title) {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a chart grid needs at least one panel");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("a chart grid needs at least one column, got " + columns);
        }
        this.panels = List.copyOf(panels);
        this.columns = Math.min(columns, panels.size());
        this.panelWidth = panels.stream().mapToInt(Chart::getWidth).max().orElseThrow();
        this.panelHeight = panels.stream().mapToInt(Chart::getHeight).max().orElseThrow();
        this.title = title;
    }

    /** The panels in a grid of {@code columns} columns and as many rows as needed, without a title. */
    public static ChartGrid of(List<? extends Chart<?, ?>> panels, int columns) {
        return new ChartGrid(panels, columns, null);
    }

    /** The same grid with {@code title} centred above the panels. */
    public ChartGrid withTitle(String title) {
        return new ChartGrid(panels, columns, title);
    }

    /** A near-square layout: the number of columns for {@code panelCount} panels (6 gives 3, 4 gives 2). */
    public static int columnsFor(int panelCount) {
        return (int) Math.ceil(Math.sqrt(panelCount));
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    @Override
    public int width() {
        return columns * panelWidth;
    }

    @Override
    public int height() {
        return titleHeight() + rows() * panelHeight;
    }

    @Override
    public void paint(Graphics2D g) {
        if (title != null) {
            paintTitle(g);
        }
        for (int i = 0; i < panels.size(); i++) {
            AffineTransform saved = g.getTransform();
            g.translate((i % columns) * panelWidth, titleHeight() + (i / columns) * panelHeight);
            Chart<?, ?> panel = panels.get(i);
            panel.paint(g, panel.getWidth(), panel.getHeight());
            g.setTransform(saved);
            // XChart leaves its own clip behind; the next panel must not be clipped to this one.
            g.setClip(null);
        }
    }

    private int titleHeight() {
        return title == null ? 0 : TITLE_HEIGHT;
    }

    private void paintTitle(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), TITLE_HEIGHT);
        // A one-panel grid is narrow: shrink the title until it fits rather than cut it off.
        Font font = ChartTheme.FIGURE_TITLE_FONT;
        FontMetrics metrics = g.getFontMetrics(font);
        while (metrics.stringWidth(title) > width() - 2 * TITLE_MARGIN && font.getSize() > MIN_TITLE_SIZE) {
            font = font.deriveFont((float) font.getSize() - 1);
            metrics = g.getFontMetrics(font);
        }
        g.setFont(font);
        g.setColor(ChartTheme.TEXT_COLOR);
        int x = (width() - metrics.stringWidth(title)) / 2;
        int y = (TITLE_HEIGHT + metrics.getAscent() - metrics.getDescent()) / 2;
        g.drawString(title, Math.max(TITLE_MARGIN, x), y);
    }
}
