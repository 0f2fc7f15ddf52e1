package dev.descent.experiments.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.RunStore;
import dev.descent.experiments.batch.Shard;
import dev.descent.experiments.batch.SpecReader;
import dev.descent.experiments.cli.CommandResult;
import dev.descent.experiments.common.ExitStatus;
import dev.descent.experiments.io.Json;
import dev.descent.experiments.pipeline.BatchPresentation;
import dev.descent.experiments.pipeline.Pipeline;
import dev.descent.experiments.train.StopSignal;
import dev.descent.mnist.Fixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code descent run --spark} on Spark in {@code local[2,3]} (two task slots, a task tried up to three times) and
 * the MNIST fixture, against a local {@code descent run} of the same spec: the same run files, bit for bit in
 * every number; nothing computed the second time; a task killed mid-run retried without a trace in the store;
 * Ctrl-C keeps the finished runs. One Spark context serves the whole class (starting one takes seconds); the
 * sweeps find it running and leave it so.
 */
class SparkSweepTest {
    /** 2 settings × 2 seeds × 50 iterations. */
    private static final String SPEC = """
            {"name": "spark pair", "iterations": 50, "eval_every": 25, "seeds": 2, "optimizers": ["sgd", "adam"]}""";
    /** What a run file holds besides its numbers: when it was written and how long it took, never the same. */
    private static final List<String> TIMES = List.of("finished_at", "wall_nanos", "train_nanos", "wall_seconds",
            "ms_per_iteration");

    @TempDir
    static Path shared;
    private static JavaSparkContext spark;
    private static Path specFile;
    private static Path local;

