package dev.descent.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.ExperimentSummary;
import dev.descent.experiments.batch.RunConfiguration;
import dev.descent.experiments.batch.RunCounts;
import dev.descent.experiments.batch.SeedRun;
import dev.descent.experiments.batch.SpecReader;
import dev.descent.experiments.stats.PerformanceProfile;
import dev.descent.experiments.train.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

class PerformanceProfileChartTest {
    private static final int[] EVALS = {0, 4, 9};

    /**
     * SGD and Adam on seeds 0–2, target 0.5, accuracy measured after loop iterations 0, 4 and 9 (1, 5 and 10
     * updates). Each run's accuracy is 0.9 from its reaching evaluation on and 0.1 before (index 3: never):
     * <pre>
     *   seed   sgd reaches at   adam reaches at   ratios sgd, adam
     *   0      4  (5 updates)   0 (1 update)      5, 1
     *   1      9  (10)          4 (5)             2, 1
     *   2      4  (5)           never             1, ∞
     * </pre>
     * so ρ_sgd is 1/3 at τ = 1, 2/3 from 2, 1 from 5, and ρ_adam is 2/3 throughout.
     */
    private static final int[][] REACHING_EVALUATION = {{1, 0}, {2, 1}, {1, 3}};

    private static ExperimentSummary summary(String target, boolean dropSgdSeed1) {
        ExperimentSpec spec = SpecReader.parse("p.json", "p", """
                {"name": "p", "iterations": 10, "eval_every": 5, "seeds": 3, "optimizers": ["sgd", "adam"]%s}"""
                .formatted(target));
        Map<String, SeedRun> results = new LinkedHashMap<>();
        for (RunConfiguration run : spec.runs()) {
            int solver = run.optimizer().name().equals("sgd") ? 0 : 1;
            int seed = (int) run.seed();
            if (dropSgdSeed1 && solver == 0 && seed == 1) {
                continue;
            }
            double[] accuracy = new double[EVALS.length];
            for (int i = 0; i < accuracy.length; i++) {
                accuracy[i] = i >= REACHING_EVALUATION[seed][solver] ? 0.9 : 0.1;
            }
            results.put(run.key(), new SeedRun(run.seed(), run.key(), new RunResult(run.optimizer().canonical(),
                    new double[10], EVALS, accuracy, -1, true, 1_000_000L, 1_000_000L)));
        }
        int runs = results.size();
        return ExperimentSummary.of(spec, results, new RunCounts(6, 0, runs, 6 - runs), curve -> curve.clone());
    }

    @Test
    void timesAreUpdatesToTheTargetPerSeedAndRatiosAreOverTheFastest() {
        PerformanceProfile profile = PerformanceProfileChart.profile(summary(", \"target_accuracy\": 0.5", false))
                .orElseThrow();
        assertEquals(List.of("sgd:lr=0.01", "adam:lr=0.001"), profile.solvers());
        assertArrayEquals(new double[] {5, 1}, profile.ratios()[0], 0);
        assertArrayEquals(new double[] {2, 1}, profile.ratios()[1], 0);
        assertArrayEquals(new double[] {1, Double.POSITIVE_INFINITY}, profile.ratios()[2], 0);
    }

