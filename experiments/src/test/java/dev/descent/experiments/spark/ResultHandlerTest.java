package dev.descent.experiments.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.batch.BatchRunner;
import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.RunConfiguration;
import dev.descent.experiments.batch.RunStore;
import dev.descent.experiments.batch.SeedRun;
import dev.descent.experiments.batch.SpecReader;
import dev.descent.experiments.train.EvaluationSet;
import dev.descent.experiments.train.RunResult;
import dev.descent.experiments.train.TrainingRun;
import dev.descent.mnist.Fixture;
import dev.descent.mnist.MnistData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's side of a task's result, without Spark: what a speculative copy or a retried attempt would hand it a
 * second time (the same numbers, other times) leaves the stored file as the first result wrote it and is counted
 * once; a result under the wrong key is refused.
 */
class ResultHandlerTest {

    @Test
    void aSecondResultOfTheSameRunChangesNothing(@TempDir Path dir) throws Exception {
        ExperimentSpec spec = SpecReader.parse("s.json", "twice", """
                {"iterations": 3, "eval_every": 3, "seeds": 1, "optimizers": ["sgd", "adam"]}""");
        RunStore store = new RunStore(dir, new PrintWriter(new StringWriter(), true));
        BatchRunner.Plan plan = BatchRunner.plan(spec, store);
        List<RunConfiguration> toCompute = plan.toCompute();
        MnistData data = Fixture.load();
        RunConfiguration run = toCompute.get(1);
        RunResult result = new TrainingRun(run.setup(), run.optimizer().canonical(), data.train(),
                EvaluationSet.of(data.test()), () -> false).call();
        // The duplicate: the same numbers (a run is a pure function of its configuration), other times.
        RunResult duplicate = new RunResult(result.optimizer(), result.losses(), result.evalIterations(),
                result.testAccuracy(), result.divergedAt(), true, result.wallNanos() + 1_000_000,
                result.trainNanos() + 1_000_000);

        Map<String, SeedRun> done = new LinkedHashMap<>();
        StringWriter printed = new StringWriter();
        SparkProgress progress = new SparkProgress(new PrintWriter(printed, true), List.of("sgd", "adam"), 2, 0);
        SparkComputer.ResultHandler handler = new SparkComputer.ResultHandler(toCompute, store, done, progress);
        handler.apply(1, new RunOutcome(run.key(), result).encode());
        byte[] first = Files.readAllBytes(store.path(run));
        handler.apply(1, new RunOutcome(run.key(), duplicate).encode());

        assertArrayEquals(first, Files.readAllBytes(store.path(run)), "the stored file is the first result's");
        assertEquals(List.of(run.key()), List.copyOf(done.keySet()));
        assertEquals(result.wallNanos(), done.get(run.key()).result().wallNanos());
        assertEquals(1, progress.finished());
        assertEquals(1, printed.toString().lines().count(), printed::toString);
        assertEquals(1, BatchRunner.outcome(plan, done, 1).counts().computed());
        try (Stream<Path> files = Files.list(store.dir())) {
            assertEquals(1, files.count(), "one file, no temporary left behind");
        }

        // A result under another run's key is a bug somewhere between driver and executor: refused, not stored.
        IllegalStateException wrong = assertThrows(IllegalStateException.class,
                () -> handler.apply(0, new RunOutcome(run.key(), result).encode()));
        assertTrue(wrong.getMessage().contains("returned run " + run.key()), wrong.getMessage());
        assertTrue(Files.notExists(store.path(toCompute.get(0))));
    }
}
