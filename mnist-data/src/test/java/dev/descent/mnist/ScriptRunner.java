package dev.descent.mnist;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs {@code download.sh} as a user would, with a clean environment plus the given overrides, offline. */
final class ScriptRunner {

    /** A guard against a hung script, not a performance bound: every run here takes a second or two. */
    private static final long HANG_GUARD_MINUTES = 5;

    record Result(int exit, String output) {
    }

    final Path script;
    final Map<String, String> env = new LinkedHashMap<>();

    ScriptRunner() {
        this.script = Path.of("download.sh").toAbsolutePath();
        assertTrue(Files.isRegularFile(script), "no download.sh in the module directory " + script.getParent());
        env.put("PATH", System.getenv("PATH"));
        env.put("HOME", System.getenv().getOrDefault("HOME", "/tmp"));
        env.put("LANG", "C.UTF-8");
    }

    /** Skips the calling test unless every tool is installed. */
    static void assumeTools(String... tools) {
        for (String tool : tools) {
            Assumptions.assumeTrue(onPath(tool), tool + " is not installed");
        }
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    ScriptRunner set(String name, String value) {
        env.put(name, value);
        return this;
    }

    /**
     * Starts the script with its output going to {@code output}, a file: Process.destroy closes the pipes, and the
     * tests that stop the script still want to read what it said.
     */
    Process start(Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(env);
        return builder.start();
    }

    Result run(String... args) throws IOException, InterruptedException {
        Path output = Files.createTempFile("download-sh-", ".log");
        try {
            Process process = start(output, args);
            boolean ended = process.waitFor(HANG_GUARD_MINUTES, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertTrue(ended, "download.sh hung:\n" + text);
            return new Result(process.exitValue(), text);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    static String readAll(Process process) {
        try (InputStream in = process.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
