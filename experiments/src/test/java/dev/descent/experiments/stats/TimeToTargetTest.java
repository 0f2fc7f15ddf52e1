package dev.descent.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeToTargetTest {
    private static final int[] EVALS = {0, 100, 200, 300};
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void firstEvaluationAtOrAboveTheTarget() {
        double[] accuracy = {0.2, 0.9, 0.95, 0.97};
        assertEquals(200, TimeToTarget.firstReach(EVALS, accuracy, 0.95)); // equal counts as reached
        assertEquals(100, TimeToTarget.firstReach(EVALS, accuracy, 0.5));
        assertEquals(TimeToTarget.NOT_REACHED, TimeToTarget.firstReach(EVALS, accuracy, 0.98));
    }

    @Test
    void medianCountsNotReachedAsInfinity() {
        assertEquals(200, TimeToTarget.median(300, 100, 200), 0);
        assertEquals(150, TimeToTarget.median(100, 200, 300, 0), 0); // even: mean of the middle two, 100 and 200
        assertEquals(300, TimeToTarget.median(100, INF, 300, INF, 200), 0); // 2 of 5 failed: third smallest
        assertEquals(INF, TimeToTarget.median(100, INF, INF, INF, 200), 0); // 3 of 5 failed: not reached
        assertEquals(INF, TimeToTarget.median(100, INF, 200, INF), 0); // half failed: (200 + ∞) / 2
    }

    @Test
    void fiveSeedsTwoOfWhichNeverGetThere() {
        double target = 0.9;
        int[][] evals = {EVALS, EVALS, EVALS, EVALS, EVALS};
        double[][] accuracy = {
            {0.1, 0.5, 0.91, 0.95}, // 200
            {0.1, 0.92, 0.93, 0.95}, // 100
            {0.1, 0.5, 0.6, 0.7}, // never
            {0.1, 0.5, 0.6, 0.95}, // 300
            {0.1, 0.2, 0.3, 0.4}, // never
        };
        double[] msPerIteration = {2, 2, 2, 4, 2};
        TimeToTarget time = TimeToTarget.of(target, evals, accuracy, msPerIteration);
        assertArrayEquals(new int[] {200, 100, -1, 300, -1}, time.iterations());
        assertEquals(3, time.reached());
        // Sorted: 100, 200, 300, ∞, ∞ → median 300.
        assertEquals(300, time.medianIterations(), 0);
        assertTrue(time.medianReached());
        // Seconds per seed: 201 updates × 2 ms = 0.402; 101 × 2 = 0.202; ∞; 301 × 4 = 1.204; ∞ → median 1.204.
        assertArrayEquals(new double[] {0.402, 0.202, INF, 1.204, INF}, time.seconds(), 1e-12);
        assertEquals(1.204, time.medianSeconds(), 1e-12);
    }

    @Test
    void threeOfFiveNeverGettingThereIsNotReached() {
        int[][] evals = {EVALS, EVALS, EVALS, EVALS, EVALS};
        double[] low = {0.1, 0.2, 0.3, 0.4};
        double[] high = {0.1, 0.2, 0.3, 0.99};
        TimeToTarget time = TimeToTarget.of(0.9, evals, new double[][] {high, low, high, low, low},
                new double[] {1, 1, 1, 1, 1});
        assertEquals(2, time.reached());
        assertFalse(time.medianReached());
        assertEquals(INF, time.medianSeconds(), 0);
    }
}
