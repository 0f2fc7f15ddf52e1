package dev.descent.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.experiments.batch.BatchRunner;
import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.ExperimentSummary;
import dev.descent.experiments.batch.Invocation;
import dev.descent.experiments.batch.RunCounts;
import dev.descent.experiments.batch.RunStore;
import dev.descent.experiments.batch.SpecReader;
import dev.descent.experiments.batch.SummaryFiles;
import dev.descent.experiments.common.ExitStatus;
import dev.descent.experiments.progress.BatchProgress;
import dev.descent.experiments.io.CsvTable;
import dev.descent.experiments.io.OutputDirectory;
import dev.descent.experiments.io.Json;
import dev.descent.mnist.Fixture;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code descent run} end to end on the committed MNIST fixture (1,000 training and 1,000 test images): two
 * settings × two seeds, 60 iterations each, then again (nothing computed), then again after deleting one run's
 * file (exactly that run computed).
 */
class RunCommandTest {
    private static final String SPEC = """
            {"name": "fixture pair", "iterations": 60, "eval_every": 20, "seeds": 2,
             "optimizers": ["sgd", "adam"], "target_accuracy": 0.5}""";
    private static final List<String> FILES = List.of("spec.json", "summary.json", "summary.csv", "loss-curves.csv",
            "accuracy-curves.csv", "loss.png", "loss.svg", "accuracy.png", "accuracy.svg", "report.html",
            "losses.csv", "accuracy.csv");

    /** What one invocation printed, and its exit code. */
    private record Printed(int exitCode, String out, String err) {
    }

    private static Printed run(Path spec, Path outDir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new RunCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(spec.toString(), "--out", outDir.toString(), "--threads", "2", "--data",
                Fixture.locate().toString());
        return new Printed(code, out.toString(), err.toString());
    }

