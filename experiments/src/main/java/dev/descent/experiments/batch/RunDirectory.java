package dev.descent.experiments.batch;

import dev.descent.experiments.cli.UserError;
import dev.descent.experiments.io.OutputDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The out directory of {@code descent run}: {@code --out DIR}, or {@code results/run-<spec name>} under the
 * current directory. The default is the same every time on purpose, so that running a spec again continues
 * where the last run stopped. A directory that holds a batch already ({@code runs/} or {@code spec.json}) is
 * resumed; one that holds anything else is refused unless {@code --force}.
 */
public final class RunDirectory {
    /** The resolved spec, written into every out directory. */
    public static final String SPEC_FILE = "spec.json";
    private static final String PREFIX = "run-";
    private static final int MAX_LISTED = 3;

    private RunDirectory() {
    }

    /** {@code results/run-<name>} with the name made safe for a file name, absolute. */
    public static Path defaultFor(String specName) {
        String safe = specName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-.]+", "");
        return Path.of(OutputDirectory.RESULTS_DIR, PREFIX + (safe.isEmpty() ? "spec" : safe)).toAbsolutePath()
                .normalize();
    }

    /**
     * Resolves, checks and creates the out directory.
     *
     * @param requested {@code --out}, or null for the default
     * @param force     write into a directory that holds other files
     */
    public static Path prepare(Path requested, String specName, boolean force) {
        Path dir = requested == null ? defaultFor(specName) : requested.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError("--out " + dir + " is a file, not a directory; choose another --out");
        }
        List<Path> existing = OutputDirectory.existingResults(dir);
        if (!existing.isEmpty() && !isBatch(dir) && !force) {
            String names = existing.stream().limit(MAX_LISTED).map(p -> p.getFileName().toString())
                    .collect(Collectors.joining(", "));
            throw new UserError("the out directory " + dir + " holds files that are not from descent run (" + names
                    + (existing.size() > MAX_LISTED ? ", ..." : "") + "); choose another --out, or add --force to"
                    + " write there anyway");
        }
        try {
            Files.createDirectories(dir.resolve(RunStore.DIR));
        } catch (IOException e) {
            throw new UserError("cannot create the out directory " + dir + " (" + e + "); choose another --out", e);
        }
        return dir;
    }

    /** Whether {@code dir} holds a batch that a run may continue. */
    static boolean isBatch(Path dir) {
        return Files.isDirectory(dir.resolve(RunStore.DIR)) || Files.isRegularFile(dir.resolve(SPEC_FILE));
    }
}
