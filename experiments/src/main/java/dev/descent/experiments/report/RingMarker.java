package dev.descent.experiments.report;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import org.knowm.xchart.style.markers.Marker;

/**
 * An unfilled circle twice the marker size, drawn around a point to mark it (the chosen trial of a tuning) without
 * hiding the optimizer's own marker underneath. XChart's markers are all filled.
 */
final class RingMarker extends Marker {
    private static final float RING_WIDTH = 2f;

    @Override
    public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
        double diameter = 2.2 * markerSize;
        g.setStroke(new BasicStroke(RING_WIDTH));
        g.draw(new Ellipse2D.Double(xOffset - diameter / 2, yOffset - diameter / 2, diameter, diameter));
    }
}
