package dev.descent.experiments.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same seed, same losses and the same printed progress, whatever the number of threads. */
class ReproducibilityTest {
    private static final String[] SPECS = {"sgd", "momentum", "adam"};

    private record Outcome(ComparisonResult result, String progress) {
    }

    private static Outcome compare(int threads) {
        StringWriter progress = new StringWriter();
        CompareSettings settings = FixtureRuns.settings(FixtureRuns.setup(201, 32, 100, 7), threads, SPECS);
        ComparisonResult result = new Comparison(settings).run(FixtureRuns.data().train(), FixtureRuns.test(),
                () -> false, new PlainProgress(new PrintWriter(progress, true)));
        return new Outcome(result, progress.toString());
    }

    @Test
    void oneThreadAndTwoThreadsGiveBitIdenticalLossesAndProgress() {
        Outcome one = compare(1);
        Outcome two = compare(2);
        for (int r = 0; r < SPECS.length; r++) {
            // assertArrayEquals on doubles without a delta compares exactly.
            assertArrayEquals(one.result().runs().get(r).losses(), two.result().runs().get(r).losses(), SPECS[r]);
            assertArrayEquals(one.result().runs().get(r).testAccuracy(), two.result().runs().get(r).testAccuracy(),
                    SPECS[r]);
        }
        assertEquals(one.progress(), two.progress());

        // Blocks after loop iterations 0, 100 and 200, each with one line per optimizer in the given order.
        List<String> lines = List.of(one.progress().split("\n"));
        assertEquals(3 * (1 + SPECS.length), lines.size(), one.progress());
        assertEquals("=== iteration:100 ===", lines.get(4));
        String sgdAt100 = lines.get(5);
        assertTrue(sgdAt100.startsWith("sgd:lr=0.01: "), sgdAt100);
        double printed = Double.parseDouble(sgdAt100.substring("sgd:lr=0.01: ".length()));
        assertEquals(one.result().runs().get(0).losses()[100], printed, 0.00005);
    }
}
