package dev.descent.experiments.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.SpecReader;
import dev.descent.experiments.common.UserError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Experiments beyond a limit are refused up front, with the estimate, before any data is loaded. */
class BudgetTest {
    private static final long GIB = 1L << 30;

    private static ExperimentSpec spec(String json) {
        return SpecReader.parse("s.json", "s", json);
    }

    @Test
    void theBooksNetHasTheParametersCountedByHand() {
        // 784·100 + 100, then three times 100·100 + 100, then 100·10 + 10.
        assertEquals(78_500 + 3 * 10_100 + 1_010, Budget.parameters(List.of(100, 100, 100, 100)));
        assertEquals(784L * 10 + 10, Budget.parameters(List.of()));
    }

    @Test
    void theBooksJobPasses() {
        Budget.check(spec("{\"optimizers\": [\"sgd\", \"momentum\", \"adagrad\", \"rmsprop\", \"adam\"]}"), 2,
            Budget.DEFAULT_MAX_RUNS, "--max-runs", 112L << 20, "--iterations or --hidden");
    }

    @Test
    void tooManyRunsAreRefusedWithTheEstimate() {
        ExperimentSpec huge = spec("{\"seeds\": 20001, \"optimizers\": [\"adam\"]}");
        UserError e = assertThrows(UserError.class, () -> Budget.check(huge, 2, Budget.DEFAULT_MAX_RUNS, "--max-runs",
            8 * GIB, "--iterations or --hidden"));
        assertTrue(e.getMessage().startsWith("s has 20,001 runs (1 variant × 1 optimizer setting × 20001 seeds) of"
            + " 2,000 iterations on a net of 109,810 parameters: about "), e.getMessage());
        assertTrue(e.getMessage().endsWith("that is more than --max-runs 10000. HINT: make the grid or the seed list"
            + " smaller, or raise --max-runs if you mean it"), e.getMessage());
        // 20,001 runs × 2,000 iterations × 10 ms per million parameters × 0.11 M / 2 threads ≈ 6 h.
        assertTrue(e.getMessage().contains("about 6 h of computing on 2 threads"), e.getMessage());
        Budget.check(huge, 2, 30_000, "--max-runs", 8 * GIB, "--iterations or --hidden");
    }

    @Test
    void runsThatCannotFitInMemoryAreRefusedNamingWhatToChange() {
        // 400 million losses of 8 bytes are 3.0 GiB for the one run alone.
        ExperimentSpec longRun = spec("{\"iterations\": 400000000, \"optimizers\": [\"adam\"]}");
        UserError e = assertThrows(UserError.class, () -> Budget.check(longRun, 2, Budget.DEFAULT_MAX_RUNS,
            "--max-runs", 1 * GIB, "--iterations or --hidden"));
        assertTrue(e.getMessage().contains("of memory, more than the 1.0 GiB this JVM may use. HINT: lower"
            + " --iterations or --hidden or the number of runs, or give the JVM more memory:"
            + " DESCENT_JAVA_OPTS=-Xmx4g ./descent"), e.getMessage());

        ExperimentSpec wide = spec("{\"network\": {\"hidden\": [1000000]}, \"optimizers\": [\"adam\"]}");
        UserError tooWide = assertThrows(UserError.class, () -> Budget.check(wide, 2, Budget.DEFAULT_MAX_RUNS,
            "--max-runs", 1 * GIB, "--iterations or --hidden"));
        // 784·10⁶ + 10⁶ weights and biases into the hidden layer, 10⁶·10 + 10 out of it.
        assertTrue(tooWide.getMessage().startsWith("s has 1 run (1 variant × 1 optimizer setting × 1 seed) of 2,000"
            + " iterations on a net of 795,000,010 parameters"), tooWide.getMessage());
    }
}