    @Test
    void theChartIsOneStaircasePerOptimizerOnALogTauAxis() {
        ExperimentSummary summary = summary(", \"target_accuracy\": 0.5", false);
        PerformanceProfile profile = PerformanceProfileChart.profile(summary).orElseThrow();
        XYChart chart = PerformanceProfileChart.chart(summary, profile, "p");
        // x is log2 τ; the largest finite ratio is 5 and the axis ends a quarter past it.
        assertEquals(Math.log(6.25) / Math.log(2), chart.getStyler().getXAxisMax(), 1e-12);
        List<XYSeries> series = List.copyOf(chart.getSeriesMap().values());
        assertEquals("sgd:lr=0.01 (fastest on 1, reached 3 of 3)", series.get(0).getName());
        double[] tau = series.get(0).getXData().clone();
        for (int i = 0; i < tau.length; i++) {
            tau[i] = Math.pow(2, tau[i]);
        }
        assertArrayEquals(new double[] {1, 2, 2, 5, 5, 6.25}, tau, 1e-12);
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 2 / 3.0, 2 / 3.0, 1, 1}, series.get(0).getYData(), 1e-12);
        assertEquals("adam:lr=0.001 (fastest on 2, reached 2 of 3)", series.get(1).getName());
        assertArrayEquals(new double[] {2 / 3.0, 2 / 3.0}, series.get(1).getYData(), 1e-12);
        assertEquals(BatchCharts.colors(summary.settings()).get(0), series.get(0).getLineColor());
    }

    @Test
    void tickLabelsAreTauToTwoDigits() {
        assertEquals("1", PerformanceProfileChart.tauLabel(0));
        assertEquals("1.4", PerformanceProfileChart.tauLabel(0.5));
        assertEquals("2", PerformanceProfileChart.tauLabel(1));
        assertEquals("11", PerformanceProfileChart.tauLabel(3.5));
    }

    @Test
    void aSeedWithoutEveryOptimizersRunIsLeftOut() {
        PerformanceProfile profile = PerformanceProfileChart.profile(summary(", \"target_accuracy\": 0.5", true))
                .orElseThrow();
        assertEquals(2, profile.problems());
        assertArrayEquals(new double[] {1, Double.POSITIVE_INFINITY}, profile.ratios()[1], 0);
    }

    @Test
    void problemsAreVariantsTimesSeeds() {
        ExperimentSpec spec = SpecReader.parse("v.json", "v", """
                {"name": "v", "iterations": 10, "eval_every": 5, "seeds": 1, "optimizers": ["sgd", "adam"],
                 "variants": [{"name": "a", "network": {"init": "he"}}, {"name": "b", "network": {"init": "xavier"}}],
                 "target_accuracy": 0.5}""");
        Map<String, SeedRun> results = new LinkedHashMap<>();
        for (RunConfiguration run : spec.runs()) {
            boolean fast = run.optimizer().name().equals("sgd") == run.setting().variant().name().equals("a");
            double[] accuracy = fast ? new double[] {0.9, 0.9, 0.9} : new double[] {0.1, 0.1, 0.9};
            results.put(run.key(), new SeedRun(run.seed(), run.key(), new RunResult(run.optimizer().canonical(),
                    new double[10], EVALS, accuracy, -1, true, 1_000_000L, 1_000_000L)));
        }
        ExperimentSummary summary = ExperimentSummary.of(spec, results, new RunCounts(4, 0, 4, 0), c -> c.clone());
        PerformanceProfile profile = PerformanceProfileChart.profile(summary).orElseThrow();
        // Variant a: sgd after 1 update, adam after 10; variant b the other way round.
        assertEquals(2, profile.problems());
        assertArrayEquals(new double[] {1, 10}, profile.ratios()[0], 0);
        assertArrayEquals(new double[] {10, 1}, profile.ratios()[1], 0);
    }

    @Test
    void theReportHasTheProfileOnlyWithATarget(@TempDir Path dir) throws Exception {
        List<ChartFile> charts = BatchCharts.write(dir, summary(", \"target_accuracy\": 0.5", false));
        ChartFile last = charts.get(charts.size() - 1);
        assertEquals("performance-profile", last.baseName());
        assertTrue(last.caption().contains("the 3 problems (one seed each"), last.caption());
        assertTrue(Files.size(dir.resolve("performance-profile.svg")) > 0);

        Path none = Files.createDirectory(dir.resolve("none"));
        List<ChartFile> withoutTarget = BatchCharts.write(none, summary("", false));
        assertTrue(withoutTarget.stream().noneMatch(chart -> chart.baseName().equals("performance-profile")));
        assertFalse(Files.exists(none.resolve("performance-profile.png")));
    }
}
