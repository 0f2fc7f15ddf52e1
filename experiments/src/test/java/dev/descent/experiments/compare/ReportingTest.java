package dev.descent.experiments.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.experiments.charts.ChartTheme;
import dev.descent.experiments.cli.OptimizerSpecs;
import dev.descent.experiments.curves.KaiserSmoothing;
import dev.descent.experiments.train.RunResult;
import dev.descent.optimizers.Optimizers;
import java.awt.Color;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The table, the short spec labels, the charts and summary.json, on hand-made results (no training). */
class ReportingTest {
    private static final int ITERATIONS = 1000;

    /** A run whose loss falls as 2/(i+1) + 0.1; diverges at {@code divergedAt} or completes. */
    private static RunResult run(String spec, int divergedAt, boolean complete, int recorded) {
        double[] losses = IntStream.range(0, recorded).mapToDouble(i -> 2.0 / (i + 1) + 0.1).toArray();
        int[] evals = IntStream.iterate(0, i -> i < recorded, i -> i + 100).toArray();
        double[] accuracy = Arrays.stream(evals).mapToDouble(i -> 0.9 + i / 1e5).toArray();
        return new RunResult(Optimizers.parse(spec).toString(), losses, evals, accuracy, divergedAt, complete,
                3_000_000_000L, 2_000_000_000L);
    }

    private static ComparisonResult result(RunResult... runs) {
        List<String> specs = Arrays.stream(runs).map(RunResult::optimizer).toList();
        CompareSettings settings = new CompareSettings(FixtureRuns.setup(ITERATIONS, 128, 100, 0), specs, null, 2);
        OffsetDateTime now = OffsetDateTime.parse("2025-01-02T03:04:05Z");
        return new ComparisonResult(settings, List.of(runs), now, now.plusSeconds(4), 4_500_000_000L);
    }

    private static ComparisonResult bookFiveWithADivergence() {
        return result(run("sgd", -1, true, ITERATIONS), run("momentum", -1, true, ITERATIONS),
                run("adagrad", -1, true, ITERATIONS), run("rmsprop:lr=0.5", 123, true, 123),
                run("adam", -1, true, ITERATIONS));
    }

    @Test
    void shortLabelsKeepTheLearningRateAndWhatDiffersFromTheDefaults() {
        assertEquals("adam:lr=0.001", OptimizerSpecs.brief("adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07"));
        assertEquals("adam:lr=0.01,beta2=0.99", OptimizerSpecs.brief("adam:beta2=0.99,lr=0.01"));
        assertEquals("momentum:lr=0.01", OptimizerSpecs.brief("momentum"));
        assertEquals("sgd:lr=0.01", OptimizerSpecs.brief("sgd:lr=0.01"));
        assertEquals("rmsprop:lr=0.01", OptimizerSpecs.brief("rmsprop:lr=0.01,decay=0.99,eps=1e-07"));
        assertEquals("adam:lr=0.01,beta1=0.5,b...", SpecLabels.cut(OptimizerSpecs.brief("adam:lr=0.01,beta1=0.5,beta2=0.9"),
                27));
        assertEquals("adam:lr=0.01", SpecLabels.cut("adam:lr=0.01", 12));
    }

    @Test
    void theTableFitsIn80ColumnsAndFlagsDivergence() {
        String table = SummaryTable.render(bookFiveWithADivergence());
        List<String> lines = List.of(table.split("\n"));
        for (String line : lines) {
            assertTrue(line.length() <= 80, "longer than 80 columns (" + line.length() + "): " + line);
        }
        assertTrue(lines.get(0).startsWith("optimizer"), table);
        String rmsprop = lines.stream().filter(line -> line.startsWith("rmsprop:lr=0.5 ")).findFirst().orElseThrow();
        assertTrue(rmsprop.endsWith("diverged at 123"), rmsprop);
        assertTrue(rmsprop.contains(" - "), "no final loss for a diverged run: " + rmsprop);
        // sgd: mean of 2/(i+1) + 0.1 over i = 900..999; accuracy 0.9 + 900/1e5; 2 s over 1000 iterations.
        double finalLoss = IntStream.range(900, 1000).mapToDouble(i -> 2.0 / (i + 1) + 0.1).average().orElseThrow();
        String sgd = lines.stream().filter(line -> line.startsWith("sgd:lr=0.01 ")).findFirst().orElseThrow();
        assertEquals(List.of("sgd:lr=0.01", String.format(Locale.ROOT, "%.4f", finalLoss), "90.90", "2.00"),
                List.of(sgd.trim().split(" +")));
        assertTrue(table.contains("total wall time 4.5 s"), table);
        assertFalse(table.contains("interrupted"), table);

        String clean = SummaryTable.render(result(run("sgd", -1, true, ITERATIONS),
                run("adagrad", -1, true, ITERATIONS)));
        List<String> cleanLines = clean.lines().toList();
        assertTrue(cleanLines.get(0).endsWith("ms/iter"), "no empty note column: " + clean);
        assertTrue(cleanLines.get(3).startsWith("adagrad:lr=0.01,eps=1e-07  "), "specs that fit stay whole: " + clean);
    }