    @BeforeAll
    static void startSparkAndRunLocally() throws IOException {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2,3]").setAppName("descent SparkSweepTest")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false"));
        specFile = Files.writeString(shared.resolve("pair.json"), SPEC);
        local = shared.resolve("local");
        CommandResult reference = CommandResult.run("run", specFile.toString(), "--out", local.toString(),
                "--threads", "2", "--data", Fixture.locate().toString());
        assertEquals(ExitStatus.OK, reference.exitCode(), reference::toString);
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @AfterEach
    void noFaults() {
        RunTask.faultForTests = null;
    }

    private static CommandResult runOnSpark(Path out) {
        return CommandResult.run("run", specFile.toString(), "--spark", "--out", out.toString(), "--data",
                Fixture.locate().toString());
    }

    /** Each stored run by file name, without its times: the configuration, every number and their checksum. */
    private static Map<String, JsonNode> numbers(Path out) throws IOException {
        Map<String, JsonNode> runs = new TreeMap<>();
        try (Stream<Path> files = Files.list(out.resolve(RunStore.DIR))) {
            for (Path file : files.toList()) {
                ObjectNode json = (ObjectNode) Json.mapper().readTree(file.toFile());
                json.remove(TIMES);
                runs.put(file.getFileName().toString(), json);
            }
        }
        return runs;
    }

    private static Map<String, FileTime> times(Path out) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Files.list(out.resolve(RunStore.DIR))) {
            for (Path file : files.toList()) {
                times.put(file.getFileName().toString(), Files.getLastModifiedTime(file));
            }
        }
        return times;
    }

    @Test
    void sparkStoresTheLocalRunsBitForBitAndASecondSweepComputesNothing(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("spark");
        CommandResult first = runOnSpark(out);
        assertEquals(ExitStatus.OK, first.exitCode(), first::toString);
        assertTrue(first.out().contains("spark: 4 runs as 4 tasks on local[2,3]"), first::toString);
        assertTrue(first.out().contains("[4/4] "), first::toString);
        assertTrue(first.out().contains("4 runs: 4 computed, 0 reused"), first::toString);
        Map<String, JsonNode> expected = numbers(local);
        assertEquals(4, expected.size());
        assertEquals(expected, numbers(out));
        for (String name : List.of("losses.csv", "accuracy.csv", "loss-curves.csv", "accuracy-curves.csv")) {
            assertEquals(Files.readString(local.resolve(name)), Files.readString(out.resolve(name)), name);
        }
        assertTrue(Files.size(out.resolve("report.html")) > 0);

        // Again, through the spark-submit main class: every run is stored, so no job starts and no file changes.
        Map<String, FileTime> stored = times(out);
        StringWriter printed = new StringWriter();
        StringWriter errors = new StringWriter();
        int again = SparkSweep.run(new PrintWriter(printed, true), new PrintWriter(errors, true), specFile.toString(),
                "--out", out.toString(), "--data", Fixture.locate().toString());
        assertEquals(ExitStatus.OK, again, printed + "\n" + errors);
        assertTrue(printed.toString().contains("4 runs: 0 computed, 4 reused"), printed::toString);
        assertFalse(printed.toString().contains("spark: "), printed::toString);
        assertEquals(stored, times(out));
    }

    @Test
    void aTaskKilledMidRunIsRetriedAndTheStoreHoldsEachRunOnce(@TempDir Path dir) throws IOException {
        Set<String> killed = ConcurrentHashMap.newKeySet();
        RunTask.faultForTests = (context, key, iteration) -> {
            if (context.attemptNumber() == 0 && iteration == 25) {
                killed.add(key);
                throw new IllegalStateException("task of run " + key + " killed mid-run by the test");
            }
        };
        Path out = dir.resolve("spark");
        CommandResult result = runOnSpark(out);
        assertEquals(ExitStatus.OK, result.exitCode(), result::toString);
        assertEquals(4, killed.size(), "every run's first attempt was killed");
        Map<String, JsonNode> expected = numbers(local);
        assertEquals(expected.keySet(), times(out).keySet(), "runs/ holds the four runs and nothing else");
        assertEquals(expected, numbers(out));
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.get("complete").booleanValue());
        assertEquals(4, summary.at("/counts/total").intValue());
        assertEquals(4, summary.at("/counts/computed").intValue());
        assertEquals(0, summary.at("/counts/missing").intValue());
    }

    @Test
    void ctrlCCancelsTheJobAndKeepsTheFinishedRuns(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("spark");
        StopSignal stop = StopSignal.manual();
        Set<String> stopped = ConcurrentHashMap.newKeySet();
        // The third task asks to stop early in its run, then goes on like a long run until Spark kills it.
        RunTask.faultForTests = (context, key, iteration) -> {
            if (context.partitionId() == 2 && iteration == 5) {
                stopped.add(key);
                stop.requestStop();
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (!context.isInterrupted() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            }
        };
        ExperimentSpec spec = SpecReader.read(specFile);
        Pipeline.Request request = new Pipeline.Request("run", "descent run pair.json --spark", spec, out, 2,
                "batch_size", "train_size");
        StringWriter printed = new StringWriter();
        int code = Pipeline.run(request, new BatchPresentation(), Fixture::load, stop,
                new PrintWriter(printed, true), new PrintWriter(new StringWriter(), true),
                new Pipeline.Computing(Shard.ALL, false, new SparkComputer(null, Fixture.locate())));
        assertEquals(ExitStatus.INTERRUPTED, code, printed::toString);
        assertEquals(1, stopped.size());
        Map<String, JsonNode> kept = numbers(out);
        // With two slots, the third task starts only after one of the first two has finished and been stored.
        assertTrue(!kept.isEmpty() && kept.size() < 4, kept.keySet()::toString);
        assertFalse(kept.containsKey(stopped.iterator().next() + ".json"), "the killed run is not stored");
        Map<String, JsonNode> expected = numbers(local);
        kept.forEach((name, run) -> assertEquals(expected.get(name), run, name));
        assertTrue(printed.toString().contains("[stopped] "), printed::toString);
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertFalse(summary.get("complete").booleanValue());
        assertEquals(4 - kept.size(), summary.at("/counts/missing").intValue());

        // The same sweep again computes exactly the runs that were missing.
        RunTask.faultForTests = null;
        CommandResult rest = runOnSpark(out);
        assertEquals(ExitStatus.OK, rest.exitCode(), rest::toString);
        assertTrue(rest.out().contains("4 runs: " + (4 - kept.size()) + " computed, " + kept.size() + " reused"),
                rest::toString);
        assertEquals(expected, numbers(out));
    }
}
