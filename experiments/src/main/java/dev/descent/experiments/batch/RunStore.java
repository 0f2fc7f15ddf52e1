package dev.descent.experiments.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.experiments.io.AtomicFiles;
import dev.descent.experiments.io.Json;
import dev.descent.experiments.io.OutputDirectory;
import dev.descent.experiments.train.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The finished runs of an out directory, one file per run, {@code runs/<key>.json}, each written atomically the
 * moment its run completes: an interrupted sweep loses at most the runs in flight, and a file that exists is
 * whole. A file that cannot be read or does not match its run is reported and computed again.
 */
public final class RunStore {
    /** The subdirectory of the out directory holding the runs. */
    public static final String DIR = OutputDirectory.RUNS_DIR;

    private final Path dir;
    private final PrintWriter warnings;

    public RunStore(Path outDir, PrintWriter warnings) {
        this.dir = outDir.resolve(DIR);
        this.warnings = warnings;
    }

    public Path dir() {
        return dir;
    }

    /** Where {@code run} is or would be stored. */
    public Path path(RunConfiguration run) {
        return dir.resolve(run.key() + ".json");
    }

    /** The stored result of {@code run}, if a sound one exists. */
    public Optional<RunResult> load(RunConfiguration run) {
        Path file = path(run);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = Json.mapper().readTree(file.toFile());
            return Optional.of(RunFile.fromJson(json, run));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            warnings.println("descent: " + file + " is not a sound run file (" + firstLine(e)
                    + "); computing that run again");
        } catch (IOException e) {
            warnings.println("descent: cannot read " + file + " (" + e + "); computing that run again");
        }
        return Optional.empty();
    }

    /** Stores a complete run, atomically. */
    public void save(RunConfiguration run, RunResult result) throws IOException {
        if (!result.complete()) {
            throw new IllegalArgumentException("only complete runs are stored; " + run.key() + " was stopped early");
        }
        String text = Json.mapper().writeValueAsString(RunFile.toJson(run, result, Instant.now())) + "\n";
        AtomicFiles.writeString(path(run), text);
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return message == null ? e.toString() : message.lines().findFirst().orElse(message);
    }
}
