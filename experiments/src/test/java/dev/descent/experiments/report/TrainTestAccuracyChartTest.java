package dev.descent.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.ExperimentSummary;
import dev.descent.experiments.batch.RunConfiguration;
import dev.descent.experiments.batch.RunCounts;
import dev.descent.experiments.batch.SeedRun;
import dev.descent.experiments.batch.SpecReader;
import java.awt.BasicStroke;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import dev.descent.experiments.train.RunResult;

/** Figure 6-20: per variant, the mean over seeds of the test accuracy (solid) and the train accuracy (dashed). */
class TrainTestAccuracyChartTest {

    private static ExperimentSummary summary(boolean train) {
        ExperimentSpec spec = SpecReader.parse("o.json", "o", """
                {"iterations": 3, "eval_every": 2, "seeds": 2, "train_size": 300, "batch_size": 100,
                 "optimizers": ["sgd"], %s
                 "variants": [{"name": "plain"}, {"name": "decay", "network": {"weight_decay": 0.1}}]}"""
                .formatted(train ? "\"evaluate\": [\"test\", \"train\"]," : ""));
        Map<String, SeedRun> results = new LinkedHashMap<>();
        int n = 0;
        for (RunConfiguration run : spec.runs()) {
            // Seed s of variant v: test 0.5 + 0.1 s, train 0.9 + 0.05 s at the last evaluation.
            double s = run.seed();
            double[] trainAccuracy = train ? new double[] {0.1, 0.9 + 0.05 * s} : new double[0];
            results.put(run.key(), new SeedRun(run.seed(), run.key(), new RunResult(run.optimizer().canonical(),
                    new double[] {2, 1, 0.5}, new int[] {0, 2}, new double[] {0.1, 0.5 + 0.1 * s + 0.01 * n}, -1,
                    true, 1, 1, trainAccuracy, new double[0], new double[0])));
            n++;
        }
        return ExperimentSummary.of(spec, results, new RunCounts(4, 4, 0, 0), curve -> curve.clone());
    }

    @Test
    void eachVariantHasASolidTestLineAndADashedTrainLineOfItsSeedsMean() {
        ExperimentSummary summary = summary(true);
        assertTrue(TrainTestAccuracyChart.wanted(summary));
        XYChart chart = TrainTestAccuracyChart.chart(summary, "o");
        Map<String, XYSeries> series = chart.getSeriesMap();
        XYSeries test = series.get("plain test");
        XYSeries train = series.get("plain train");
        assertNotNull(test);
        assertNotNull(train);
        assertArrayEquals(new double[] {0, 2}, test.getXData(), 0);
        // Seeds 0 and 1 of "plain" are runs 0 and 1: test (0.5 + 0.6 + 0.01) / 2, train (0.9 + 0.95) / 2.
        assertEquals(0.555, test.getYData()[1], 1e-12);
        assertEquals(0.925, train.getYData()[1], 1e-12);
        assertEquals(0.575, series.get("decay test").getYData()[1], 1e-12);
        assertEquals(test.getLineColor(), train.getLineColor());
        assertNull(((BasicStroke) test.getLineStyle()).getDashArray());
        assertNotNull(((BasicStroke) train.getLineStyle()).getDashArray());
        assertFalse(series.get("plain test").getLineColor().equals(series.get("decay test").getLineColor()));
    }

    @Test
    void aLongDashedLineKeepsFewerPointsWithItsEnds() {
        ExperimentSpec spec = SpecReader.parse("o.json", "o", "{\"iterations\": 601, \"eval_every\": 3,"
                + " \"train_size\": 300, \"batch_size\": 100, \"optimizers\": [\"sgd\"],"
                + " \"evaluate\": [\"test\", \"train\"]}");
        RunConfiguration run = spec.runs().get(0);
        int n = run.setup().evaluationCount();
        int[] at = new int[n];
        double[] curve = new double[n];
        for (int i = 0; i < n; i++) {
            at[i] = Math.min(3 * i, 600);
            curve[i] = i / (double) n;
        }
        Map<String, SeedRun> results = Map.of(run.key(), new SeedRun(0, run.key(), new RunResult(
                run.optimizer().canonical(), new double[601], at, curve, -1, true, 1, 1, curve, new double[0],
                new double[0])));
        XYChart chart = TrainTestAccuracyChart.chart(ExperimentSummary.of(spec, results, new RunCounts(1, 1, 0, 0),
                c -> c.clone()), "o");
        XYSeries test = chart.getSeriesMap().get("sgd:lr=0.01 test");
        XYSeries train = chart.getSeriesMap().get("sgd:lr=0.01 train");
        assertEquals(n, test.getXData().length);
        assertTrue(train.getXData().length <= TrainTestAccuracyChart.DASHED_POINTS, "" + train.getXData().length);
        assertEquals(0, train.getXData()[0]);
        assertEquals(600, train.getXData()[train.getXData().length - 1]);
        assertEquals(curve[n - 1], train.getYData()[train.getYData().length - 1]);
    }

    @Test
    void withoutTrainAccuracyThereIsNoSuchChart() {
        assertFalse(TrainTestAccuracyChart.wanted(summary(false)));
        List<String> names = List.copyOf(TrainTestAccuracyChart.chart(summary(false), "o").getSeriesMap().keySet());
        assertFalse(names.contains("plain train"));
    }
}
