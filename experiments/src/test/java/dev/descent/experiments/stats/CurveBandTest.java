package dev.descent.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurveBandTest {

    @Test
    void pointwiseMeanAndSampleStdOverSeeds() {
        // Point 0: {1, 2, 6}: mean 3, deviations −2, −1, 3 → squares 4 + 1 + 9 = 14, /2 = 7, std √7.
        // Point 1: {2, 2, 2}: mean 2, std 0.
        CurveBand band = CurveBand.of(List.of(new double[] {1, 2}, new double[] {2, 2}, new double[] {6, 2}));
        assertArrayEquals(new double[] {3, 2}, band.mean(), 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(7), 0}, band.std(), 1e-15);
        assertArrayEquals(new int[] {3, 3}, band.count());
    }

    @Test
    void aDivergedSeedsShorterCurveLeavesTheLaterPointsToTheOthers() {
        // Seed A ran 3 points, seed B diverged after 2. Points 0 and 1 average both: {1, 3} → mean 2,
        // std √((1 + 1) / 1) = √2; point 2 has only A: mean 5, no std.
        CurveBand band = CurveBand.of(List.of(new double[] {1, 1, 5}, new double[] {3, 3}));
        assertEquals(3, band.length());
        assertArrayEquals(new double[] {2, 2, 5}, band.mean(), 1e-15);
        assertEquals(Math.sqrt(2), band.std()[0], 1e-15);
        assertEquals(Math.sqrt(2), band.std()[1], 1e-15);
        assertTrue(Double.isNaN(band.std()[2]));
        assertArrayEquals(new int[] {2, 2, 1}, band.count());
    }

    @Test
    void noCurvesGiveAnEmptyBand() {
        assertEquals(0, CurveBand.of(List.of()).length());
    }
}
