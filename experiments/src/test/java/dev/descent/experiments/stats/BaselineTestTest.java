package dev.descent.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

class BaselineTestTest {
    private static final double[] SETTING = {0.10, 0.12, 0.11, 0.15, 0.09};
    private static final double[] BASELINE = {0.30, 0.25, 0.35, 0.28, 0.31};

    @Test
    void welchPValueMatchesTheFormulaAndCommonsMathsTTest() {
        BaselineTest test = BaselineTest.of(SETTING, BASELINE);
        // By hand: means 0.114 and 0.298; sample variances
        //   setting:  deviations −0.014, 0.006, −0.004, 0.036, −0.024 → Σd² = 0.00212 → /4 = 0.00053
        //   baseline: deviations 0.002, −0.048, 0.052, −0.018, 0.012 → Σd² = 0.00548 → /4 = 0.00137
        // t = (0.114 − 0.298) / √(0.00053/5 + 0.00137/5) = −0.184 / √0.00038 ≈ −9.44
        // Welch–Satterthwaite df = 0.00038² / ((0.000106)²/4 + (0.000274)²/4) ≈ 6.7
        double se2 = 0.00053 / 5 + 0.00137 / 5;
        double t = (0.114 - 0.298) / Math.sqrt(se2);
        double df = se2 * se2 / (Math.pow(0.00053 / 5, 2) / 4 + Math.pow(0.00137 / 5, 2) / 4);
        double expected = 2 * new TDistribution(df).cumulativeProbability(-Math.abs(t));
        assertEquals(expected, test.welchP(), 1e-9);
        assertEquals(new TTest().tTest(SETTING, BASELINE), test.welchP(), 1e-15);
        assertEquals(0.114 - 0.298, test.meanDifference(), 1e-12);
        assertNull(test.welchReason());
    }

    @Test
    void mannWhitneyPValueMatchesTheNormalApproximationByHand() {
        // {1, 2, 3} vs {4, 5, 6}: U1 = 0, U2 = 9; Commons Math takes U = max = 9, mean n1·n2/2 = 4.5,
        // variance n1·n2·(n1 + n2 + 1)/12 = 9·7/12 = 5.25; z = (9 − 4.5)/√5.25; p = 2·Φ(−|z|) ≈ 0.0495.
        double z = 4.5 / Math.sqrt(5.25);
        double expected = 2 * new NormalDistribution().cumulativeProbability(-z);
        BaselineTest test = BaselineTest.of(new double[] {1, 2, 3}, new double[] {4, 5, 6});
        assertEquals(expected, test.mannWhitneyP(), 1e-12);
        assertEquals(0.0495, test.mannWhitneyP(), 1e-4);
    }

    @Test
    void divergedSeedsAreLeftOutOfWelchButRankedWorstByMannWhitney() {
        double inf = Double.POSITIVE_INFINITY;
        double[] setting = {0.1, 0.2, inf};
        double[] baseline = {0.3, 0.4, 0.5};
        BaselineTest test = BaselineTest.of(setting, baseline);
        assertEquals(new TTest().tTest(new double[] {0.1, 0.2}, baseline), test.welchP(), 1e-15);
        // Ranks: 0.1→1, 0.2→2, ∞→6 for the setting, the same as ranking it with any loss above 0.5.
        assertEquals(new MannWhitneyUTest().mannWhitneyUTest(new double[] {0.1, 0.2, 99}, baseline),
                test.mannWhitneyP(), 1e-15);
        assertEquals((0.1 + 0.2) / 2 - 0.4, test.meanDifference(), 1e-12);
    }

    @Test
    void fewerThanTwoSeedsPerSideGiveNoPValueAndSayWhy() {
        BaselineTest test = BaselineTest.of(new double[] {0.1}, new double[] {0.2, 0.3});
        assertTrue(Double.isNaN(test.welchP()));
        assertTrue(Double.isNaN(test.mannWhitneyP()));
        assertTrue(test.welchReason().contains("at least 2 seeds per side, got 1 and 2"), test.welchReason());
        assertNotNull(test.mannWhitneyReason());

        BaselineTest diverged = BaselineTest.of(new double[] {0.1, Double.POSITIVE_INFINITY}, new double[] {0.2, 0.3});
        assertTrue(Double.isNaN(diverged.welchP()));
        assertTrue(diverged.welchReason().contains("not diverged"), diverged.welchReason());
        assertNull(diverged.mannWhitneyReason()); // both seeds still count for the rank test
    }

    @Test
    void identicalLossesOnBothSidesHaveNoWelchPValue() {
        BaselineTest test = BaselineTest.of(new double[] {0.5, 0.5}, new double[] {0.5, 0.5});
        assertTrue(Double.isNaN(test.welchP()));
        assertTrue(test.welchReason().contains("zero variance"), test.welchReason());
    }

    @Test
    void nanIsNotAValidFinalLoss() {
        assertThrows(IllegalArgumentException.class,
                () -> BaselineTest.of(new double[] {Double.NaN, 1}, new double[] {1, 2}));
    }
}
