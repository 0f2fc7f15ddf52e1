package dev.descent.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeanStdTest {

    @Test
    void sampleStandardDeviationOfFourValues() {
        // 1, 2, 3, 4: mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5; / (n − 1) = 5/3; std = √(5/3).
        MeanStd value = MeanStd.of(1, 2, 3, 4);
        assertEquals(4, value.count());
        assertEquals(2.5, value.mean(), 0);
        assertEquals(Math.sqrt(5.0 / 3.0), value.std(), 1e-15);
    }

    @Test
    void tinySpreadAroundALargeMeanKeepsItsDigits() {
        // 1e9 + {1, 2, 3}: std 1 exactly; the one-pass formula Σx² − n·mean² would lose it to rounding.
        assertEquals(1.0, MeanStd.of(1e9 + 1, 1e9 + 2, 1e9 + 3).std(), 1e-6);
    }

    @Test
    void oneValueHasAMeanButNoStandardDeviation() {
        MeanStd value = MeanStd.of(0.25);
        assertEquals(0.25, value.mean(), 0);
        assertTrue(Double.isNaN(value.std()));
    }

    @Test
    void noValuesHaveNeither() {
        MeanStd value = MeanStd.of();
        assertEquals(0, value.count());
        assertTrue(Double.isNaN(value.mean()));
        assertTrue(Double.isNaN(value.std()));
    }

    @Test
    void nonFiniteValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> MeanStd.of(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> MeanStd.of(1, Double.POSITIVE_INFINITY));
    }
}
