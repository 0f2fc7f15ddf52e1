package dev.descent.experiments.tuning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.batch.ParameterRange;
import dev.descent.experiments.batch.TuningSpec;
import dev.descent.optimizers.OptimizerSpec;
import java.util.List;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/** Random and grid search: in range, reproducible, log-uniform where asked, and each optimizer its own stream. */
class TrialDrawsTest {
    private static final OptimizerSpec SGD = OptimizerSpec.parse("sgd");
    private static final OptimizerSpec ADAM = OptimizerSpec.parse("adam");
    private static final ParameterRange BOOK_LR = new ParameterRange("lr", ParameterRange.Scale.LOG, 1e-6, 1e-2);
    private static final ParameterRange BOOK_DECAY = new ParameterRange(ParameterRange.NETWORK_WEIGHT_DECAY,
            ParameterRange.Scale.LOG, 1e-8, 1e-4);

    private static TuningSpec random(int trials, long seed, ParameterRange... ranges) {
        return new TuningSpec(trials, TuningSpec.Search.RANDOM, TuningSpec.Select.VALIDATION_ACCURACY,
                List.of(ranges), seed);
    }

    private static double[] lrs(List<Trial> trials) {
        return trials.stream().mapToDouble(trial -> trial.optimizer().learningRate()).toArray();
    }

    @Test
    void theBooksDrawsLieInTheirRangesAndAreReproducible() {
        List<Trial> trials = TrialDraws.of(random(100, 0, BOOK_LR, BOOK_DECAY), SGD);
        assertEquals(100, trials.size());
        for (Trial trial : trials) {
            double lr = trial.optimizer().learningRate();
            assertTrue(lr >= 1e-6 && lr <= 1e-2, "lr " + lr);
            assertTrue(trial.weightDecay() >= 1e-8 && trial.weightDecay() <= 1e-4, "λ " + trial.weightDecay());
            assertTrue(trial.tunesWeightDecay());
            assertEquals("sgd", trial.optimizer().name());
        }
        assertEquals(trials, TrialDraws.of(random(100, 0, BOOK_LR, BOOK_DECAY), SGD), "same seed, same trials");
        assertNotEquals(trials, TrialDraws.of(random(100, 1, BOOK_LR, BOOK_DECAY), SGD), "another seed");
        // The first 10 of 100 draws are the 10 draws of a 10-trial tuning: one stream, read in order.
        assertEquals(trials.subList(0, 10), TrialDraws.of(random(10, 0, BOOK_LR, BOOK_DECAY), SGD));
    }

    @Test
    void eachOptimizerHasItsOwnStream() {
        double[] sgd = lrs(TrialDraws.of(random(20, 0, BOOK_LR), SGD));
        double[] adam = lrs(TrialDraws.of(random(20, 0, BOOK_LR), ADAM));
        assertNotEquals(sgd[0], adam[0]);
        // And adding another optimizer to a spec cannot change them: the stream depends on the spec alone.
        assertArrayEquals(sgd, lrs(TrialDraws.of(random(20, 0, BOOK_LR), SGD)));
    }

    /**
     * Log-uniform: log10 of the drawn learning rates is uniform on [−6, −2]. Kolmogorov–Smirnov (Commons Math)
     * over 5000 draws; and the same test rejects the draws of a plain uniform range, so it can fail.
     */
    @Test
    void logRangesAreLogUniformByKolmogorovSmirnov() {
        double[] log10 = java.util.Arrays.stream(lrs(TrialDraws.of(random(5000, 42, BOOK_LR), SGD)))
                .map(Math::log10).toArray();
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double p = ks.kolmogorovSmirnovTest(new UniformRealDistribution(-6, -2), log10);
        assertTrue(p > 0.001, "log10(lr) should be uniform on [-6, -2], KS p = " + p);

        ParameterRange uniform = new ParameterRange("lr", ParameterRange.Scale.UNIFORM, 1e-6, 1e-2);
        double[] plain = lrs(TrialDraws.of(random(5000, 42, uniform), SGD));
        double[] plainLog10 = java.util.Arrays.stream(plain).map(Math::log10).toArray();
        assertTrue(ks.kolmogorovSmirnovTest(new UniformRealDistribution(-6, -2), plainLog10) < 1e-6,
                "uniform draws are not log-uniform");
        double pUniform = ks.kolmogorovSmirnovTest(new UniformRealDistribution(1e-6, 1e-2), plain);
        assertTrue(pUniform > 0.001, "a uniform range is uniform, KS p = " + pUniform);
    }

