package dev.descent.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceProfileTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    /**
     * Three solvers on four problems, worked by hand:
     * <pre>
     *   problem   A     B     C        best   ratios A, B, C
     *   p0        100   200   fail     100    1,   2,   ∞
     *   p1        300   150   150      150    2,   1,   1     (B and C tie: both are "fastest")
     *   p2        fail  fail  fail     none   ∞,   ∞,   ∞     (nobody solved it: a failure for all, still counted)
     *   p3        50    200   100      50     1,   4,   2
     * </pre>
     * ρ_A: 2/4 at τ = 1 (p0, p3), 3/4 from τ = 2 on; ρ_B: 1/4, 2/4 from 2, 3/4 from 4; ρ_C: 1/4, 2/4 from 2.
     */
    private static final double[][] TIMES = {
        {100, 200, INF},
        {300, 150, 150},
        {INF, INF, INF},
        {50, 200, 100},
    };

    private static PerformanceProfile profile() {
        return PerformanceProfile.of(List.of("A", "B", "C"), TIMES);
    }

    @Test
    void ratiosAreEachTimeOverTheBestOnItsProblem() {
        PerformanceProfile profile = profile();
        assertArrayEquals(new double[] {1, 2, INF}, profile.ratios()[0], 0);
        assertArrayEquals(new double[] {2, 1, 1}, profile.ratios()[1], 0);
        assertArrayEquals(new double[] {INF, INF, INF}, profile.ratios()[2], 0);
        assertArrayEquals(new double[] {1, 4, 2}, profile.ratios()[3], 0);
        assertEquals(4, profile.problems());
        assertEquals(4, profile.largestFiniteRatio(), 0);
    }

    @Test
    void theFractionIsAStepFunctionOfTauWithFailuresNeverCounted() {
        PerformanceProfile profile = profile();
        double[] taus = {1, 1.5, 2, 3, 4, 100};
        double[][] expected = {
            {0.50, 0.50, 0.75, 0.75, 0.75, 0.75},
            {0.25, 0.25, 0.50, 0.50, 0.75, 0.75},
            {0.25, 0.25, 0.50, 0.50, 0.50, 0.50},
        };
        for (int s = 0; s < 3; s++) {
            for (int i = 0; i < taus.length; i++) {
                assertEquals(expected[s][i], profile.fraction(s, taus[i]), 0, "solver " + s + " at τ " + taus[i]);
            }
        }
        // Right-continuous: just below a jump the fraction is still the lower one.
        assertEquals(0.50, profile.fraction(1, Math.nextDown(4.0)), 0);
    }

    @Test
    void theStaircaseHasACornerPairAtEachJump() {
        PerformanceProfile profile = profile();
        double[][] a = profile.staircase(0, 5);
        assertArrayEquals(new double[] {1, 2, 2, 5}, a[0], 0);
        assertArrayEquals(new double[] {0.5, 0.5, 0.75, 0.75}, a[1], 0);
        double[][] b = profile.staircase(1, 5);
        assertArrayEquals(new double[] {1, 2, 2, 4, 4, 5}, b[0], 0);
        assertArrayEquals(new double[] {0.25, 0.25, 0.5, 0.5, 0.75, 0.75}, b[1], 0);
        // Ratios beyond the right end are left out: B's jump at 4 is not drawn on [1, 3].
        double[][] cut = profile.staircase(1, 3);
        assertArrayEquals(new double[] {1, 2, 2, 3}, cut[0], 0);
        assertArrayEquals(new double[] {0.25, 0.25, 0.5, 0.5}, cut[1], 0);
    }

    @Test
    void badTimesAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> PerformanceProfile.of(List.of("A"), new double[][] {{0}}));
        assertThrows(IllegalArgumentException.class,
                () -> PerformanceProfile.of(List.of("A"), new double[][] {{Double.NaN}}));
        assertThrows(IllegalArgumentException.class,
                () -> PerformanceProfile.of(List.of("A", "B"), new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> profile().staircase(0, 0.5));
    }
}
