package dev.descent.experiments.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.common.ExitStatus;
import dev.descent.experiments.cli.CommandResult;
import dev.descent.experiments.io.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BiasCorrectionTest {

    @Test
    void theFirstFactorsByHand() {
        double[] m = BiasCorrection.factors(0.9, 49);
        double[] v = BiasCorrection.factors(0.999, 49);
        assertEquals(49, m.length);
        // t = 1: 1/(1 - 0.9) = 10 and 1/(1 - 0.999) = 1000.
        assertEquals(10, m[0], 1e-12);
        assertEquals(1000, v[0], 1e-9);
        // t = 2: 1/(1 - 0.81) = 1/0.19 = 5.2631578947...
        assertEquals(1 / 0.19, m[1], 1e-12);
        // t = 2: 1/(1 - 0.998001) = 1/0.001999 = 500.2501250625...
        assertEquals(500.2501250625, v[1], 1e-6);
    }

    @Test
    void agreesWithRepeatedMultiplication() {
        // An independent power: β^t by multiplying t times instead of Math.pow.
        for (double beta : new double[] {0.9, 0.999}) {
            double[] factors = BiasCorrection.factors(beta, 49);
            double power = 1;
            for (int t = 1; t <= 49; t++) {
                power *= beta;
                assertEquals(1 / (1 - power), factors[t - 1], 1e-9 * factors[t - 1], "beta " + beta + " t " + t);
            }
        }
        // 0.999^49 = 0.952157..., so the factor at t = 49 is about 20.9.
        assertEquals(20.90, BiasCorrection.factors(0.999, 49)[48], 0.01);
    }

    @Test
    void aBetaOutsideTheOpenUnitIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BiasCorrection.factors(1, 3));
        assertThrows(IllegalArgumentException.class, () -> BiasCorrection.factors(0, 3));
        assertThrows(IllegalArgumentException.class, () -> BiasCorrection.factors(Double.NaN, 3));
    }

    @Test
    void theCommandWritesTheCsvAndTheChart(@TempDir Path work) throws IOException {
        Path out = work.resolve("bc");
        CommandResult result = CommandResult.run("bias-correction", "--out", out.toString());
        assertEquals(ExitStatus.OK, result.exitCode(), result::toString);
        CsvTable csv = CsvTable.read(out.resolve("bias-correction.csv"));
        assertEquals(List.of("t", "correction_beta1_0.9", "correction_beta2_0.999"), csv.header());
        assertEquals(49, csv.rows().size());
        assertEquals("1", csv.get(0, "t"));
        assertEquals(10, Double.parseDouble(csv.get(0, "correction_beta1_0.9")), 1e-12);
        assertEquals(1000, Double.parseDouble(csv.get(0, "correction_beta2_0.999")), 1e-9);
        assertEquals("49", csv.get(48, "t"));
        assertTrue(Files.size(out.resolve("bias-correction.png")) > 0);
        assertTrue(Files.readString(out.resolve("bias-correction.svg")).startsWith("<?xml"));
        assertTrue(result.out().contains("results in " + out), result::toString);
        assertTrue(result.out().contains("\n 1      10.0000        1000.00\n"), result::toString);
        assertTrue(result.out().contains("\n49      1.00576        20.9020\n"), result::toString);
    }

    @Test
    void badOptionsAreOneLineErrors(@TempDir Path work) {
        CommandResult steps = CommandResult.run("bias-correction", "--steps", "0", "--out", work.toString());
        assertEquals(ExitStatus.USAGE, steps.exitCode(), steps::toString);
        assertEquals("descent: --steps must be between 1 and 100000, got 0\n", steps.err());
        CommandResult beta = CommandResult.run("bias-correction", "--beta2", "1", "--out", work.toString());
        assertEquals(ExitStatus.USAGE, beta.exitCode(), beta::toString);
        assertEquals("descent: --beta2 must be in (0, 1), got 1.0\n", beta.err());
    }
}
