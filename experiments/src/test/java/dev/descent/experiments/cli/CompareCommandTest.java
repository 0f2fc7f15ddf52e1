package dev.descent.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.experiments.io.DirectoryLock;
import dev.descent.experiments.io.CsvTable;
import dev.descent.experiments.io.Json;
import dev.descent.mnist.Fixture;
import dev.descent.optimizers.Optimizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code descent compare} end to end on the committed fixture, through {@code Main}. */
class CompareCommandTest {
    private static final List<String> BOOK_SPECS = Stream.of("sgd", "momentum", "adagrad", "rmsprop", "adam")
            .map(spec -> Optimizers.parse(spec).toString()).toList();

    /** Every file a comparison writes. */
    static final List<String> FILES = List.of("losses.csv", "accuracy.csv", "summary.json", "summary.csv",
            "loss-curves.csv", "accuracy-curves.csv", "loss.png", "loss.svg", "accuracy.png", "accuracy.svg",
            "report.html", "spec.json", "runs");

    @TempDir
    Path tmp;

    private static String fixture() {
        return Fixture.locate().toString();
    }

    private static CommandResult compare(String... args) {
        List<String> all = new ArrayList<>(List.of("compare", "--data", fixture()));
        if (!Arrays.asList(args).contains("--threads")) {
            all.addAll(List.of("--threads", "2"));
        }
        all.addAll(Arrays.asList(args));
        return CommandResult.run(all.toArray(String[]::new));
    }

    private static boolean notTheLock(Path file) {
        return !file.getFileName().toString().equals(DirectoryLock.FILE_NAME);
    }

