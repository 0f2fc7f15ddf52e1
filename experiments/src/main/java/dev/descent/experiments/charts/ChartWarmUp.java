package dev.descent.experiments.charts;

import java.io.IOException;
import org.knowm.xchart.XYChart;

/**
 * Draws a small throw-away chart to PNG and SVG in memory on a background thread. The first chart of a JVM loads
 * AWT, fonts and the encoders, about a second; a command calls this while it loads its data, so that its real charts
 * do not pay for it at the end. A class of its own so that the caller's thread does not initialise
 * {@link ChartFiles} (its static block starts ImageIO, about 25 ms): the warm-up thread does.
 */
public final class ChartWarmUp {

    private ChartWarmUp() {
    }

    /** Starts the warm-up; returns at once. */
    public static void inBackground() {
        Thread warmUp = new Thread(() -> {
            try {
                XYChart chart = ChartTheme.xyChart(320, 240, "warm-up", "x", "y");
                chart.addSeries("s", new double[] {0, 1, 2}, new double[] {0, 1, 0});
                ChartFiles.png(ChartFiles.of(chart));
                ChartFiles.svg(ChartFiles.of(chart));
            } catch (RuntimeException | IOException | java.awt.AWTError | LinkageError ignored) {
                // Only an optimisation: a real chart reports any real problem.
            }
        }, "descent-chart-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }
}
