package dev.descent.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.ExperimentSummary;
import dev.descent.experiments.batch.Invocation;
import dev.descent.experiments.batch.RunConfiguration;
import dev.descent.experiments.batch.RunCounts;
import dev.descent.experiments.batch.SeedRun;
import dev.descent.experiments.batch.SettingSummary;
import dev.descent.experiments.batch.SpecReader;
import dev.descent.experiments.train.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class LearningRateChartTest {

    /** One run per setting of {@code optimizers} (a JSON list), 300 iterations, made-up falling losses. */
    private static ExperimentSummary summary(String optimizers) {
        ExperimentSpec spec = SpecReader.parse("s.json", "s", """
                {"iterations": 300, "eval_every": 100, "optimizers": %s}""".formatted(optimizers));
        Map<String, SeedRun> results = new LinkedHashMap<>();
        for (RunConfiguration run : spec.runs()) {
            double[] losses = new double[300];
            for (int i = 0; i < losses.length; i++) {
                losses[i] = 2.3 * Math.exp(-i / 100.0);
            }
            results.put(run.key(), new SeedRun(run.seed(), run.key(), new RunResult(run.optimizer().canonical(),
                    losses, new int[] {0, 100, 200, 299}, new double[] {0.1, 0.5, 0.6, 0.7}, -1, true,
                    2_000_000_000L, 300_000_000L)));
        }
        return ExperimentSummary.of(spec, results, new RunCounts(results.size(), 0, results.size(), 0),
                curve -> curve.clone());
    }

    @Test
    void pointsFallOnIterationOneEveryTenAndTheLast() {
        int[] expected300 = new int[31];
        expected300[0] = 1;
        for (int k = 1; k <= 30; k++) {
            expected300[k] = 10 * k;
        }
        assertArrayEquals(expected300, LearningRateChart.iterations(300));
        assertArrayEquals(new int[] {1, 10, 20, 25}, LearningRateChart.iterations(25));
        assertArrayEquals(new int[] {1, 7}, LearningRateChart.iterations(7));
        assertArrayEquals(new int[] {1}, LearningRateChart.iterations(1));
        // A long run takes a wider step and keeps at most BandSeries.MAX_POINTS points, so none is thinned away.
        int[] long100k = LearningRateChart.iterations(100_000);
        assertTrue(long100k.length <= BandSeries.MAX_POINTS, "" + long100k.length);
        assertEquals(100_000, long100k[long100k.length - 1]);
        assertEquals(LearningRateChart.step(100_000), long100k[1]);
    }

    @Test
    void theLineOfAStepScheduleHalvesTheRateEveryFiftyIterations() {
        ExperimentSummary summary = summary("[\"sgd:lr=0.1@step:every=50,gamma=0.5\", \"adam\"]");
        assertTrue(LearningRateChart.wanted(summary.settings()));
        XYChart chart = LearningRateChart.chart(summary.spec(), summary.settings(), "s");
        SettingSummary stepped = summary.settings().get(0);
        XYSeries line = chart.getSeriesMap().get(stepped.label() + " (line)");
        double[] x = new double[31];
        x[0] = 1;
        for (int k = 1; k <= 30; k++) {
            x[k] = 10 * k;
        }
        assertArrayEquals(x, line.getXData(), 0);
        // step:every=50,gamma=0.5 multiplies 0.1 by 0.5^⌊(i−1)/50⌋: iterations 1…50 at 0.1 (points 1, 10, …, 50),
        // 51…100 at 0.05 (60, …, 100), 101…150 at 0.025, 151…200 at 0.0125, 201…250 at 0.00625, 251…300 at
        // 0.003125.
        double[] y = new double[31];
        Arrays.fill(y, 0, 6, 0.1);
        Arrays.fill(y, 6, 11, 0.05);
        Arrays.fill(y, 11, 16, 0.025);
        Arrays.fill(y, 16, 21, 0.0125);
        Arrays.fill(y, 21, 26, 0.00625);
        Arrays.fill(y, 26, 31, 0.003125);
        assertArrayEquals(y, line.getYData(), 1e-15);
        // Adam without a schedule is drawn flat at its lr, 0.001.
        double[] flat = new double[31];
        Arrays.fill(flat, 0.001);
        assertArrayEquals(flat, chart.getSeriesMap().get(summary.settings().get(1).label() + " (line)").getYData(),
                1e-15);
        // Each setting keeps its legend label and colour of the loss chart; markers every 100 iterations.
        XYChart loss = BatchCharts.loss(summary.spec(), summary.settings(), "s");
        for (SettingSummary setting : summary.settings()) {
            assertEquals(loss.getSeriesMap().get(setting.label() + " (line)").getLineColor(),
                    chart.getSeriesMap().get(setting.label() + " (line)").getLineColor());
            assertTrue(chart.getSeriesMap().get(setting.label()).isShowInLegend());
        }
        assertArrayEquals(new double[] {1, 100, 200, 300},
                chart.getSeriesMap().get(stepped.label() + " (markers)").getXData(), 0);
    }

    @Test
    void aCosineWarmUpRisesLinearlyThenFallsToItsMinimum() {
        // cosine:warmup=100,min=0.1 on adam lr 0.001 over 300 iterations: iteration 50 is half-way up the warm-up,
        // 0.0005; the last iteration ends at min × lr = 0.0001.
        ExperimentSummary summary = summary("[\"adam@cosine:warmup=100,min=0.1\"]");
        XYChart chart = LearningRateChart.chart(summary.spec(), summary.settings(), "s");
        double[] y = chart.getSeriesMap().get(summary.settings().get(0).label() + " (line)").getYData();
        assertEquals(0.001 / 100, y[0], 1e-15);
        assertEquals(0.0005, y[5], 1e-15);
        assertEquals(0.0001, y[y.length - 1], 1e-12);
    }

    @Test
    void theChartIsWrittenAndInTheReportOnlyWhenSomeScheduleIsNotConstant(@TempDir Path dir) throws Exception {
        Path scheduled = Files.createDirectory(dir.resolve("scheduled"));
        List<ChartFile> files = BatchCharts.write(scheduled, summary("[\"sgd\", \"adam@step:every=100\"]"));
        assertEquals(List.of("loss", "accuracy", "lr"), files.stream().map(ChartFile::baseName).toList());
        assertTrue(Files.size(scheduled.resolve("lr.png")) > 0);
        assertTrue(Files.readString(scheduled.resolve("lr.svg")).contains("<svg"));
        assertTrue(ReportPage.html(scheduled, summary("[\"sgd\", \"adam@step:every=100\"]"), files,
                new Invocation("run", "descent run s.json", 1, Instant.EPOCH, Instant.EPOCH, 0))
                .contains("aria-label=\"Learning rate\""));

        Path constant = Files.createDirectory(dir.resolve("constant"));
        ExperimentSummary plain = summary("[\"sgd\", \"adam\"]");
        assertFalse(LearningRateChart.wanted(plain.settings()));
        files = BatchCharts.write(constant, plain);
        assertEquals(List.of("loss", "accuracy"), files.stream().map(ChartFile::baseName).toList());
        assertFalse(Files.exists(constant.resolve("lr.png")));
        assertFalse(Files.exists(constant.resolve("lr.svg")));
    }
}
