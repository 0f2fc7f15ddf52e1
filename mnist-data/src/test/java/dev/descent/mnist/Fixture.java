package dev.descent.mnist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The small real MNIST kept in the repository for tests: the first {@value #TRAIN_SIZE} training and first
 * {@value #TEST_SIZE} test records, gzip-compressed IDX files in {@value #DIR_FROM_PROJECT_ROOT} (how they were made,
 * their checksums and label counts are in the README.md there).
 *
 * <p>Test code: other modules' tests get it from this module's test-jar. Maven runs tests in the module's
 * directory, one level below the project root, and {@link #locate()} looks there and above.
 */
public final class Fixture {

    /** Where the fixture lives, relative to the project root. */
    public static final String DIR_FROM_PROJECT_ROOT = "mnist-data/fixture";
    /** Training records in the fixture. */
    public static final int TRAIN_SIZE = 1000;
    /** Test records in the fixture. */
    public static final int TEST_SIZE = 1000;
    /** The data set name the fixture loads as ("mnist fixture train", "mnist fixture test"). */
    public static final String NAME = "mnist fixture";

    /** How many parent directories of the working directory {@link #locate()} searches. */
    private static final int SEARCH_DEPTH = 3;

    private Fixture() {
    }

    /**
     * The fixture directory: the first {@code D/mnist-data/fixture} holding the four files, for D the working
     * directory or one of its nearest parents.
     *
     * @throws IllegalStateException if there is none, naming where it looked
     */
    public static Path locate() {
        return locate(Path.of(System.getProperty("user.dir")));
    }

    /**
     * The fixture directory as seen from {@code start}: the first {@code D/mnist-data/fixture} holding the four
     * files, for D {@code start} or one of its nearest parents.
     *
     * @throws IllegalStateException if there is none, naming where it looked
     */
    public static Path locate(Path from) {
        Path start = from.toAbsolutePath().normalize();
        Path dir = start;
        for (int up = 0; up <= SEARCH_DEPTH && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve(DIR_FROM_PROJECT_ROOT);
            if (Files.isDirectory(candidate) && Mnist.isPresent(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no MNIST fixture found: looked for " + DIR_FROM_PROJECT_ROOT
                + " with its four IDX files in " + start + " and its " + SEARCH_DEPTH + " nearest parents."
                + " HINT: run the tests from inside the descent checkout (Maven does, from each module's directory)");
    }

    /** Loads the fixture from {@link #locate()}. */
    public static MnistData load() throws IOException {
        Path dir = locate();
        return Mnist.load(dir, NAME, "git checkout -- " + DIR_FROM_PROJECT_ROOT + " (the fixture is committed)");
    }
}
