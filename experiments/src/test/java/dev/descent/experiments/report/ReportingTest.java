package dev.descent.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.ExperimentSummary;
import dev.descent.experiments.batch.Invocation;
import dev.descent.experiments.batch.RunConfiguration;
import dev.descent.experiments.batch.RunCounts;
import dev.descent.experiments.batch.SeedRun;
import dev.descent.experiments.batch.SpecReader;
import dev.descent.experiments.batch.SummaryFiles;
import dev.descent.experiments.charts.ChartTheme;
import dev.descent.experiments.common.Labels;
import dev.descent.experiments.curves.KaiserSmoothing;
import dev.descent.experiments.io.Json;
import dev.descent.experiments.pipeline.ComparePresentation;
import dev.descent.experiments.train.RunResult;
import dev.descent.optimizers.OptimizerSpec;
import java.awt.Color;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** compare's table, the short spec labels, the charts and summary.json, on hand-made results (no training). */
class ReportingTest {
    private static final int ITERATIONS = 1000;

    /** A run whose loss falls as 2/(i+1) + 0.1; diverges at {@code divergedAt} or completes. */
    private static RunResult run(String spec, int divergedAt, boolean complete, int recorded) {
        double[] losses = IntStream.range(0, recorded).mapToDouble(i -> 2.0 / (i + 1) + 0.1).toArray();
        int[] evals = IntStream.iterate(0, i -> i < recorded, i -> i + 100).toArray();
        double[] accuracy = java.util.Arrays.stream(evals).mapToDouble(i -> 0.9 + i / 1e5).toArray();
        return new RunResult(OptimizerSpec.parse(spec).canonical(), losses, evals, accuracy, divergedAt, complete,
                3_000_000_000L, 2_000_000_000L);
    }

    /** A one-seed experiment of the runs' optimizers, as compare makes it, with the runs as its results. */
    private static ExperimentSummary summary(RunResult... runs) {
        String list = java.util.Arrays.stream(runs).map(run -> "\"" + run.optimizer() + "\"")
                .collect(Collectors.joining(", "));
        ExperimentSpec spec = SpecReader.parse("c.json", "compare", "{\"iterations\": " + ITERATIONS
                + ", \"optimizers\": [" + list + "]}");
        Map<String, SeedRun> results = new LinkedHashMap<>();
        List<RunConfiguration> configurations = spec.runs();
        for (int r = 0; r < runs.length; r++) {
            results.put(configurations.get(r).key(), new SeedRun(0, configurations.get(r).key(), runs[r]));
        }
        return ExperimentSummary.of(spec, results, new RunCounts(runs.length, 0, runs.length, 0),
                KaiserSmoothing::smooth);
    }

    private static RunResult[] bookFiveWithADivergence() {
        return new RunResult[] {run("sgd", -1, true, ITERATIONS), run("momentum", -1, true, ITERATIONS),
            run("adagrad", -1, true, ITERATIONS), run("rmsprop:lr=0.5", 123, true, 123),
            run("adam", -1, true, ITERATIONS)};
    }

    private static String table(RunResult... runs) {
        List<OptimizerSpec> specs = java.util.Arrays.stream(runs).map(run -> OptimizerSpec.parse(run.optimizer()))
                .toList();
        return ComparePresentation.table(specs, List.of(runs), 4.5, true);
    }

    @Test
    void shortLabelsKeepTheLearningRateAndWhatDiffersFromTheDefaults() {
        assertEquals("adam:lr=0.001", OptimizerSpec.parse("adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07").brief());
        assertEquals("adam:lr=0.01,beta2=0.99", OptimizerSpec.parse("adam:beta2=0.99,lr=0.01").brief());
        assertEquals("momentum:lr=0.01", OptimizerSpec.parse("momentum").brief());
        assertEquals("sgd:lr=0.01", OptimizerSpec.parse("sgd:lr=0.01").brief());
        assertEquals("rmsprop:lr=0.01", OptimizerSpec.parse("rmsprop:lr=0.01,decay=0.99,eps=1e-07").brief());
        assertEquals("adam:lr=0.01,beta1=0.5,b...",
                Labels.cut(OptimizerSpec.parse("adam:lr=0.01,beta1=0.5,beta2=0.9").brief(), 27));
        assertEquals("adam:lr=0.01", Labels.cut("adam:lr=0.01", 12));
    }

    @Test
    void theTableFitsIn80ColumnsAndFlagsDivergence() {
        String table = table(bookFiveWithADivergence());
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

        String clean = table(run("sgd", -1, true, ITERATIONS), run("adagrad", -1, true, ITERATIONS));
        List<String> cleanLines = clean.lines().toList();
        assertTrue(cleanLines.get(0).endsWith("ms/iter"), "no empty note column: " + clean);
        assertTrue(cleanLines.get(3).startsWith("adagrad:lr=0.01,eps=1e-07  "), "specs that fit stay whole: " + clean);
    }

