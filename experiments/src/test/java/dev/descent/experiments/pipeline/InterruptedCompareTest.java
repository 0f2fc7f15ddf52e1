package dev.descent.experiments.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.experiments.batch.BatchRunner;
import dev.descent.experiments.common.ExitStatus;
import dev.descent.experiments.io.CsvTable;
import dev.descent.experiments.io.Json;
import dev.descent.experiments.progress.ProgressDisplay;
import dev.descent.experiments.train.RunProgress;
import dev.descent.experiments.train.StopSignal;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C without a signal: the pipeline as {@code descent compare} runs it, with a {@link StopSignal#manual()}
 * raised by a display once every run is under way, as the SIGINT handler raises it (the real signal is
 * {@code CtrlCTest}'s).
 */
class InterruptedCompareTest {
    private static final int ITERATIONS = 5000;
    private static final int STOP_AFTER = 30;

    @TempDir
    Path dir;

    /** Every file an interrupted comparison still writes. */
    static final List<String> FILES = List.of("losses.csv", "accuracy.csv", "summary.json", "summary.csv",
            "loss.png", "loss.svg", "accuracy.png", "accuracy.svg", "report.html", "spec.json");

    /** Compare's presentation with {@code display} instead of the console's. */
    static Presentation showing(ProgressDisplay display) {
        return new ComparePresentation() {
            @Override
            public ProgressDisplay display(PrintWriter out, BatchRunner.Plan plan) {
                return display;
            }
        };
    }

    /** Raises the stop once every run has recorded {@code after} losses; shows nothing. */
    private static ProgressDisplay stopWhenAllReach(StopSignal stop, int after) {
        return new ProgressDisplay() {
            private Thread watcher;

            @Override
            public void start(List<RunProgress> runs, List<String> labels) {
                watcher = new Thread(() -> {
                    try {
                        while (!runs.stream().allMatch(run -> run.completed() >= after || run.finished())) {
                            Thread.sleep(2);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    stop.requestStop();
                });
                watcher.setDaemon(true);
                watcher.start();
            }

            @Override
            public void close() {
                try {
                    watcher.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    @Test
    void anInterruptedComparisonWritesConsistentFilesMarkedIncomplete() throws IOException {
        // One thread per run, so every run is under way when the stop comes.
        StopSignal stop = StopSignal.manual();
        StringWriter printed = new StringWriter();
        int exit = FixtureRuns.pipeline(FixtureRuns.spec(ITERATIONS, 32, 10, 0, "sgd", "momentum", "adam"), dir, 3,
                showing(stopWhenAllReach(stop, STOP_AFTER)), stop, new PrintWriter(printed, true));
        assertEquals(ExitStatus.INTERRUPTED, exit);

        JsonNode summary = Json.mapper().readTree(dir.resolve("summary.json").toFile());
        assertFalse(summary.get("complete").asBoolean());
        assertEquals(3, summary.at("/counts/missing").asInt());
        CsvTable losses = CsvTable.read(dir.resolve("losses.csv"));
        CsvTable accuracy = CsvTable.read(dir.resolve("accuracy.csv"));
        int lossRows = 0;
        for (JsonNode run : summary.get("runs")) {
            String spec = run.get("optimizer").asText();
            int completed = run.get("iterations_completed").asInt();
            assertFalse(run.get("complete").asBoolean(), spec);
            assertFalse(run.get("diverged").asBoolean(), spec);
            assertTrue(completed >= STOP_AFTER && completed < ITERATIONS, spec + " completed " + completed);
            List<List<String>> rows = losses.rows().stream().filter(row -> row.get(1).equals(spec)).toList();
            assertEquals(completed, rows.size(), spec + ": losses.csv agrees with summary.json");
            assertEquals(String.valueOf(completed - 1), rows.get(rows.size() - 1).get(0));
            long evaluations = accuracy.rows().stream().filter(row -> row.get(1).equals(spec)).count();
            assertEquals((completed - 1) / 10 + 1, evaluations, spec + ": one evaluation per 10 recorded iterations");
            lossRows += completed;
        }
        assertEquals(lossRows, losses.rows().size());
        for (String name : FILES) {
            assertTrue(Files.size(dir.resolve(name)) > 0, name);
        }
        assertTrue(Files.list(dir.resolve("runs")).findAny().isEmpty(), "a stopped run is not stored");
        assertTrue(printed.toString().contains("interrupted"), printed.toString());
        assertTrue(printed.toString().contains("stopped at "), printed.toString());
    }

    @Test
    void aStopBeforeAnyIterationStillWritesValidFiles() throws IOException {
        StopSignal stop = StopSignal.manual();
        stop.requestStop();
        int exit = FixtureRuns.pipeline(FixtureRuns.spec(100, 32, 10, 0, "sgd", "adam"), dir, 2,
                showing(ProgressDisplay.none()), stop, new PrintWriter(new StringWriter(), true));
        assertEquals(ExitStatus.INTERRUPTED, exit);
        assertEquals(List.of(), CsvTable.read(dir.resolve("losses.csv")).rows());
        assertEquals(List.of(), CsvTable.read(dir.resolve("accuracy.csv")).rows());
        JsonNode summary = Json.mapper().readTree(dir.resolve("summary.json").toFile());
        assertFalse(summary.get("complete").asBoolean());
        assertEquals(0, summary.get("runs").get(0).get("iterations_completed").asInt());
        assertTrue(summary.get("runs").get(0).get("final_loss").isNull());
        assertTrue(Files.size(dir.resolve("loss.png")) > 0);
    }

    @Test
    void theSameOutDirectoryContinuesAnInterruptedComparison() throws IOException {
        // sgd at lr 1000 diverges at iteration 1: a finished (complete) run, stored before the stop comes.
        var spec = FixtureRuns.spec(ITERATIONS, 32, 10, 0, "sgd:lr=1000", "adam");
        StopSignal stop = StopSignal.manual();
        int first = FixtureRuns.pipeline(spec, dir, 2, showing(stopWhenAllReach(stop, STOP_AFTER)), stop,
                new PrintWriter(new StringWriter(), true));
        assertEquals(ExitStatus.INTERRUPTED, first);
        assertEquals(1, Files.list(dir.resolve("runs")).count(), "the diverged run is stored, the stopped one not");

        StringWriter printed = new StringWriter();
        int second = FixtureRuns.pipeline(FixtureRuns.spec(200, 32, 10, 0, "sgd:lr=1000", "adam"), dir, 2,
                showing(ProgressDisplay.none()), StopSignal.manual(), new PrintWriter(printed, true));
        assertEquals(ExitStatus.OK, second);
        JsonNode summary = Json.mapper().readTree(dir.resolve("summary.json").toFile());
        assertTrue(summary.get("complete").asBoolean(), printed.toString());
        assertEquals(2, summary.at("/counts/computed").asInt(), "another length is another configuration");

        int third = FixtureRuns.pipeline(spec, dir, 2, showing(ProgressDisplay.none()), StopSignal.manual(),
                new PrintWriter(printed, true));
        assertEquals(ExitStatus.OK, third);
        summary = Json.mapper().readTree(dir.resolve("summary.json").toFile());
        assertTrue(summary.get("complete").asBoolean());
        assertEquals(1, summary.at("/counts/reused").asInt(), "the stored run of the first invocation is reused");
        assertEquals(1, summary.at("/counts/computed").asInt());
        assertEquals(ITERATIONS, summary.at("/runs/1/iterations_completed").asInt());
    }
}
