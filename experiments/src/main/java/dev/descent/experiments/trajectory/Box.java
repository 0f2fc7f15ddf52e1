package dev.descent.experiments.trajectory;

import java.util.ArrayList;
import java.util.List;

/**
 * The visible rectangle of a plot, and clipping of paths to it, so that a path that leaves the axes (or becomes
 * NaN) is drawn up to the edge instead of stretching the axes or breaking the chart.
 *
 * @param xMin left edge
 * @param xMax right edge
 * @param yMin bottom edge
 * @param yMax top edge
 */
public record Box(double xMin, double xMax, double yMin, double yMax) {

    public Box {
        if (!(xMin < xMax) || !(yMin < yMax)) {
            throw new IllegalArgumentException("a box needs xMin < xMax and yMin < yMax, got x " + xMin + ".." + xMax
                + ", y " + yMin + ".." + yMax);
        }
    }

    /** Whether (x, y) is finite and inside the box, edges included. */
    public boolean contains(double x, double y) {
        return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
    }

    /**
     * The part of the segment (x0, y0)–(x1, y1) inside the box as {x0, y0, x1, y1}, or {@code null} if none is
     * (or an end is not finite). Liang–Barsky: the segment is p(s) = p0 + s·(p1 − p0), s in [0, 1]; each edge
     * bounds s from one side.
     *
     * <p>Where the segment is cut, the coordinate of the edge that cut it is set to the edge exactly: for a point
     * at 1e30 the other form, y0 + s·dy, would lose every digit to cancellation and land anywhere in the box.
     */
    public double[] clip(double x0, double y0, double x1, double y1) {
        if (!Double.isFinite(x0) || !Double.isFinite(y0) || !Double.isFinite(x1) || !Double.isFinite(y1)) {
            return null;
        }
        double dx = x1 - x0;
        double dy = y1 - y0;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 - xMin, xMax - x0, y0 - yMin, yMax - y0};
        double sEnter = 0;
        double sLeave = 1;
        int enterEdge = -1;
        int leaveEdge = -1;
        for (int edge = 0; edge < 4; edge++) {
            if (p[edge] == 0) {
                if (q[edge] < 0) {
                    return null;
                }
            } else {
                double s = q[edge] / p[edge];
                if (p[edge] < 0 && s > sEnter) {
                    sEnter = s;
                    enterEdge = edge;
                } else if (p[edge] > 0 && s < sLeave) {
                    sLeave = s;
                    leaveEdge = edge;
                }
            }
        }
        if (sEnter > sLeave) {
            return null;
        }
        double[] start = enterEdge < 0 ? new double[] {x0, y0} : cut(x0, y0, dx, dy, sEnter, enterEdge);
        double[] end = leaveEdge < 0 ? new double[] {x1, y1} : cut(x0, y0, dx, dy, sLeave, leaveEdge);
        return new double[] {start[0], start[1], end[0], end[1]};
    }

    /**
     * The polyline through the points, clipped to the box: a list of pieces, each {xs, ys} with at least two
     * points. A piece ends where the path leaves the box or meets a non-finite point.
     */
    public List<double[][]> clipPolyline(double[] xs, double[] ys) {
        List<double[][]> pieces = new ArrayList<>();
        List<double[]> piece = new ArrayList<>();
        for (int i = 0; i + 1 < xs.length; i++) {
            double[] segment = clip(xs[i], ys[i], xs[i + 1], ys[i + 1]);
            boolean continues = !piece.isEmpty() && contains(xs[i], ys[i]);
            if (segment == null) {
                flush(piece, pieces);
                continue;
            }
            if (!continues) {
                flush(piece, pieces);
                piece.add(new double[] {segment[0], segment[1]});
            }
            piece.add(new double[] {segment[2], segment[3]});
            if (!contains(xs[i + 1], ys[i + 1])) {
                flush(piece, pieces);
            }
        }
        flush(piece, pieces);
        return pieces;
    }

    private static void flush(List<double[]> piece, List<double[][]> pieces) {
        if (piece.size() >= 2) {
            double[] px = new double[piece.size()];
            double[] py = new double[piece.size()];
            for (int i = 0; i < piece.size(); i++) {
                px[i] = piece.get(i)[0];
                py[i] = piece.get(i)[1];
            }
            pieces.add(new double[][] {px, py});
        }
        piece.clear();
    }

    // The point where the segment crosses edge 0 (left), 1 (right), 2 (bottom) or 3 (top).
    private double[] cut(double x0, double y0, double dx, double dy, double s, int edge) {
        double x = edge == 0 ? xMin : edge == 1 ? xMax : clamp(x0 + s * dx, xMin, xMax);
        double y = edge == 2 ? yMin : edge == 3 ? yMax : clamp(y0 + s * dy, yMin, yMax);
        return new double[] {x, y};
    }

    private static double clamp(double value, double min, double max) {
        // Rounding in x0 + s·dx can land a hair outside an edge.
        return Math.max(min, Math.min(max, value));
    }
}
