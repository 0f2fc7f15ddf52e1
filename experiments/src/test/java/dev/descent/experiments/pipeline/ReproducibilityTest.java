package dev.descent.experiments.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.progress.PlainProgress;
import dev.descent.experiments.train.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same seed, same losses and the same printed progress, whatever the number of threads. */
class ReproducibilityTest {
    private static final String[] SPECS = {"sgd", "momentum", "adam"};

    private record Outcome(List<RunResult> runs, String progress) {
    }

    private static Outcome compare(int threads) {
        StringWriter progress = new StringWriter();
        ExperimentSpec spec = FixtureRuns.spec(201, 32, 100, 7, SPECS);
        List<RunResult> runs = FixtureRuns.compute(spec, threads, new PlainProgress(new PrintWriter(progress, true)),
                () -> false);
        return new Outcome(runs, progress.toString());
    }

    @Test
    void oneThreadAndTwoThreadsGiveBitIdenticalLossesAndProgress() {
        Outcome one = compare(1);
        Outcome two = compare(2);
        for (int r = 0; r < SPECS.length; r++) {
            // assertArrayEquals on doubles without a delta compares exactly.
            assertArrayEquals(one.runs().get(r).losses(), two.runs().get(r).losses(), SPECS[r]);
            assertArrayEquals(one.runs().get(r).testAccuracy(), two.runs().get(r).testAccuracy(), SPECS[r]);
        }
        assertEquals(one.progress(), two.progress());

        // Blocks after loop iterations 0, 100 and 200, each with one line per optimizer in the given order.
        List<String> lines = List.of(one.progress().split("\n"));
        assertEquals(3 * (1 + SPECS.length), lines.size(), one.progress());
        assertEquals("=== iteration:100 ===", lines.get(4));
        String sgdAt100 = lines.get(5);
        assertTrue(sgdAt100.startsWith("sgd:lr=0.01: "), sgdAt100);
        double printed = Double.parseDouble(sgdAt100.substring("sgd:lr=0.01: ".length()));
        assertEquals(one.runs().get(0).losses()[100], printed, 0.00005);
    }
}