    @Test
    void decadesAreCentredOnEachOptimizersDefault() {
        assertArrayEquals(new double[] {1e-4, 1.0}, TrialDraws.bounds(ParameterRange.DEFAULT_LR, SGD), 1e-15);
        assertArrayEquals(new double[] {1e-5, 0.1}, TrialDraws.bounds(ParameterRange.DEFAULT_LR, ADAM), 1e-16);
        TuningSpec tuning = random(200, 3, ParameterRange.DEFAULT_LR);
        for (double lr : lrs(TrialDraws.of(tuning, ADAM))) {
            assertTrue(lr >= 1e-5 && lr <= 0.1, "adam lr " + lr);
        }
        for (Trial trial : TrialDraws.of(tuning, ADAM)) {
            assertEquals(ADAM.with("lr", trial.optimizer().learningRate()), trial.optimizer(),
                    "only the learning rate changes");
            assertTrue(!trial.tunesWeightDecay());
        }
    }

    @Test
    void drawsAreRoundedToThreeSignificantDigits() {
        assertEquals(0.000316, TrialDraws.round(0.00031622776601683794));
        assertEquals(1.23e-7, TrialDraws.round(1.2345e-7));
        for (Trial trial : TrialDraws.of(random(50, 5, BOOK_LR, BOOK_DECAY), SGD)) {
            assertEquals(TrialDraws.round(trial.optimizer().learningRate()), trial.optimizer().learningRate());
            assertEquals(TrialDraws.round(trial.weightDecay()), trial.weightDecay());
        }
    }

    /** Grid search: ⌊trials^(1/k)⌋ points per range, both ends included, log-spaced, first range slowest. */
    @Test
    void gridSearchSpreadsPointsEvenlyOnTheLogScale() {
        assertEquals(10, TrialDraws.perRange(100, 2));
        assertEquals(4, TrialDraws.perRange(20, 2));
        assertEquals(20, TrialDraws.perRange(20, 1));
        assertEquals(2, TrialDraws.perRange(8, 3));
        TuningSpec grid = new TuningSpec(5, TuningSpec.Search.GRID, TuningSpec.Select.FINAL_VALIDATION_LOSS,
                List.of(new ParameterRange("lr", ParameterRange.Scale.LOG, 1e-4, 1.0)), 0);
        assertArrayEquals(new double[] {1e-4, 1e-3, 1e-2, 1e-1, 1.0}, lrs(TrialDraws.of(grid, SGD)), 1e-15);
        TuningSpec two = new TuningSpec(9, TuningSpec.Search.GRID, TuningSpec.Select.FINAL_VALIDATION_LOSS,
                List.of(BOOK_LR, BOOK_DECAY), 0);
        List<Trial> trials = TrialDraws.of(two, SGD);
        assertEquals(9, trials.size());
        assertEquals(1e-6, trials.get(0).optimizer().learningRate());
        assertEquals(1e-8, trials.get(0).weightDecay());
        assertEquals(1e-6, trials.get(1).optimizer().learningRate());
        assertEquals(1e-6, trials.get(1).weightDecay(), 1e-20);
        assertEquals(1e-4, trials.get(2).weightDecay(), 1e-18);
        assertEquals(1e-4, trials.get(3).optimizer().learningRate(), 1e-18);
        assertEquals(1e-2, trials.get(8).optimizer().learningRate(), 1e-16);
    }

    @Test
    void aRangeOfAKeyTheOptimizerLacksLeavesItAlone() {
        ParameterRange momentum = new ParameterRange("momentum", ParameterRange.Scale.UNIFORM, 0.5, 0.95);
        List<Trial> adam = TrialDraws.of(random(3, 0, momentum), ADAM);
        assertEquals(3, adam.size());
        adam.forEach(trial -> assertEquals(ADAM, trial.optimizer()));
        List<Trial> heavyBall = TrialDraws.of(random(3, 0, momentum), OptimizerSpec.parse("momentum"));
        heavyBall.forEach(trial -> assertTrue(trial.optimizer().hyperparameters().get("momentum") >= 0.5));
    }
}