    @Test
    void theLossChartHasASmoothedCurveMarkersEvery100AndOneLegendEntryPerRun() {
        ComparisonResult result = bookFiveWithADivergence();
        XYChart chart = CompareCharts.loss(result);
        List<String> legend = chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend)
                .map(XYSeries::getName).toList();
        assertEquals(List.of("sgd:lr=0.01", "momentum:lr=0.01,momentum=0.9", "adagrad:lr=0.01,eps=1e-07",
                "rmsprop:lr=0.5,decay=0.99,eps=1e-07 (diverged at 123)", "adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07"),
                legend);

        RunResult sgd = result.runs().get(0);
        XYSeries line = chart.getSeriesMap().get(sgd.optimizer() + " line");
        assertArrayEquals(KaiserSmoothing.smooth(sgd.losses()), line.getYData());
        XYSeries markers = chart.getSeriesMap().get(sgd.optimizer() + " markers");
        assertArrayEquals(IntStream.range(0, 10).mapToDouble(k -> 100.0 * k).toArray(), markers.getXData());
        assertEquals(line.getYData()[300], markers.getYData()[3]);

        // The diverged run is drawn up to its last finite loss.
        RunResult rmsprop = result.runs().get(3);
        assertEquals(123, chart.getSeriesMap().get(rmsprop.optimizer() + " line").getXData().length);
        assertEquals(2, chart.getSeriesMap().get(rmsprop.optimizer() + " markers").getXData().length);

        assertEquals(0.0, chart.getStyler().getYAxisMin());
        assertEquals(1.0, chart.getStyler().getYAxisMax());
        assertEquals("iterations", chart.getXAxisTitle());
        assertEquals("loss", chart.getYAxisTitle());
        for (XYSeries series : chart.getSeriesMap().values()) {
            if (series.isShowInLegend()) {
                assertEquals(series.getLineColor(), series.getMarkerColor(), series.getName());
            }
        }
        assertEquals(chart.getSeriesMap().get(sgd.optimizer()).getLineColor(), line.getLineColor());
    }

    @Test
    void repeatedOptimizerNamesGetDistinctColours() {
        ComparisonResult result = result(run("adam", -1, true, 10), run("sgd", -1, true, 10),
                run("adam:lr=0.01", -1, true, 10), run("adam:lr=0.1", -1, true, 10));
        List<Color> colors = CompareCharts.colors(result);
        assertEquals(ChartTheme.colorFor("adam"), colors.get(0));
        assertEquals(ChartTheme.colorFor("sgd"), colors.get(1));
        assertEquals(4, Set.copyOf(colors).size(), colors.toString());
    }

    @Test
    void theSummaryHasTheSpecConfigurationAndNullsForMissingNumbers() {
        JsonNode summary = SummaryJson.of(bookFiveWithADivergence());
        assertTrue(summary.get("complete").asBoolean());
        assertEquals("2025-01-02T03:04:05Z", summary.get("started").asText());
        assertEquals(4.5, summary.get("wall_seconds").asDouble());
        JsonNode configuration = summary.get("configuration");
        assertEquals(List.of("name", "dataset", "data", "network", "iterations", "batch_size", "sampling",
                "eval_every", "seeds", "optimizers"), iterable(configuration.fieldNames()));
        assertTrue(configuration.get("data").isNull());
        JsonNode rmsprop = summary.get("runs").get(3);
        assertTrue(rmsprop.get("final_loss").isNull());
        assertEquals(123, rmsprop.get("diverged_at").asInt());
        assertEquals(123, rmsprop.get("iterations_completed").asInt());
        JsonNode sgd = summary.get("runs").get(0);
        assertTrue(sgd.get("diverged_at").isNull());
        assertEquals(2.0, sgd.get("ms_per_iteration").asDouble(), 1e-12);
        assertEquals(3.0, sgd.get("wall_seconds").asDouble(), 1e-12);
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
