package dev.descent.experiments.io;

import dev.descent.experiments.common.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The directory a command writes its results to: {@code --out DIR}, or a default under {@code results/} in the
 * current directory. A directory that already holds results is refused unless {@code --force}, so a second run
 * never silently mixes its files with an earlier run's; the one exception is an experiment's own directory
 * ({@link #forExperiment}), which a later run of the experiment continues.
 */
public final class OutputDirectory {
    /** Where default out directories go, relative to the current directory (ignored by git). */
    public static final String RESULTS_DIR = "results";
    /** The timestamp in default directory names: sortable, no characters that need quoting in a shell. */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** The stored runs of an experiment, one file per run. */
    public static final String RUNS_DIR = "runs";
    /** The resolved spec of an experiment. */
    public static final String SPEC_FILE = "spec.json";

    private static final int MAX_LISTED = 3;

    private OutputDirectory() {
    }

    /**
     * Resolves, checks and creates the out directory of a command that is not an experiment.
     *
     * @param requested the {@code --out} value, or {@code null} for the default
     * @param command the command name, used in the default directory name
     * @param force whether results already in {@code requested} may be overwritten
     * @return the absolute directory, which exists
     * @throws UserError if the directory holds results and {@code force} is false, is a file, or cannot be made
     */
    public static Path prepare(Path requested, String command, boolean force) {
        return prepare(requested, command, force, Clock.systemDefaultZone(), Path.of(""));
    }

    /** As {@link #prepare(Path, String, boolean)}, at {@code clock}'s time and relative to {@code workingDir}. */
    static Path prepare(Path requested, String command, boolean force, Clock clock, Path workingDir) {
        rejectEmpty(requested);
        Path base = workingDir.toAbsolutePath();
        Path dir;
        if (requested == null) {
            dir = freeDefault(base.resolve(defaultFor(command, clock)));
        } else {
            dir = base.resolve(requested).normalize();
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new UserError("--out " + dir + " is a file, not a directory; choose another --out");
            }
            List<Path> existing = existingResults(dir);
            if (!existing.isEmpty() && !force) {
                throw new UserError("the out directory " + dir + " already holds results (" + describe(existing)
                    + "); use --force or choose another --out");
            }
        }
        return create(dir);
    }

    /**
     * The out directory of an experiment, checked but not created (the caller creates it once its input proved
     * usable): {@code requested}, or else {@code defaultDir}. A directory that holds an experiment (a
     * {@value #RUNS_DIR}/ directory or a {@value #SPEC_FILE}) is continued; one holding other files is refused
     * unless {@code force}.
     */
    public static Path forExperiment(Path requested, Path defaultDir, boolean force) {
        rejectEmpty(requested);
        Path dir = (requested == null ? defaultDir : requested).toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError("--out " + dir + " is a file, not a directory; choose another --out");
        }
        List<Path> existing = existingResults(dir);
        if (!existing.isEmpty() && !force && !Files.isDirectory(dir.resolve(RUNS_DIR))
                && !Files.isRegularFile(dir.resolve(SPEC_FILE))) {
            throw new UserError("the out directory " + dir + " already holds results that are not a descent"
                    + " experiment (" + describe(existing) + "); choose another --out, or add --force to write there"
                    + " anyway");
        }
        return dir;
    }

    /** Hidden file of an experiment's directory naming the spec file whose results it holds. */
    public static final String SOURCE_FILE = ".descent-source";

    /**
     * Refuses, unless {@code force}, a directory that holds the results of another spec file: two spec files with
     * the same name share the default {@code results/run-<name>}, and the second would replace the first's
     * summaries, charts and report.
     */
    public static void checkSource(Path dir, Path specFile, boolean force) {
        Path marker = dir.resolve(SOURCE_FILE);
        if (force || !Files.isRegularFile(marker)) {
            return;
        }
        String mine = specFile.toAbsolutePath().normalize().toString();
        String theirs;
        try {
            theirs = Files.readString(marker, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return; // an unreadable marker proves nothing; the run store still keys every run by its configuration
        }
        if (!theirs.isEmpty() && !theirs.equals(mine)) {
            throw new UserError("the out directory " + dir + " holds the results of another spec file, " + theirs
                + "; this one (" + mine + ") would replace its summaries, charts and report. HINT: give this"
                + " experiment its own --out DIR, or add --force to write there anyway (stored runs are reused only"
                + " where their configuration matches)");
        }
    }

    /** Records that {@code dir} holds the results of {@code specFile}; see {@link #checkSource}. */
    public static void recordSource(Path dir, Path specFile) throws IOException {
        if (Files.isDirectory(dir)) {
            AtomicFiles.writeString(dir.resolve(SOURCE_FILE), specFile.toAbsolutePath().normalize() + "\n");
        }
    }

    /**
     * Creates {@code dir} and its parents, and proves it writable by creating and deleting a hidden probe file,
     * so that a directory we cannot write is found before any training, not after it.
     */
    public static Path create(Path dir) {
        Path created;
        try {
            created = Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UserError("cannot create the out directory " + dir + " (" + AtomicFiles.reason(e)
                + "); choose another --out", e);
        }
        try {
            Files.delete(Files.createTempFile(created, ".descent-probe-", ".tmp"));
        } catch (IOException e) {
            throw new UserError("cannot write into the out directory " + dir + " (" + AtomicFiles.reason(e)
                + "); nothing was computed; choose another --out or make it writable", e);
        }
        return created;
    }

    /**
     * Creates and locks {@code candidate}, a fresh default directory, or the first free sibling {@code -2}, {@code -3},
     * … when another invocation started in the same second holds it or has already written into it: every
     * invocation gets a directory of its own.
     */
    public static DirectoryLock claimFresh(Path candidate, String what) throws IOException {
        Path base = candidate;
        for (int suffix = 2; ; suffix++) {
            create(candidate);
            DirectoryLock lock = DirectoryLock.tryAcquire(candidate, what);
            if (lock != null && existingResults(candidate).isEmpty()) {
                return lock;
            }
            if (lock != null) {
                lock.close();
            }
            candidate = base.resolveSibling(base.getFileName() + "-" + suffix);
        }
    }

    /** {@code results/<command>-<yyyyMMdd-HHmmss>} (or {@code -2}, ... when taken), absolute. */
    public static Path freshDefault(String command) {
        return freeDefault(defaultFor(command, Clock.systemDefaultZone()).toAbsolutePath());
    }

    /** {@code results/<prefix><name>} with the name made safe for a file name, absolute: the same every time. */
    public static Path named(String prefix, String name) {
        String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-.]+", "");
        return Path.of(RESULTS_DIR, prefix + (safe.isEmpty() ? "spec" : safe)).toAbsolutePath().normalize();
    }

    /** {@code results/<command>-<yyyyMMdd-HHmmss>}, relative (to the current directory). */
    public static Path defaultFor(String command, Clock clock) {
        return Path.of(RESULTS_DIR, command + "-" + LocalDateTime.now(clock).format(TIMESTAMP));
    }

    /** The visible entries of {@code dir} (hidden files such as editor droppings do not count); none if absent. */
    public static List<Path> existingResults(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                .sorted()
                .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UserError("cannot list the out directory " + dir + " (" + e + "); choose another --out", e);
        }
    }

    // Two runs started in the same second get -2, -3, ... rather than refusing the second one.
    private static Path freeDefault(Path base) {
        Path candidate = base;
        for (int suffix = 2; Files.exists(candidate) && (!Files.isDirectory(candidate)
            || !existingResults(candidate).isEmpty() || DirectoryLock.isHeldByAnother(candidate)); suffix++) {
            candidate = base.resolveSibling(base.getFileName() + "-" + suffix);
        }
        return candidate;
    }

    // Path.of("") is the working directory: an empty --out (an unset shell variable) must not write there.
    private static void rejectEmpty(Path requested) {
        if (requested != null && requested.toString().isBlank()) {
            throw new UserError("--out is empty; give a directory, or leave --out out for the default under "
                + RESULTS_DIR + "/");
        }
    }

    private static String describe(List<Path> existing) {
        String names = existing.stream().limit(MAX_LISTED).map(p -> p.getFileName().toString())
            .collect(Collectors.joining(", "));
        return existing.size() > MAX_LISTED ? names + ", ... " + existing.size() + " entries in all" : names;
    }
}
