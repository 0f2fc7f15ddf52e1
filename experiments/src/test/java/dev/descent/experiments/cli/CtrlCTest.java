package dev.descent.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.experiments.common.ExitStatus;
import dev.descent.experiments.io.Json;
import dev.descent.mnist.Fixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Ctrl-C: {@code descent compare} and {@code descent run} in a child JVM get SIGINT while they train, write
 * their files marked incomplete and exit with {@link ExitStatus#INTERRUPTED}, returned by the command itself.
 *
 * <p>A background job of a non-interactive shell starts with SIGINT ignored, and children inherit that; the child
 * is started through {@code env --default-signal=INT} so that it gets the signal whatever started the build.
 */
class CtrlCTest {
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path tmp;

    /** Starts {@code descent args} in a child JVM, waits until its output satisfies {@code ready}, sends SIGINT. */
    private static Interrupted interrupt(Predicate<String> ready, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--add-modules",
                "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuffer output = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                }
            } catch (IOException e) {
                output.append("(reading failed: ").append(e).append(")\n");
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!ready.test(output.toString()) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(process.isAlive(), "the command ended before it could be interrupted:\n" + output);
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
        assertTrue(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "no exit after SIGINT:\n" + output);
        reader.join();
        return new Interrupted(process.exitValue(), output.toString());
    }

    private record Interrupted(int exitCode, String output) {
    }

    @Test
    void compareExits130AfterWritingWhatItComputed() throws Exception {
        Path out = tmp.resolve("compare");
        Interrupted result = interrupt(text -> text.contains("=== iteration:100 ==="), "compare", "--data",
                Fixture.locate().toString(), "--optimizer", "sgd", "--optimizer", "adam", "--iterations", "200000",
                "--batch-size", "16", "--eval-every", "100000", "--threads", "2", "--out", out.toString());
        assertEquals(ExitStatus.INTERRUPTED, result.exitCode(), result.output());
        assertTrue(result.output().contains("interrupted: the runs were stopped early"), result.output());
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertFalse(summary.get("complete").asBoolean());
        assertTrue(summary.at("/runs/0/iterations_completed").asInt() >= 100, summary.toString());
        assertTrue(Files.exists(out.resolve("report.html")));
    }

    @Test
    void runExits130AfterWritingWhatItComputed() throws Exception {
        Path spec = tmp.resolve("long.json");
        Files.writeString(spec, "{\"name\": \"long\", \"iterations\": 200000, \"batch_size\": 16, \"eval_every\":"
                + " 100000, \"seeds\": 2, \"optimizers\": [\"sgd\"]}");
        Path out = tmp.resolve("run");
        Interrupted result = interrupt(text -> text.contains("to compute on") && Files.isDirectory(out.resolve("runs")),
                "run", spec.toString(), "--data", Fixture.locate().toString(), "--threads", "2", "--out",
                out.toString());
        assertEquals(ExitStatus.INTERRUPTED, result.exitCode(), result.output());
        assertTrue(result.output().contains("2 missing (stopped; run the same command again to finish)"),
                result.output());
        JsonNode summary = Json.mapper().readTree(out.resolve("summary.json").toFile());
        assertFalse(summary.get("complete").asBoolean());
        assertEquals(2, summary.at("/counts/missing").asInt());
    }
}