    @Test
    void aScheduleAddsTheLearningRateChartToTheFilesAndTheReport() throws IOException {
        Path out = tmp.resolve("scheduled");
        CommandResult result = compare("--iterations", "30", "--optimizer", "sgd", "--optimizer",
                "adam@step:every=10", "--out", out.toString());
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(Files.size(out.resolve("lr.png")) > 0);
        assertTrue(Files.size(out.resolve("lr.svg")) > 0);
        assertTrue(Files.readString(out.resolve("report.html")).contains("aria-label=\"Learning rate\""));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(FILES.size() + 2, files.filter(CompareCommandTest::notTheLock).count(),
                    "the book's files and lr.png, lr.svg");
        }
    }

    @Test
    void writesEveryFileWithTheExpectedRows() throws IOException {
        Path out = tmp.resolve("run");
        CommandResult result = compare("--iterations", "200", "--out", out.toString());
        assertEquals(0, result.exitCode(), result::toString);

        for (String name : FILES) {
            assertTrue(Files.size(out.resolve(name)) > 0, name + " is missing or empty");
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(FILES.size(), files.filter(CompareCommandTest::notTheLock).count(),
                    "no temporary or extra files are left");
        }
        // The directory lock stays as an empty hidden file once released.
        assertEquals("", Files.readString(out.resolve(DirectoryLock.FILE_NAME)));
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            assertEquals(5, runs.count(), "one stored run per optimizer");
        }

        CsvTable losses = CsvTable.read(out.resolve("losses.csv"));
        assertEquals(List.of("iteration", "optimizer", "loss"), losses.header());
        assertEquals(5 * 200, losses.rows().size());
        for (String spec : BOOK_SPECS) {
            List<List<String>> rows = losses.rows().stream().filter(row -> row.get(1).equals(spec)).toList();
            assertEquals(200, rows.size(), spec);
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(i, Integer.parseInt(rows.get(i).get(0)));
                double loss = Double.parseDouble(rows.get(i).get(2));
                assertTrue(loss > 0 && loss < 20, spec + " loss " + loss);
            }
        }

        // Evaluations after iterations 0, 100 and the last, 199.
        CsvTable accuracy = CsvTable.read(out.resolve("accuracy.csv"));
        assertEquals(List.of("iteration", "optimizer", "test_accuracy"), accuracy.header());
        assertEquals(5 * 3, accuracy.rows().size());
        assertEquals(List.of("0", "100", "199"), accuracy.rows().subList(0, 3).stream().map(row -> row.get(0))
                .toList());

        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.get("complete").asBoolean());
        for (String field : List.of("started", "finished", "descent_version", "wall_seconds")) {
            assertTrue(summary.hasNonNull(field), field);
        }
        for (String field : List.of("cores", "threads", "java", "os", "kernels")) {
            assertTrue(summary.get("machine").hasNonNull(field), "machine." + field);
        }
        JsonNode configuration = summary.get("spec");
        assertEquals(Json.mapper().readTree(out.resolve("spec.json").toFile()), configuration);
        assertEquals("mnist", configuration.get("dataset").asText());
        assertEquals(Path.of(fixture()).toAbsolutePath().normalize().toString(), configuration.get("data").asText());
        assertEquals("[100,100,100,100]", configuration.get("network").get("hidden").toString());
        assertEquals("relu", configuration.get("network").get("activation").asText());
        assertEquals("he", configuration.get("network").get("init").asText());
        assertEquals(0.0, configuration.get("network").get("weight_decay").asDouble());
        assertEquals(200, configuration.get("iterations").asInt());
        assertEquals(128, configuration.get("batch_size").asInt());
        assertEquals("with-replacement", configuration.get("sampling").asText());
        assertEquals(100, configuration.get("eval_every").asInt());
        assertEquals("[0]", configuration.get("seeds").toString());
        List<String> specs = new ArrayList<>();
        configuration.get("optimizers").forEach(node -> specs.add(node.asText()));
        assertEquals(BOOK_SPECS, specs);

        JsonNode runs = summary.get("runs");
        assertEquals(5, runs.size());
        for (int r = 0; r < runs.size(); r++) {
            JsonNode run = runs.get(r);
            assertEquals(BOOK_SPECS.get(r), run.get("optimizer").asText());
            assertFalse(run.get("diverged").asBoolean());
            assertTrue(run.get("diverged_at").isNull());
            assertEquals(200, run.get("iterations_completed").asInt());
            double accuracyValue = run.get("final_accuracy").asDouble();
            assertTrue(accuracyValue > 0.1 && accuracyValue <= 1, "accuracy " + accuracyValue);
            assertTrue(run.get("ms_per_iteration").asDouble() > 0);
            assertTrue(run.get("wall_seconds").asDouble() > 0);
            // final_loss is the mean of the last 100 losses in losses.csv.
            String spec = BOOK_SPECS.get(r);
            double mean = losses.rows().stream().filter(row -> row.get(1).equals(spec)).skip(100)
                    .mapToDouble(row -> Double.parseDouble(row.get(2))).average().orElseThrow();
            assertEquals(mean, run.get("final_loss").asDouble(), 1e-12);
        }

        // Progress as the book prints it (no terminal in tests), then the table and where the files are.
        assertTrue(result.out().contains("=== iteration:0 ===\nsgd:lr=0.01: "), result.out());
        assertTrue(result.out().contains("=== iteration:100 ==="), result.out());
        assertFalse(result.out().contains("=== iteration:200 ==="), result.out());
        assertTrue(result.out().contains("results in " + out.toAbsolutePath()), result.out());
        List<String> lines = List.of(result.out().split("\n"));
        int tableStart = lines.indexOf(lines.stream().filter(line -> line.startsWith("optimizer ")).findFirst()
                .orElseThrow(() -> new AssertionError("no table in " + result.out())));
        int tableEnd = lines.indexOf(lines.stream().filter(line -> line.startsWith("total wall time")).findFirst()
                .orElseThrow(() -> new AssertionError("no wall time in " + result.out())));
        assertEquals(tableStart + 2 + 5 + 1, tableEnd, "header, rule, five rows, the footnote on short specs");
        for (String line : lines.subList(tableStart, tableEnd + 1)) {
            assertTrue(line.length() <= 80, "longer than 80 columns: " + line);
        }
    }

    @Test
    void refusesAnOutDirectoryThatHoldsResultsUnlessForced() throws IOException {
        Path out = tmp.resolve("occupied");
        Files.createDirectories(out);
        Files.writeString(out.resolve("losses.csv"), "precious\n");

        CommandResult refused = compare("--iterations", "5", "--optimizer", "sgd", "--out", out.toString());
        assertEquals(2, refused.exitCode(), refused::toString);
        assertTrue(refused.err().contains("already holds results"), refused.err());
        assertFalse(refused.hasStackTrace(), refused::toString);
        assertEquals("precious\n", Files.readString(out.resolve("losses.csv")));

        CommandResult forced = compare("--iterations", "5", "--optimizer", "sgd", "--out", out.toString(),
                "--force");
        assertEquals(0, forced.exitCode(), forced::toString);
        assertEquals(1 + 5, Files.readAllLines(out.resolve("losses.csv")).size());
        // A directory of an earlier comparison is continued, without --force: its run is reused.
        CommandResult again = compare("--iterations", "5", "--optimizer", "sgd", "--out", out.toString());
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.out().contains("1 of 1 runs stored in"), again.out());
    }

    @Test
    void badOptionsExitWithOneLineBeforeTraining() {
        assertRefused("unknown optimizer 'adamz'", "--optimizer", "adamz");
        assertRefused("--iterations -1 must be at least 1", "--iterations", "-1");
        assertRefused("--iterations 0 must be at least 1", "--iterations", "0");
        assertRefused("layer width 0 must be at least 1", "--hidden", "100,0");
        assertRefused("'x' is not a layer width", "--hidden", "100,x");
        assertRefused("--batch-size 5000 is larger than the training set (1000 examples", "--batch-size", "5000");
        assertRefused("--threads 0 must be at least 1", "--threads", "0");
        assertRefused("is the same optimizer as 'adam'", "--optimizer", "adam", "--optimizer", "adam:lr=0.001");
        assertRefused("--dataset 'cifar' is unknown", "--dataset", "cifar");
        assertRefused("--sampling", "--sampling", "sometimes");
        assertRefused("--activation", "--activation", "tanh");
    }

    private void assertRefused(String expected, String... args) {
        Path out = tmp.resolve("refused");
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--out", out.toString()));
        CommandResult result = compare(all.toArray(String[]::new));
        assertEquals(2, result.exitCode(), result::toString);
        String err = result.err().strip();
        assertTrue(err.startsWith("descent: ") && !err.contains("\n"), "one line expected: " + result);
        assertTrue(err.contains(expected), "expected '" + expected + "' in: " + err);
        assertFalse(result.hasStackTrace(), result::toString);
        assertFalse(Files.exists(out), "nothing is created before the options are accepted");
        assertFalse(result.out().contains("=== iteration"), "no training started: " + result.out());
    }

    @Test
    void aDivergingRunIsFlaggedAndTheOthersComplete() throws IOException {
        Path out = tmp.resolve("diverging");
        // Measured on the fixture with seed 0: SGD with lr 1000 records a finite loss after the first update
        // and a non-finite one after the second.
        CommandResult result = compare("--iterations", "120", "--out", out.toString(),
                "--optimizer", "sgd:lr=1000", "--optimizer", "adam");
        assertEquals(0, result.exitCode(), result::toString);

        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.get("complete").asBoolean(), "divergence is an outcome, not an interruption");
        JsonNode diverged = summary.get("runs").get(0);
        assertEquals("sgd:lr=1000", diverged.get("optimizer").asText());
        assertTrue(diverged.get("diverged").asBoolean());
        assertEquals(1, diverged.get("diverged_at").asInt());
        assertEquals(1, diverged.get("iterations_completed").asInt());
        assertTrue(diverged.get("final_loss").isNull(), "no final loss for a diverged run");
        JsonNode adam = summary.get("runs").get(1);
        assertFalse(adam.get("diverged").asBoolean());
        assertEquals(120, adam.get("iterations_completed").asInt());

        CsvTable losses = CsvTable.read(out.resolve("losses.csv"));
        assertEquals(1 + 120, losses.rows().size());
        assertTrue(result.out().contains("diverged at 1"), result.out());
        assertTrue(result.out().contains("sgd:lr=1000: diverged at 1"), "progress says so: " + result.out());
    }

    @Test
    void runRepeatsAComparisonFromItsSpecBitForBitAndReusesItsRuns() throws IOException {
        Path out = tmp.resolve("compared");
        CommandResult compared = compare("--iterations", "150", "--batch-size", "64", "--seed", "3", "--optimizer",
                "sgd", "--optimizer", "adam:lr=0.003", "--out", out.toString());
        assertEquals(0, compared.exitCode(), compared::toString);
        String losses = Files.readString(out.resolve("losses.csv"));
        String accuracy = Files.readString(out.resolve("accuracy.csv"));
        Path spec = out.resolve("spec.json");

        // Pointed at the same out directory, run finds every run stored and computes nothing.
        CommandResult reused = CommandResult.run("run", spec.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, reused.exitCode(), reused::toString);
        assertTrue(reused.out().contains("2 runs in compare (2 settings × 1 seeds): 2 reused from"), reused.out());
        assertTrue(reused.out().contains("0 to compute"), reused.out());
        assertEquals(losses, Files.readString(out.resolve("losses.csv")));

        // Into a fresh directory, on one thread, it computes the same runs again, bit for bit.
        Path fresh = tmp.resolve("repeated");
        CommandResult repeated = CommandResult.run("run", spec.toString(), "--out", fresh.toString(), "--threads",
                "1");
        assertEquals(0, repeated.exitCode(), repeated::toString);
        assertTrue(repeated.out().contains("2 to compute"), repeated.out());
        assertEquals(losses, Files.readString(fresh.resolve("losses.csv")));
        assertEquals(accuracy, Files.readString(fresh.resolve("accuracy.csv")));
        try (Stream<Path> before = Files.list(out.resolve("runs")); Stream<Path> after = Files.list(fresh.resolve("runs"))) {
            assertEquals(before.map(p -> p.getFileName().toString()).sorted().toList(),
                    after.map(p -> p.getFileName().toString()).sorted().toList(), "the same run keys");
        }
    }
}
