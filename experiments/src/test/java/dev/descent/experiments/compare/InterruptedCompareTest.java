package dev.descent.experiments.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.experiments.io.CsvTable;
import dev.descent.experiments.io.Json;
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
 * Ctrl-C without a signal: the command's core with a {@link StopSignal#manual()} raised by a display once every
 * run is under way, as the shutdown hook raises it on SIGINT.
 */
class InterruptedCompareTest {
    private static final int ITERATIONS = 5000;
    private static final int STOP_AFTER = 30;

    @TempDir
    Path dir;

    /** Raises the stop once every run has recorded {@code after} losses; shows nothing. */
    private static ProgressDisplay stopWhenAllReach(StopSignal stop, int after) {
        return new ProgressDisplay() {
            private Thread watcher;

            @Override
            public void start(List<RunProgress> runs) {
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
        CompareSettings settings = FixtureRuns.settings(FixtureRuns.setup(ITERATIONS, 32, 10, 0), 3,
                "sgd", "momentum", "adam");
        StopSignal stop = StopSignal.manual();
        StringWriter printed = new StringWriter();
        int exit = CompareCommand.execute(settings, FixtureRuns.data(), dir, stop, stopWhenAllReach(stop, STOP_AFTER),
                new PrintWriter(printed, true));
        assertEquals(CompareCommand.EXIT_INTERRUPTED, exit);

        JsonNode summary = Json.mapper().readTree(dir.resolve(ResultFiles.SUMMARY).toFile());
        assertFalse(summary.get("complete").asBoolean());
        CsvTable losses = CsvTable.read(dir.resolve(ResultFiles.LOSSES));
        CsvTable accuracy = CsvTable.read(dir.resolve(ResultFiles.ACCURACY));
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
        for (String name : ResultFiles.ALL) {
            assertTrue(Files.size(dir.resolve(name)) > 0, name);
        }
        assertTrue(printed.toString().contains("interrupted"), printed.toString());
        assertTrue(printed.toString().contains("stopped at "), printed.toString());
    }

    @Test
    void aStopBeforeAnyIterationStillWritesValidFiles() throws IOException {
        CompareSettings settings = FixtureRuns.settings(FixtureRuns.setup(100, 32, 10, 0), 2, "sgd", "adam");
        StopSignal stop = StopSignal.manual();
        stop.requestStop();
        int exit = CompareCommand.execute(settings, FixtureRuns.data(), dir, stop, ProgressDisplay.none(),
                new PrintWriter(new StringWriter(), true));
        assertEquals(CompareCommand.EXIT_INTERRUPTED, exit);
        assertEquals(List.of(), CsvTable.read(dir.resolve(ResultFiles.LOSSES)).rows());
        assertEquals(List.of(), CsvTable.read(dir.resolve(ResultFiles.ACCURACY)).rows());
        JsonNode summary = Json.mapper().readTree(dir.resolve(ResultFiles.SUMMARY).toFile());
        assertFalse(summary.get("complete").asBoolean());
        assertEquals(0, summary.get("runs").get(0).get("iterations_completed").asInt());
        assertTrue(summary.get("runs").get(0).get("final_loss").isNull());
        assertTrue(Files.size(dir.resolve("loss.png")) > 0);
    }
}
