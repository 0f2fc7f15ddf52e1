package dev.descent.experiments.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.SpecReader;
import dev.descent.experiments.progress.PlainProgress;
import dev.descent.experiments.train.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A seeded run with BatchNorm and Dropout gives the same bits on one thread and on two. */
class ExtendedNetReproducibilityTest {
    /** Three optimizers on two nets, so that two threads interleave runs of both kinds. */
    private static final String SPEC = "{\"iterations\": 120, \"batch_size\": 50, \"train_size\": 500,"
            + " \"eval_every\": 40, \"seeds\": [5], \"network\": {\"hidden\": [50, 50], \"dropout\": 0.2},"
            + " \"optimizers\": [\"sgd:lr=0.1\", \"momentum\", \"adam\"],"
            + " \"variants\": [{\"name\": \"BN\", \"network\": {\"batch_norm\": true}}, {\"name\": \"no BN\"}]}";

    private static List<RunResult> compute(int threads) {
        ExperimentSpec spec = SpecReader.parse("bn.json", "bn", SPEC);
        return FixtureRuns.compute(spec, threads, new PlainProgress(new PrintWriter(new StringWriter(), true)),
                () -> false);
    }

    @Test
    void oneThreadAndTwoThreadsGiveBitIdenticalLossesAndAccuracies() {
        List<RunResult> one = compute(1);
        List<RunResult> two = compute(2);
        assertEquals(6, one.size());
        for (int r = 0; r < one.size(); r++) {
            assertEquals(120, one.get(r).losses().length, "run " + r);
            assertArrayEquals(one.get(r).losses(), two.get(r).losses(), "run " + r);
            assertArrayEquals(one.get(r).testAccuracy(), two.get(r).testAccuracy(), "run " + r);
        }
        // BatchNorm changes the numbers: the two variants' runs of one optimizer differ.
        assertFalse(Arrays.equals(one.get(0).losses(), one.get(3).losses()));
    }
}
