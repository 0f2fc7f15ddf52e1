package dev.descent.experiments.io;

import dev.descent.experiments.io.OutputDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --out DIR} and {@code --force} options every result-writing command shares. Use it with
 * {@code @Mixin OutputOptions output;} and call {@link #prepare(String)} once the other options are validated.
 */
public final class OutputOptions {
    @Option(names = "--out", paramLabel = "DIR",
        description = "Directory for the results (default: results/<command>-<yyyyMMdd-HHmmss>).")
    Path out;

    @Option(names = "--force", description = "Write into --out even if it already holds results.")
    boolean force;

    /** Resolves, checks and creates the out directory; see {@link OutputDirectory#prepare(Path, String, boolean)}. */
    public Path prepare(String command) {
        return OutputDirectory.prepare(out, command, force);
    }
}
