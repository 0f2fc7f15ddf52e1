package dev.descent.experiments.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.experiments.batch.BatchRunner;
import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.RunStore;
import dev.descent.experiments.batch.SpecReader;
import dev.descent.experiments.common.ExitStatus;
import dev.descent.experiments.io.Json;
import dev.descent.experiments.progress.ProgressDisplay;
import dev.descent.experiments.train.RunProgress;
import dev.descent.experiments.train.RunResult;
import dev.descent.experiments.train.StopSignal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tuning end to end on the committed fixture: trials, the choice, the reruns on two seeds and the report; then
 * the same spec again, which computes nothing (every trial and rerun is a stored run).
 */
class TuningPipelineTest {
    private static final String SPEC = """
            {"name": "fixture tuning", "iterations": 30, "batch_size": 32, "eval_every": 10, "seeds": 2,
             "optimizers": ["sgd", "adam"], "baseline": "adam", "evaluate": ["test", "train"],
             "tuning": {"trials": 3, "validation": 200, "select": "validation_accuracy"}}""";

    private static Map<String, FileTime> runFiles(Path out) throws Exception {
        Map<String, FileTime> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(out.resolve(RunStore.DIR))) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.getLastModifiedTime(file));
            }
        }
        return files;
    }

    private static String run(ExperimentSpec spec, Path out) throws Exception {
        StringWriter printed = new StringWriter();
        Pipeline.Request request = new Pipeline.Request("run", "descent run tuning.json", spec, out, 2,
                "\"batch_size\"", "\"train_size\"");
        int code = Pipeline.run(request, new BatchPresentation(), FixtureRuns::data, StopSignal.manual(),
                new PrintWriter(printed, true), new PrintWriter(new StringWriter(), true));
        assertEquals(ExitStatus.OK, code, printed.toString());
        return printed.toString();
    }

    /** The batch presentation, but its display raises the stop after the first finished run. */
    private static Presentation stoppingAfterOneRun(StopSignal stop) {
        return new BatchPresentation() {
            @Override
            public ProgressDisplay display(PrintWriter out, BatchRunner.Plan plan) {
                return new ProgressDisplay() {
                    @Override
                    public void start(List<RunProgress> runs, List<String> labels) {
                    }

                    @Override
                    public void finished(int index, RunResult result) {
                        stop.requestStop();
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    @Test
    void aStoppedTuningExits130AndTheNextRunContinuesItsTrials(@TempDir Path dir) throws Exception {
        ExperimentSpec spec = SpecReader.parse("tuning.json", "tuning", SPEC);
        Path out = dir.resolve("out");
        StopSignal stop = StopSignal.manual();
        StringWriter printed = new StringWriter();
        Pipeline.Request request = new Pipeline.Request("run", "descent run tuning.json", spec, out, 1,
                "\"batch_size\"", "\"train_size\"");
        int code = Pipeline.run(request, stoppingAfterOneRun(stop), FixtureRuns::data, stop,
                new PrintWriter(printed, true), new PrintWriter(new StringWriter(), true));
        assertEquals(ExitStatus.INTERRUPTED, code, printed.toString());
        assertTrue(printed.toString().contains("tuning stopped: 5 trials missing; run the same command again"),
                printed.toString());
        assertEquals(1, runFiles(out).size(), "the finished trial is stored");

        String again = run(spec, out);
        assertTrue(again.contains("1 reused, 5 to compute"), again);
        assertEquals(8, runFiles(out).size());
    }

    @Test
    void aTuningRunsItsTrialsThenTheChosenSettingsAndResumesWithoutRecomputing(@TempDir Path dir)
            throws Exception {
        ExperimentSpec spec = SpecReader.parse("tuning.json", "tuning", SPEC);
        Path out = dir.resolve("out");
        String first = run(spec, out);
        assertTrue(first.contains("tuning: 6 trials (2 optimizers × 3, random search, validation split of 200,"
                + " select by validation_accuracy): 0 reused, 6 to compute"), first);
        // Two reruns per optimizer, one of them (seed 0, the tuning seed) the chosen trial itself.
        assertTrue(first.contains("4 runs in fixture tuning (2 settings × 2 seeds): 2 reused"), first);
        Map<String, FileTime> stored = runFiles(out);
        assertEquals(8, stored.size(), "6 trials and 2 new reruns");

        JsonNode tuning = Json.mapper().readTree(out.resolve("tuning.json").toFile());
        assertEquals(6, tuning.get("trials").size());
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        for (JsonNode optimizer : tuning.get("optimizers")) {
            String chosen = optimizer.get("chosen").textValue();
            boolean found = false;
            for (JsonNode setting : summary.get("settings")) {
                found |= setting.get("optimizer").textValue().equals(chosen);
            }
            assertTrue(found, chosen + " is rerun and reported");
            // The chosen trial has the best final validation accuracy of its optimizer's trials.
            double best = -1;
            double chosenAccuracy = -1;
            for (JsonNode trial : tuning.get("trials")) {
                if (trial.get("optimizer").equals(optimizer.get("optimizer"))) {
                    best = Math.max(best, trial.get("final_validation_accuracy").doubleValue());
                    if (trial.get("chosen").booleanValue()) {
                        chosenAccuracy = trial.get("final_validation_accuracy").doubleValue();
                    }
                }
            }
            assertEquals(best, chosenAccuracy);
        }
        assertEquals(2, summary.at("/settings/0/seeds").size());
        assertTrue(summary.at("/runs/0/final_validation_accuracy").isNumber());
        assertTrue(summary.at("/runs/0/final_train_accuracy").isNumber());
        String report = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        assertTrue(report.contains("<h2 id=\"tuning\">Tuning</h2>"));
        for (String file : new String[] {"validation-curves.svg", "tuning-sensitivity.svg", "train-test-accuracy.svg",
            "trials.csv"}) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
            assertTrue(file.endsWith(".csv") || report.contains(file), file + " is in the report");
        }

        String second = run(spec, out);
        assertTrue(second.contains("6 reused, 0 to compute"), second);
        assertTrue(second.contains("4 runs: 0 computed, 4 reused"), second);
        assertEquals(stored, runFiles(out), "no run file was written again");
    }
}
