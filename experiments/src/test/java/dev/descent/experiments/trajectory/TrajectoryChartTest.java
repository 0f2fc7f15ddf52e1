package dev.descent.experiments.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.charts.ChartGrid;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class TrajectoryChartTest {

    @Test
    void aPanelHasTheSpecAsTitleFixedAxesAndEveryPointInside() {
        Trajectory t = new Trajectory("sgd:lr=0.95", new float[] {-7f, -6.335f, 30f, Float.NaN, 1f},
            new float[] {2f, -1.8f, 0f, 0f, 1f});
        XYChart panel = TrajectoryChart.panel(t);
        assertEquals("sgd:lr=0.95", panel.getTitle());
        assertEquals(-10.0, panel.getStyler().getXAxisMin());
        assertEquals(10.0, panel.getStyler().getXAxisMax());
        assertEquals(-10.0, panel.getStyler().getYAxisMin());
        assertEquals(10.0, panel.getStyler().getYAxisMax());
        for (XYSeries series : panel.getSeriesMap().values()) {
            for (int i = 0; i < series.getXData().length; i++) {
                double x = series.getXData()[i];
                double y = series.getYData()[i];
                assertTrue(Math.abs(x) <= 10 && Math.abs(y) <= 10, series.getName() + " point " + x + "," + y);
            }
        }
        // Three of five points are drawn as markers; (30, 0) and the NaN point are counted under the axis.
        assertEquals(3, panel.getSeriesMap().get("points").getXData().length);
        assertEquals("x    (2 of 5 points off the chart)", panel.getXAxisTitle());
    }

    @Test
    void aPathInsideTheAxesHasNoNote() {
        Trajectory t = new Trajectory("adam", new float[] {-7f, -6f}, new float[] {2f, 1f});
        assertEquals("x", TrajectoryChart.panel(t).getXAxisTitle());
    }

    @Test
    void theContoursAreLevelSetsOfF() {
        XYChart panel = TrajectoryChart.panel(new Trajectory("sgd", new float[] {0f, 0f}, new float[] {0f, 0f}));
        int contourPoints = 0;
        for (XYSeries series : panel.getSeriesMap().values()) {
            if (!series.getName().startsWith("f = ")) {
                continue;
            }
            double level = Double.parseDouble(series.getName().substring(4, series.getName().indexOf(" #")));
            for (int i = 0; i < series.getXData().length; i++) {
                double x = series.getXData()[i];
                double y = series.getYData()[i];
                // Points cut at the edge lie on the ellipse too (up to the cut's interpolation along a chord).
                assertEquals(level, x * x / 20 + y * y, 0.02 * level, series.getName());
                contourPoints++;
            }
        }
        assertTrue(contourPoints > 500, "contours drawn: " + contourPoints);
    }

    @Test
    void sixPanelsMakeAThreeByTwoGrid() {
        List<Trajectory> six = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam").stream()
            .map(name -> new Trajectory(name, new float[] {-7f}, new float[] {2f})).toList();
        ChartGrid grid = TrajectoryChart.grid(six);
        assertEquals(3, grid.columns());
        assertEquals(2, grid.rows());
    }
}
