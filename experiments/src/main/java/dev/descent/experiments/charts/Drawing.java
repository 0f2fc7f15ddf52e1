package dev.descent.experiments.charts;

import java.awt.Graphics2D;

/** Something of a fixed size that paints itself on a {@link Graphics2D}: a chart, or a grid of charts. */
public interface Drawing {
    /** Width in pixels (PNG) or points (SVG). */
    int width();

    /** Height in pixels (PNG) or points (SVG). */
    int height();

    /** Paints the whole drawing with its top-left corner at the origin of {@code g}. */
    void paint(Graphics2D g);
}
