package dev.descent.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Numbers in specs: short, human-readable, and read back to the identical double. */
class SpecNumbersTest {

    @ParameterizedTest
    @CsvSource({
        "0.001, 0.001",
        "0.9, 0.9",
        "0.999, 0.999",
        "1e-7, 1e-07",
        "1.5e-8, 1.5e-08",
        "1.0, 1",
        "90, 90",
        "-1, -1",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "2.5e-5, 2.5e-05",
        "123456.75, 123456.75",
        "1e16, 1e+16",
        "1.25e300, 1.25e+300",
        "4.9e-324, 4.9e-324",
        "0.30000000000000004, 0.30000000000000004",
    })
    void formatsShortAndPlain(double value, String expected) {
        assertEquals(expected, SpecNumbers.format(value));
    }

    @Test
    void everyFiniteDoubleReadsBackIdentically() {
        Random random = new Random(7L);
        for (int i = 0; i < 200_000; i++) {
            double x = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextDouble();
                case 2 -> Math.pow(10, random.nextDouble() * 40 - 20) * (random.nextBoolean() ? 1 : -1);
                default -> Math.round(random.nextDouble() * 1e6) / 1e6;
            };
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                continue;
            }
            String text = SpecNumbers.format(x);
            assertEquals(Double.doubleToLongBits(x + 0.0), Double.doubleToLongBits(SpecNumbers.parse(text)), text);
            assertFalse(text.contains("E"), text);
        }
    }

    @Test
    void readsDecimalsAndNonFiniteWords() {
        assertEquals(0.5, SpecNumbers.parse(".5"));
        assertEquals(5.0, SpecNumbers.parse("5."));
        assertEquals(1000.0, SpecNumbers.parse("+1e3"));
        assertEquals(1e-7, SpecNumbers.parse("1E-7"));
        assertEquals(Double.NaN, SpecNumbers.parse("NaN"));
        assertEquals(Double.POSITIVE_INFINITY, SpecNumbers.parse("inf"));
        assertEquals(Double.NEGATIVE_INFINITY, SpecNumbers.parse("-Infinity"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "0x1p-3", "1f", "1d", "1e", "--1", "1,5", ".", "e5", "1 000"})
    void rejectsEverythingElse(String text) {
        assertThrows(NumberFormatException.class, () -> SpecNumbers.parse(text));
    }
}
