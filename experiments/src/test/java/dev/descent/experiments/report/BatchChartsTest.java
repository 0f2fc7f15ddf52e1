package dev.descent.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.ExperimentSummary;
import dev.descent.experiments.batch.RunConfiguration;
import dev.descent.experiments.batch.RunCounts;
import dev.descent.experiments.batch.SeedRun;
import dev.descent.experiments.batch.SpecReader;
import dev.descent.experiments.batch.SettingSummary;
import dev.descent.experiments.train.RunResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class BatchChartsTest {

    @Test
    void thinningKeepsTheEndsAndAtMostFiveHundredPoints() {
        assertArrayEquals(new int[] {0, 1, 2}, BandSeries.thin(3));
        int[] kept = BandSeries.thin(2000);
        assertTrue(kept.length <= BandSeries.MAX_POINTS, "" + kept.length);
        assertEquals(0, kept[0]);
        assertEquals(1999, kept[kept.length - 1]);
        for (int k = 1; k < kept.length; k++) {
            assertTrue(kept[k] > kept[k - 1]);
        }
        assertEquals(BandSeries.MAX_POINTS, BandSeries.thin(BandSeries.MAX_POINTS).length);
    }

    @Test
    void eachSettingIsABandUnderALineWithMarkersAndOnlyTheLegendEntryIsInTheLegend() {
        ExperimentSummary summary = ReportPageTest.sweep("s");
        XYChart chart = BatchCharts.loss(summary.spec(), summary.settings(), "s");
        List<XYSeries> series = List.copyOf(chart.getSeriesMap().values());
        // Band, line, markers and legend entry per setting, and the invisible tick anchor.
        assertEquals(4 * summary.settings().size() + 1, series.size());
        XYSeries band = series.get(0);
        XYSeries line = series.get(1);
        XYSeries markers = series.get(2);
        XYSeries legend = series.get(3);
        assertEquals(XYSeries.XYSeriesRenderStyle.PolygonArea, band.getXYSeriesRenderStyle());
        assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, markers.getXYSeriesRenderStyle());
        assertTrue(!band.isShowInLegend() && !line.isShowInLegend() && !markers.isShowInLegend()
                && legend.isShowInLegend());
        assertEquals(line.getLineColor(), legend.getLineColor());
        assertEquals(summary.settings().get(0).label(), legend.getName());
        // The polygon runs along mean + std and back along mean − std.
        SettingSummary first = summary.settings().get(0);
        double[] y = band.getYData();
        assertEquals(first.loss().mean()[0] + first.loss().std()[0], y[0], 1e-12);
        assertEquals(first.loss().mean()[0] - first.loss().std()[0], y[y.length - 1], 1e-12);
    }

    @Test
    void architecturesRepeatingAWidthAreWrittenShortInTitles() {
        assertEquals("784-100×4-10", BatchCharts.compact("784-100-100-100-100-10"));
        assertEquals("784-50-100×2-10", BatchCharts.compact("784-50-100-100-10"));
        assertEquals("784-10", BatchCharts.compact("784-10"));
    }

    /** A summary of one setting per optimizer, from a spec naming {@code names}; the numbers do not matter. */
    private static ExperimentSummary race(List<String> names) {
        String optimizers = String.join("\", \"", names);
        ExperimentSpec spec = SpecReader.parse("race.json", "race", """
                {"name": "race", "iterations": 10, "eval_every": 5, "seeds": 5, "optimizers": ["%s"]}"""
                .formatted(optimizers));
        Map<String, SeedRun> results = new LinkedHashMap<>();
        for (RunConfiguration run : spec.runs()) {
            results.put(run.key(), new SeedRun(run.seed(), run.key(), new RunResult(run.optimizer().canonical(),
                    new double[10], new int[] {0, 5, 9}, new double[3], -1, true, 1, 1)));
        }
        return ExperimentSummary.of(spec, results, new RunCounts(5 * names.size(), 0, 5 * names.size(), 0),
                curve -> curve.clone());
    }

    @Test
    void aRaceOfSingleSettingsIsOneChartAndItsTitleFits() {
        List<String> eleven = List.of("sgd", "momentum", "adagrad", "rmsprop", "adam", "adamw", "nadam", "radam",
                "lion", "muon", "sf-adamw");
        ExperimentSummary summary = race(eleven);
        // Before: more than 8 settings were split into one chart per optimizer, eleven charts of one line each.
        assertEquals(List.of(""), List.copyOf(BatchCharts.groups(summary.settings()).keySet()));
        assertEquals("race on MNIST (784-100×4-10, relu, batch 128, seeds 0–4)", BatchCharts.title(summary));
        // Twelve settings where one rule has two (a grid) are split per rule, as before.
        List<String> withGrid = new java.util.ArrayList<>(eleven);
        withGrid.add("adam:lr=0.01");
        assertEquals(11, BatchCharts.groups(race(withGrid).settings()).size());
    }

    @Test
    void theLossAxisIsTheBooksUnlessSomethingStaysHigh() {
        ExperimentSummary summary = ReportPageTest.sweep("s");
        // sgd at lr 0.001 stays near 2.3 + 0.05·seed: the axis opens to the next half above its mean, 2.5.
        assertEquals(2.5, BatchCharts.lossAxisMax(300, summary.settings()), 0);
        // The fast setting alone (lr 0.1: 2.3·e^(−30/30) + 0.075 ≈ 0.92 at iteration 30, the first the axis
        // looks at, and lower after) keeps the book's 0..1.
        assertEquals(1.0, BatchCharts.lossAxisMax(300, summary.settings().subList(2, 3)), 0);
    }

    @Test
    void theSensitivityChartNeedsTwoLearningRatesOfOneOptimizer() {
        ExperimentSummary summary = ReportPageTest.sweep("s");
        XYChart chart = BatchCharts.sensitivity(summary.settings(), "s");
        assertNotNull(chart);
        XYSeries line = chart.getSeriesMap().values().iterator().next();
        assertArrayEquals(new double[] {0.001, 0.01, 0.1}, line.getXData(), 0);
        assertNull(BatchCharts.sensitivity(summary.settings().subList(0, 1), "s"));
    }

    @Test
    void chartsAreWrittenAsPngAndSvg(@TempDir Path dir) throws Exception {
        List<ChartFile> files = BatchCharts.write(dir, ReportPageTest.sweep("s"));
        // The sweep sets a target and has three optimizer specs: a performance profile comes last.
        assertEquals(List.of("lr-sensitivity", "loss", "accuracy", "performance-profile"),
                files.stream().map(ChartFile::baseName).toList());
        for (ChartFile file : files) {
            assertTrue(Files.size(dir.resolve(file.baseName() + ".png")) > 0);
            assertTrue(Files.size(dir.resolve(file.baseName() + ".svg")) > 0);
        }
    }
}