    @Test
    void theLossChartHasASmoothedCurveMarkersEvery100AndOneLegendEntryPerRun() {
        RunResult[] runs = bookFiveWithADivergence();
        ExperimentSummary summary = summary(runs);
        XYChart chart = BatchCharts.loss(summary.spec(), summary.settings(), "t");
        List<String> legend = chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend)
                .map(XYSeries::getName).toList();
        assertEquals(List.of("sgd:lr=0.01", "momentum:lr=0.01", "adagrad:lr=0.01",
                "rmsprop:lr=0.5 (diverged at 123)", "adam:lr=0.001"), legend);

        // The line is the smoothed loss, thinned to at most BandSeries.MAX_POINTS points.
        double[] smoothed = KaiserSmoothing.smooth(runs[0].losses());
        XYSeries line = chart.getSeriesMap().get("sgd:lr=0.01 (line)");
        for (int k = 0; k < line.getXData().length; k++) {
            assertEquals(smoothed[(int) line.getXData()[k]], line.getYData()[k], 0, "point " + k);
        }
        assertEquals(ITERATIONS - 1, line.getXData()[line.getXData().length - 1]);
        XYSeries markers = chart.getSeriesMap().get("sgd:lr=0.01 (markers)");
        assertArrayEquals(IntStream.range(0, 10).mapToDouble(k -> 100.0 * k).toArray(), markers.getXData());
        assertEquals(smoothed[300], markers.getYData()[3]);

        // The diverged run is drawn up to its last finite loss.
        assertEquals(123, chart.getSeriesMap().get("rmsprop:lr=0.5 (diverged at 123) (line)").getXData().length);
        assertEquals(2, chart.getSeriesMap().get("rmsprop:lr=0.5 (diverged at 123) (markers)").getXData().length);

        assertEquals(0.0, chart.getStyler().getYAxisMin());
        assertEquals(1.0, chart.getStyler().getYAxisMax());
        assertEquals("iterations", chart.getXAxisTitle());
        assertEquals("loss", chart.getYAxisTitle());
        for (XYSeries series : chart.getSeriesMap().values()) {
            if (series.isShowInLegend()) {
                assertEquals(series.getLineColor(), series.getMarkerColor(), series.getName());
            }
        }
        assertEquals(chart.getSeriesMap().get("sgd:lr=0.01").getLineColor(), line.getLineColor());
        assertEquals(ChartTheme.colorFor("sgd"), line.getLineColor());
    }

    @Test
    void theAccuracyAxisFollowsTheDataInWholePercent() {
        ExperimentSummary summary = summary(bookFiveWithADivergence());
        XYChart chart = BatchCharts.accuracy(summary.spec(), summary.settings(), "t");
        // Accuracies 0.9 + i/1e5 from iteration 100 (the first tenth is left out) to 900: 0.901 .. 0.909.
        assertEquals(0.89, chart.getStyler().getYAxisMin(), 1e-12);
        assertEquals(0.92, chart.getStyler().getYAxisMax(), 1e-12);
    }

    @Test
    void repeatedOptimizerNamesGetDistinctColours() {
        ExperimentSummary summary = summary(run("adam", -1, true, 10), run("sgd", -1, true, 10),
                run("adam:lr=0.01", -1, true, 10), run("adam:lr=0.1", -1, true, 10));
        List<Color> colors = BatchCharts.colors(summary.settings());
        assertEquals(ChartTheme.colorFor("adam"), colors.get(0));
        assertEquals(ChartTheme.colorFor("sgd"), colors.get(1));
        assertEquals(4, Set.copyOf(colors).size(), colors.toString());
    }

    @Test
    void theSummaryHasTheSpecAndNullsForMissingNumbers(@TempDir Path dir) throws Exception {
        SummaryFiles.write(dir, summary(bookFiveWithADivergence()), new Invocation("compare", "descent compare", 2,
                Instant.parse("2025-01-02T03:04:05Z"), Instant.parse("2025-01-02T03:04:10Z"), 4.5));
        JsonNode summary = Json.mapper().readTree(dir.resolve(SummaryFiles.SUMMARY_JSON).toFile());
        assertEquals("descent-summary", summary.get("format").asText());
        assertEquals(2, summary.get("format_version").asInt());
        assertTrue(summary.get("complete").asBoolean());
        assertEquals("2025-01-02T03:04:05Z", summary.get("started").asText());
        assertEquals(4.5, summary.get("wall_seconds").asDouble());
        JsonNode spec = summary.get("spec");
        assertEquals(List.of("name", "dataset", "data", "network", "iterations", "batch_size", "sampling",
                "eval_every", "seeds", "optimizers", "baseline"), iterable(spec.fieldNames()));
        assertTrue(spec.get("data").isNull());
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
