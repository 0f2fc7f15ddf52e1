package dev.descent.experiments.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.stats.BaselineTest;
import dev.descent.experiments.stats.TimeToTarget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Aggregates of {@link MadeUpRuns}, every number derived by hand in the comments (smoothing off). */
class ExperimentSummaryTest {
    private static final double SQRT_2_QUARTER = Math.sqrt(2 * 0.0625); // two values ±0.25 from their mean

    @Test
    void sgdAggregatesOverItsTwoSeeds() {
        SettingSummary sgd = MadeUpRuns.summary().settings().get(0);
        assertEquals("sgd:lr=0.01", sgd.label());
        // Loss per iteration over the seeds: {2, 2}, {1, 1.5}, {1, 1}, {0.5, 1}.
        assertArrayEquals(new double[] {2, 1.25, 1, 0.75}, sgd.loss().mean(), 1e-15);
        assertArrayEquals(new double[] {0, SQRT_2_QUARTER, 0, SQRT_2_QUARTER}, sgd.loss().std(), 1e-15);
        // Final loss (all 4 losses, fewer than 100): 4.5/4 = 1.125 and 5.5/4 = 1.375 → mean 1.25,
        // std √((0.125² + 0.125²)/1) = √0.03125.
        assertEquals(1.25, sgd.finalLoss().mean(), 1e-15);
        assertEquals(Math.sqrt(0.03125), sgd.finalLoss().std(), 1e-15);
        // Final accuracy 0.6 and 0.8 → 0.7 ± √0.02.
        assertEquals(0.7, sgd.finalAccuracy().mean(), 1e-15);
        assertEquals(Math.sqrt(0.02), sgd.finalAccuracy().std(), 1e-15);
        assertArrayEquals(new int[] {0, 2, 3}, sgd.evalIterations());
        assertArrayEquals(new double[] {0.1, 0.45, 0.7}, sgd.accuracy().mean(), 1e-15);
        assertEquals(1.0, sgd.msPerIteration().mean(), 1e-12);
        assertEquals(2.0, sgd.wallSeconds(), 1e-12);
        // Target 0.5: seed 0 at iteration 2 (0.5 counts), seed 1 at 3 → median 2.5; seconds 3 and 4 updates × 1 ms.
        TimeToTarget time = sgd.timeToTarget();
        assertArrayEquals(new int[] {2, 3}, time.iterations());
        assertEquals(2.5, time.medianIterations(), 0);
        assertEquals(0.0035, time.medianSeconds(), 1e-12);
        assertTrue(sgd.divergedSeeds().isEmpty());
        assertTrue(sgd.complete());
    }

    @Test
    void adamsDivergedSeedEndsItsCurvesAndLeavesTheMeans() {
        SettingSummary adam = MadeUpRuns.summary().settings().get(1);
        assertEquals(List.of(1L), adam.divergedSeeds());
        // Iterations 0 and 1 have both seeds ({1, 1}, {0.5, 0.5}); 2 and 3 only seed 0.
        assertArrayEquals(new double[] {1, 0.5, 0.25, 0.25}, adam.loss().mean(), 1e-15);
        assertArrayEquals(new int[] {2, 2, 1, 1}, adam.loss().count());
        assertTrue(Double.isNaN(adam.loss().std()[2]));
        // Final loss and accuracy come from seed 0 alone: (1 + 0.5 + 0.25 + 0.25)/4 = 0.5; no std of one value.
        assertEquals(1, adam.finalLoss().count());
        assertEquals(0.5, adam.finalLoss().mean(), 1e-15);
        assertTrue(Double.isNaN(adam.finalLoss().std()));
        assertEquals(0.9, adam.finalAccuracy().mean(), 1e-15);
        // Accuracy: evaluation 0 has both seeds (0.2, 0.3), the later ones only seed 0.
        assertArrayEquals(new double[] {0.25, 0.9, 0.9}, adam.accuracy().mean(), 1e-15);
        // Target: seed 0 at iteration 2, seed 1 never → median (2 + ∞)/2 = ∞: not reached, 1 of 2.
        assertEquals(1, adam.timeToTarget().reached());
        assertFalse(adam.timeToTarget().medianReached());
        assertArrayEquals(new double[] {0.5, Double.POSITIVE_INFINITY}, adam.finalLossesWithDivergedAsInfinity(), 0);
    }

    @Test
    void adamIsTestedAgainstTheSgdBaseline() {
        ExperimentSummary summary = MadeUpRuns.summary();
        assertSame(summary.settings().get(0), summary.baseline().orElseThrow());
        Map<Setting, BaselineTest> tests = summary.tests();
        assertEquals(1, tests.size());
        BaselineTest test = tests.get(summary.settings().get(1).setting());
        // Welch: Adam has one finite final loss left, too few.
        assertTrue(Double.isNaN(test.welchP()));
        assertTrue(test.welchReason().contains("got 1 and 2 not diverged"), test.welchReason());
        // Mann–Whitney on {0.5, ∞} vs {1.125, 1.375}: ranks 1 and 4 vs 2 and 3, so U = 5 − 3 = 2 for both sides,
        // equal to its mean n1·n2/2 = 2: z = 0 and p = 1.
        assertEquals(1.0, test.mannWhitneyP(), 1e-12);
        assertEquals(0.5 - 1.25, test.meanDifference(), 1e-15);
    }

    @Test
    void aMissingRunLeavesItsSettingIncomplete() {
        ExperimentSpec spec = MadeUpRuns.spec();
        Map<String, SeedRun> results = MadeUpRuns.results(spec);
        results.remove(spec.runs().get(1).key());
        ExperimentSummary summary = ExperimentSummary.of(spec, results, new RunCounts(4, 3, 0, 1), c -> c);
        SettingSummary sgd = summary.settings().get(0);
        assertFalse(sgd.complete());
        assertEquals(1, sgd.runs().size());
        assertEquals(1.125, sgd.finalLoss().mean(), 1e-15);
        assertFalse(summary.counts().complete());
    }

    @Test
    void aBaselineThatIsNotAmongTheSettingsIsSaidAndSkipped() {
        ExperimentSpec spec = SpecReader.parse("s.json", "s", "{\"iterations\": 4, \"optimizers\": [\"adam\"]}");
        ExperimentSummary summary = ExperimentSummary.of(spec, Map.of(), new RunCounts(1, 0, 0, 1), c -> c);
        assertTrue(summary.baseline().isEmpty());
        assertTrue(summary.tests().isEmpty());
        assertTrue(summary.baselineNote().contains("sgd:lr=0.01 is not among the settings"), summary.baselineNote());
    }
}
