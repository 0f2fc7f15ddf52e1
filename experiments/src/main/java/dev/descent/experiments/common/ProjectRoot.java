package dev.descent.experiments.common;

import java.nio.file.Path;

/**
 * The root of the descent checkout, where {@code mnist-data/download.sh} and the ready specs live.
 *
 * <p>The {@code ./descent} launcher passes it as the system property {@value #PROPERTY}. Without it (tests, an
 * IDE, a bare {@code java -jar}) the current directory stands in, so a command that looks for a file under the
 * root should name the path it tried in its error message.
 */
public final class ProjectRoot {
    /** The system property the launcher sets to the repository root. */
    public static final String PROPERTY = "descent.home";

    private ProjectRoot() {
    }

    /** The repository root as an absolute, normalised path. */
    public static Path get() {
        String home = System.getProperty(PROPERTY);
        Path root = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        return root.toAbsolutePath().normalize();
    }

    /** {@code relative} resolved against {@link #get()}. */
    public static Path resolve(String relative) {
        return get().resolve(relative);
    }
}
