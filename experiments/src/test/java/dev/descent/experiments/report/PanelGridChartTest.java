package dev.descent.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.ExperimentSummary;
import dev.descent.experiments.batch.RunConfiguration;
import dev.descent.experiments.batch.RunCounts;
import dev.descent.experiments.batch.SeedRun;
import dev.descent.experiments.batch.SettingSummary;
import dev.descent.experiments.batch.SpecReader;
import dev.descent.experiments.charts.ChartGrid;
import dev.descent.experiments.stats.CurveBand;
import dev.descent.experiments.train.RunResult;
import java.awt.BasicStroke;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class PanelGridChartTest {

    /**
     * A made-up experiment whose variants are {@code variantsJson}; every run's test accuracy is 0.1 at iteration 0
     * and then 0.5 + 0.1·(variant index) at iterations 5 and 9, so each variant's curve is told apart by its
     * index. The variant at {@code divergingVariant} (or none, -1) diverges at iteration 1.
     */
    static ExperimentSummary summary(String variantsJson, String optimizers, int divergingVariant) {
        ExperimentSpec spec = SpecReader.parse("g.json", "g", """
                {"name": "g", "iterations": 10, "eval_every": 5, "seeds": [0], "optimizers": [%s],
                 "variants": [%s]}""".formatted(optimizers, variantsJson));
        Map<String, SeedRun> results = new LinkedHashMap<>();
        for (RunConfiguration run : spec.runs()) {
            int index = spec.variants().indexOf(run.setting().variant());
            double level = 0.5 + 0.1 * index;
            RunResult result = index == divergingVariant
                    ? new RunResult(run.optimizer().canonical(), new double[] {2.3}, new int[] {0},
                            new double[] {0.1}, 1, true, 1_000_000L, 1_000_000L)
                    : new RunResult(run.optimizer().canonical(), new double[10], new int[] {0, 5, 9},
                            new double[] {0.1, level, level}, -1, true, 1_000_000L, 1_000_000L);
            results.put(run.key(), new SeedRun(run.seed(), run.key(), result));
        }
        int runs = spec.runs().size();
        return ExperimentSummary.of(spec, results, new RunCounts(runs, 0, runs, 0), curve -> curve.clone());
    }

    /** Three weight scales × with and without BatchNorm, BatchNorm first as in batchnorm.json. */
    private static final String SCALES_BY_BATCH_NORM = """
            {"name": "BN 1", "network": {"init": "1", "batch_norm": true}},
            {"name": "1", "network": {"init": "1"}},
            {"name": "BN 0.1", "network": {"init": "0.1", "batch_norm": true}},
            {"name": "0.1", "network": {"init": "0.1"}},
            {"name": "BN 0.01", "network": {"init": "0.01", "batch_norm": true}},
            {"name": "0.01", "network": {"init": "0.01"}}""";

    @Test
    void variantsCrossingThreeScalesWithTwoBatchNormValuesAreAGridOfScalePanels() {
        ExperimentSummary summary = summary(SCALES_BY_BATCH_NORM, "\"sgd\"", -1);
        PanelLayout layout = PanelLayout.of(summary.settings()).orElseThrow();
        assertEquals("init", layout.panelField());
        // Panel values as the net writes them: "1" is the standard deviation 1.0.
        assertEquals(List.of("1.0", "0.1", "0.01"), layout.panelValues());
        assertEquals("batch_norm", layout.lineField());
        // In spec order: BatchNorm comes first, so it is the solid line.
        assertEquals(List.of("true", "false"), layout.lineValues());
        assertEquals("BN 0.1", layout.cell("0.1", "true").get(0).setting().variant().name());
        assertEquals("0.01", layout.cell("0.01", "false").get(0).setting().variant().name());
    }

    @Test
    void theFieldsMayComeInEitherOrderAndOptimizersShareACell() {
        // The two-valued field is dropout here and is listed after the panel field; two optimizer specs.
        ExperimentSummary summary = summary("""
                {"name": "a", "network": {"dropout": 0.0, "weight_decay": 0.0}},
                {"name": "b", "network": {"dropout": 0.0, "weight_decay": 0.01}},
                {"name": "c", "network": {"dropout": 0.0, "weight_decay": 0.1}},
                {"name": "d", "network": {"dropout": 0.2, "weight_decay": 0.0}},
                {"name": "e", "network": {"dropout": 0.2, "weight_decay": 0.01}},
                {"name": "f", "network": {"dropout": 0.2, "weight_decay": 0.1}}""", "\"sgd\", \"adam\"", -1);
        PanelLayout layout = PanelLayout.of(summary.settings()).orElseThrow();
        assertEquals("weight_decay", layout.panelField());
        assertEquals(List.of("0.0", "0.01", "0.1"), layout.panelValues());
        assertEquals("dropout", layout.lineField());
        List<SettingSummary> cell = layout.cell("0.1", "0.2");
        assertEquals(List.of("sgd", "adam"), cell.stream().map(s -> s.setting().optimizer().name()).toList());
        assertTrue(cell.stream().allMatch(s -> s.setting().variant().name().equals("f")));
    }

    @Test
    void otherVariantSetsAreNoGrid() {
        // One field varying (weight-init.json).
        assertNoGrid("""
                {"name": "a", "network": {"init": "0.01"}}, {"name": "b", "network": {"init": "xavier"}},
                {"name": "c", "network": {"init": "he"}}""");
        // Two fields of two values each: which would be the panels?
        assertNoGrid("""
                {"name": "a", "network": {"init": "1", "batch_norm": true}}, {"name": "b", "network": {"init": "1"}},
                {"name": "c", "network": {"init": "0.1", "batch_norm": true}}, {"name": "d", "network": {"init": "0.1"}}""");
        // Three scales but one combination missing.
        assertNoGrid("""
                {"name": "a", "network": {"init": "1", "batch_norm": true}}, {"name": "b", "network": {"init": "1"}},
                {"name": "c", "network": {"init": "0.1", "batch_norm": true}}, {"name": "d", "network": {"init": "0.1"}},
                {"name": "e", "network": {"init": "0.01", "batch_norm": true}}""");
        // A third field varying too.
        assertNoGrid(SCALES_BY_BATCH_NORM.replace("{\"init\": \"0.01\"}", "{\"init\": \"0.01\", \"dropout\": 0.5}"));
        // No variants at all.
        ExperimentSummary plain = ReportPageTest.sweep("plain");
        assertTrue(PanelLayout.of(plain.settings()).isEmpty());
    }

    private static void assertNoGrid(String variants) {
        Optional<PanelLayout> layout = PanelLayout.of(summary(variants, "\"sgd\"", -1).settings());
        assertTrue(layout.isEmpty(), () -> "a grid for " + variants + ": " + layout);
    }

    @Test
    void eachPanelDrawsItsTwoVariantsSolidAndDashedOnSharedAxes() {
        ExperimentSummary summary = summary(SCALES_BY_BATCH_NORM, "\"sgd\"", -1);
        PanelLayout layout = PanelLayout.of(summary.settings()).orElseThrow();
        ChartGrid grid = PanelGridChart.grid("g", 10, layout, CurveSource.TEST_ACCURACY);
        assertEquals(3, grid.columns());
        assertEquals(1, grid.rows());
        for (int p = 0; p < 3; p++) {
            XYChart panel = PanelGridChart.panel(layout, layout.panelValues().get(p), 10,
                    CurveSource.TEST_ACCURACY, p == 0);
            assertEquals("init=" + layout.panelValues().get(p), panel.getTitle());
            assertEquals(0.0, panel.getStyler().getYAxisMin(), 0);
            assertEquals(1.0, panel.getStyler().getYAxisMax(), 0);
            assertEquals(10.0, panel.getStyler().getXAxisMax(), 0);
            assertFalse(panel.getStyler().isLegendVisible(), "one optimizer: nothing for a legend to tell apart");
            List<XYSeries> series = List.copyOf(panel.getSeriesMap().values());
            XYSeries solid = series.get(0);
            XYSeries dashed = series.get(1);
            assertNull(((BasicStroke) solid.getLineStyle()).getDashArray());
            assertTrue(((BasicStroke) dashed.getLineStyle()).getDashArray().length > 0);
            assertEquals(solid.getLineColor(), dashed.getLineColor(), "the optimizer's colour for both");
            // Variant 2p (BatchNorm) is solid, 2p + 1 dashed: accuracy 0.5 + 0.1·index after iteration 0.
            assertArrayEquals(new double[] {0, 5, 9}, solid.getXData(), 0);
            assertArrayEquals(new double[] {0.1, 0.5 + 0.2 * p, 0.5 + 0.2 * p}, solid.getYData(), 1e-12);
            assertArrayEquals(new double[] {0.1, 0.6 + 0.2 * p, 0.6 + 0.2 * p}, dashed.getYData(), 1e-12);
        }
    }

    @Test
    void aDivergedLineIsNamedInItsPanelTitleAndSeveralOptimizersGetALegend() {
        ExperimentSummary summary = summary(SCALES_BY_BATCH_NORM, "\"sgd\", \"adam\"", 1);
        PanelLayout layout = PanelLayout.of(summary.settings()).orElseThrow();
        XYChart first = PanelGridChart.panel(layout, "1.0", 10, CurveSource.TEST_ACCURACY, true);
        assertEquals("init=1.0 (dashed diverged)", first.getTitle());
        assertTrue(first.getStyler().isLegendVisible());
        XYChart second = PanelGridChart.panel(layout, "0.1", 10, CurveSource.TEST_ACCURACY, false);
        assertEquals("init=0.1", second.getTitle());
        assertFalse(second.getStyler().isLegendVisible());
        List<XYSeries> series = List.copyOf(second.getSeriesMap().values());
        // sgd solid, adam solid, sgd dashed, adam dashed; sgd and adam in their own colours.
        assertEquals("sgd:lr=0.01 · batch_norm=true", series.get(0).getName());
        assertEquals("adam:lr=0.001 · batch_norm=false", series.get(3).getName());
        assertFalse(series.get(0).getLineColor().equals(series.get(1).getLineColor()));
    }

    @Test
    void theCurveIsAParameter() {
        ExperimentSummary summary = summary(SCALES_BY_BATCH_NORM, "\"sgd\"", -1);
        PanelLayout layout = PanelLayout.of(summary.settings()).orElseThrow();
        // A stand-in for training accuracy: 1 − test accuracy, measured at the same iterations.
        CurveSource other = new CurveSource("other", "other accuracy", SettingSummary::evalIterations,
                setting -> {
                    double[] mean = setting.accuracy().mean().clone();
                    for (int i = 0; i < mean.length; i++) {
                        mean[i] = 1 - mean[i];
                    }
                    return new CurveBand(mean, setting.accuracy().std(), setting.accuracy().count());
                });
        XYChart panel = PanelGridChart.panel(layout, "1.0", 10, other, true);
        XYSeries solid = panel.getSeriesMap().values().iterator().next();
        assertArrayEquals(new double[] {0.9, 0.5, 0.5}, solid.getYData(), 1e-12);
        assertEquals("other-grid", PanelGridChart.baseName(other));
    }

    @Test
    void theReportGetsTheGridOnlyWhenTheVariantsFormOne(@TempDir Path dir) throws Exception {
        ExperimentSummary grid = summary(SCALES_BY_BATCH_NORM, "\"sgd\"", -1);
        List<ChartFile> charts = BatchCharts.write(dir, grid);
        assertEquals("test-accuracy-grid", charts.get(0).baseName());
        assertEquals("Test accuracy per init", charts.get(0).title());
        assertTrue(Files.size(dir.resolve("test-accuracy-grid.png")) > 0);
        String svg = Files.readString(dir.resolve("test-accuracy-grid.svg"));
        // XChart draws panel titles as glyph outlines; the grid's title is SVG text.
        assertTrue(svg.contains(">g: test accuracy against iterations per init; solid batch_norm=true, dashed batch_norm=false</text>"),
                "the title says which line is which");

        Path other = Files.createDirectory(dir.resolve("sweep"));
        List<ChartFile> sweepCharts = BatchCharts.write(other, ReportPageTest.sweep("s"));
        assertTrue(sweepCharts.stream().noneMatch(chart -> chart.baseName().endsWith("-grid")));
        assertFalse(Files.exists(other.resolve("test-accuracy-grid.png")));
    }

    @Test
    void runsThatMeasuredTrainingAccuracyGetTheBooksTrainingAccuracyGridToo(@TempDir Path dir) throws Exception {
        ExperimentSummary withTrain = withTrainAccuracy(summary(SCALES_BY_BATCH_NORM, "\"sgd\"", -1));
        List<ChartFile> charts = BatchCharts.write(dir, withTrain);
        assertEquals(List.of("test-accuracy-grid", "train-accuracy-grid"),
                charts.stream().map(ChartFile::baseName).toList().subList(0, 2));
        assertTrue(Files.size(dir.resolve("train-accuracy-grid.png")) > 0);
        // Training accuracy here is test accuracy + 0.3 (a stand-in told apart from it), so the panel draws that.
        PanelLayout layout = PanelLayout.of(withTrain.settings()).orElseThrow();
        XYChart panel = PanelGridChart.panel(layout, "1.0", 10, CurveSource.TRAIN_ACCURACY, true);
        XYSeries solid = panel.getSeriesMap().values().iterator().next();
        assertArrayEquals(new double[] {0.4, 0.8, 0.8}, solid.getYData(), 1e-12);
    }

    /** The same runs, each with a training accuracy of its test accuracy + 0.3. */
    private static ExperimentSummary withTrainAccuracy(ExperimentSummary summary) {
        Map<String, SeedRun> results = new LinkedHashMap<>();
        for (SettingSummary setting : summary.settings()) {
            for (SeedRun run : setting.runs()) {
                RunResult r = run.result();
                double[] train = r.testAccuracy().clone();
                for (int i = 0; i < train.length; i++) {
                    train[i] += 0.3;
                }
                results.put(run.key(), new SeedRun(run.seed(), run.key(), new RunResult(r.optimizer(), r.losses(),
                        r.evalIterations(), r.testAccuracy(), r.divergedAt(), r.complete(), r.wallNanos(),
                        r.trainNanos(), train, new double[0], new double[0])));
            }
        }
        int runs = results.size();
        return ExperimentSummary.of(summary.spec(), results, new RunCounts(runs, 0, runs, 0), curve -> curve.clone());
    }
}