    private static Map<String, FileTime> runFiles(Path out) throws IOException {
        Map<String, FileTime> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(out.resolve(RunStore.DIR))) {
            for (Path file : list.toList()) {
                files.put(file.getFileName().toString(), Files.getLastModifiedTime(file));
            }
        }
        return files;
    }

    @Test
    void anotherSpecFileOfTheSameNameIsRefusedUnlessForced(@TempDir Path dir) throws Exception {
        Path first = Files.createDirectories(dir.resolve("a")).resolve("pair.json");
        Path second = Files.createDirectories(dir.resolve("b")).resolve("pair.json");
        Files.writeString(first, SPEC.replace("\"seeds\": 2", "\"seeds\": 1"));
        Files.writeString(second, SPEC.replace("\"seeds\": 2", "\"seeds\": 1").replace("\"sgd\"", "\"momentum\""));
        Path out = dir.resolve("out");
        assertEquals(ExitStatus.OK, run(first, out).exitCode());
        String report = Files.readString(out.resolve("report.html"));

        CommandResult refused = CommandResult.run("run", second.toString(), "--out", out.toString(), "--data",
                Fixture.locate().toString());
        assertEquals(ExitStatus.USAGE, refused.exitCode(), refused::toString);
        assertTrue(refused.err().startsWith("descent: the out directory " + out + " holds the results of another"
                + " spec file, " + first), refused::toString);
        assertTrue(refused.err().contains("HINT: give this experiment its own --out DIR, or add --force"),
                refused::toString);
        assertEquals(report, Files.readString(out.resolve("report.html")), "the first spec's report is kept");

        // The same file again continues its own results; --force lets the other one in.
        assertEquals(ExitStatus.OK, run(first, out).exitCode());
        CommandResult forced = CommandResult.run("run", second.toString(), "--out", out.toString(), "--data",
                Fixture.locate().toString(), "--force");
        assertEquals(ExitStatus.OK, forced.exitCode(), forced::toString);
        assertEquals(second.toAbsolutePath().normalize() + "\n",
                Files.readString(out.resolve(OutputDirectory.SOURCE_FILE)));
    }

    @Test
    void runsStoresReusesAndRecomputesExactlyWhatIsMissing(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("pair.json");
        Files.writeString(spec, SPEC);
        Path out = dir.resolve("out");

        Printed first = run(spec, out);
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("4 runs in fixture pair (2 settings × 2 seeds): 0 reused"), first.out());
        assertTrue(first.out().contains("4 runs: 4 computed, 0 reused"), first.out());
        for (String name : FILES) {
            assertTrue(Files.size(out.resolve(name)) > 0, name);
        }
        Map<String, FileTime> stored = runFiles(out);
        assertEquals(4, stored.size());
        CsvTable summary = CsvTable.read(out.resolve("summary.csv"));
        assertEquals(2, summary.rows().size());
        assertEquals("2", summary.rows().get(1).get(summary.header().indexOf("seeds")));
        JsonNode json = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(json.get("complete").booleanValue());
        // The fixture's 60 Adam steps end far below SGD's, on both seeds (SGD at lr 0.01 has barely moved).
        double sgdLoss = json.at("/settings/0/final_loss/mean").doubleValue();
        double adamLoss = json.at("/settings/1/final_loss/mean").doubleValue();
        assertTrue(adamLoss < sgdLoss, adamLoss + " vs " + sgdLoss);
        assertTrue(json.at("/settings/1/versus_baseline/welch_p").isNumber());
        String report = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        // Loss, accuracy and (a target, two optimizers) the performance profile.
        assertEquals(3, report.split("<svg", -1).length - 1);

        Printed second = run(spec, out);
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().contains("4 reused from"), second.out());
        assertTrue(second.out().contains("0 to compute"), second.out());
        assertTrue(second.out().contains("4 runs: 0 computed, 4 reused"), second.out());
        assertEquals(stored, runFiles(out));

        String deleted = stored.keySet().iterator().next();
        JsonNode before = Json.mapper().readTree(out.resolve(RunStore.DIR).resolve(deleted).toFile());
        Files.delete(out.resolve(RunStore.DIR).resolve(deleted));
        Printed third = run(spec, out);
        assertEquals(0, third.exitCode(), third.err());
        assertTrue(third.out().contains("3 reused from"), third.out());
        assertTrue(third.out().contains("1 to compute"), third.out());
        Map<String, FileTime> after = runFiles(out);
        assertEquals(stored.keySet(), after.keySet());
        for (String name : stored.keySet()) {
            if (name.equals(deleted)) {
                continue;
            }
            assertEquals(stored.get(name), after.get(name), name + " was rewritten");
        }
        // The recomputed run is bit-identical: same seed, same configuration.
        JsonNode again = Json.mapper().readTree(out.resolve(RunStore.DIR).resolve(deleted).toFile());
        assertEquals(before.get("losses"), again.get("losses"));
        assertEquals(before.get("evaluations"), again.get("evaluations"));
        assertNotEquals(before.get("finished_at"), again.get("finished_at"));
    }

    @Test
    void aStoppedBatchStoresNothingAndSaysItIsIncomplete(@TempDir Path dir) throws Exception {
        ExperimentSpec spec = SpecReader.parse("s.json", "stopped", SPEC);
        RunStore store = new RunStore(dir, new PrintWriter(new StringWriter(), true));
        StringWriter printed = new StringWriter();
        BatchRunner.Plan plan = BatchRunner.plan(spec, store);
        BatchRunner.Outcome outcome = BatchRunner.compute(plan, Fixture.load(), store, 2, Integer.MAX_VALUE,
                List.of("a", "b", "c", "d"), new BatchProgress(new PrintWriter(printed, true), false, 4, 0), () -> true);
        assertEquals(new RunCounts(4, 0, 0, 4), outcome.counts());
        assertTrue(outcome.runs().values().stream().noneMatch(run -> run.result().complete()));
        assertTrue(Files.notExists(store.dir()));
        // Runs a stop leaves unstarted get one line together, not one each.
        assertTrue(printed.toString().contains("[stopped] 4 runs had not started; not stored"), printed.toString());
        assertFalse(printed.toString().contains("stopped after 0 iterations"), printed.toString());

        ExperimentSummary summary = ExperimentSummary.of(spec, outcome.runs(), outcome.counts(), c -> c);
        SummaryFiles.write(dir, summary, new Invocation("run", "descent run s.json", 2, Instant.now(), Instant.now(),
                0));
        JsonNode json = Json.mapper().readTree(dir.resolve(SummaryFiles.SUMMARY_JSON).toFile());
        assertFalse(json.get("complete").booleanValue());
        assertEquals(4, json.at("/counts/missing").intValue());
    }

    @Test
    void aDirectoryHoldingSomethingElseIsRefusedWithoutForce(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("pair.json");
        Files.writeString(spec, SPEC);
        Path out = dir.resolve("elsewhere");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new RunCommand());
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println(e.getMessage());
            return 2;
        });
        assertEquals(2, commandLine.execute(spec.toString(), "--out", out.toString()));
        assertTrue(err.toString().contains("already holds results that are not a descent experiment (notes.txt)"),
                err.toString());
        assertArrayEquals(new String[] {"notes.txt"}, out.toFile().list());
    }

    @Test
    void aBadSpecIsOneLineWithTheUsageExitCode(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("bad.json");
        Files.writeString(spec, "{\"seeds\": -2}");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "run", spec.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(ExitStatus.USAGE, code);
        assertEquals("descent: " + spec + ": negative seed count -2 at $.seeds; give a count N >= 1 (meaning seeds"
                + " 0..N-1) or a list of seeds such as [0, 1, 2]", err.toString().strip());
        assertEquals("", out.toString());
        assertTrue(Files.notExists(dir.resolve("out")), "nothing is written for a bad spec");
    }
}
