package dev.descent.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.experiments.io.Json;
import dev.descent.mnist.Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare --batch-norm --dropout R --train-size N}, and a spec's {@code train_size} against the data. */
class ExtendedNetCommandTest {
    @TempDir
    Path tmp;

    private static CommandResult compare(String... args) {
        List<String> all = new ArrayList<>(List.of("compare", "--data", Fixture.locate().toString(), "--threads",
                "2"));
        all.addAll(Arrays.asList(args));
        return CommandResult.run(all.toArray(String[]::new));
    }

    @Test
    void theOptionsReachTheSpecAndTheStoredRuns() throws IOException {
        Path out = tmp.resolve("bn");
        CommandResult result = compare("--batch-norm", "--dropout", "0.2", "--train-size", "300", "--batch-size",
                "100", "--iterations", "20", "--eval-every", "10", "--optimizer", "sgd", "--optimizer", "adam",
                "--out", out.toString());
        assertEquals(0, result.exitCode(), result::toString);

        JsonNode spec = Json.mapper().readTree(out.resolve("spec.json").toFile());
        assertTrue(spec.get("network").get("batch_norm").asBoolean());
        assertEquals(0.2, spec.get("network").get("dropout").asDouble());
        assertEquals(300, spec.get("train_size").asInt());
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            for (Path file : runs.toList()) {
                JsonNode configuration = Json.mapper().readTree(file.toFile()).get("configuration");
                assertTrue(configuration.get("batch_norm").asBoolean(), file.toString());
                assertEquals(0.2, configuration.get("dropout").asDouble(), file.toString());
                assertEquals(300, configuration.get("train_size").asInt(), file.toString());
            }
        }
        // The spec it wrote repeats it: every run is found stored.
        CommandResult again = CommandResult.run("run", out.resolve("spec.json").toString(), "--out", out.toString(),
                "--threads", "1");
        assertEquals(0, again.exitCode(), again::toString);
        JsonNode counts = Json.mapper().readTree(out.resolve("summary.json").toFile()).get("counts");
        assertEquals(2, counts.get("reused").asInt(), counts.toString());
        assertEquals(0, counts.get("computed").asInt(), counts.toString());
    }

    @Test
    void badValuesExitWithOneLineNamingTheOption() {
        assertRefused("--dropout 1.0 must be in [0, 1)", "--dropout", "1");
        assertRefused("--dropout -0.5 must be in [0, 1)", "--dropout", "-0.5");
        assertRefused("--train-size 0 must be at least 1", "--train-size", "0");
        assertRefused("--train-size 100 is smaller than --batch-size 128", "--train-size", "100");
        assertRefused("--train-size 5000 is larger than the training set (1000 examples", "--train-size", "5000",
                "--batch-size", "100");
    }

    @Test
    void aSpecTrainSizeLargerThanTheDataNamesTheField() throws IOException {
        Path spec = tmp.resolve("big.json");
        Files.writeString(spec, "{\"train_size\": 2000, \"batch_size\": 100, \"iterations\": 5, \"optimizers\":"
                + " [\"sgd\"], \"data\": \"" + Fixture.locate().toString().replace("\\", "\\\\") + "\"}");
        Path out = tmp.resolve("big");
        CommandResult result = CommandResult.run("run", spec.toString(), "--out", out.toString());
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().contains(spec + ": \"train_size\" 2000 is larger than the training set (1000"
                + " examples"), result::toString);
        assertFalse(result.hasStackTrace(), result::toString);
        assertFalse(Files.exists(out), "nothing is created before the data proved usable");
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
    }
}
