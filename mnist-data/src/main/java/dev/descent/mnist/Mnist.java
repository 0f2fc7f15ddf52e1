package dev.descent.mnist;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The four standard files of MNIST (and of drop-ins with the same layout, such as Fashion-MNIST) in one directory,
 * loaded as a train and a test {@link Dataset}.
 *
 * <p>Each file may be present as NAME or NAME.gz (the content, not the name, decides whether it is decompressed); when
 * both exist, NAME wins. This class only reads: {@code mnist-data/download.sh} fetches and verifies the files, and
 * {@link DataSets#loadOrDownload} runs it for the default directory.
 */
public final class Mnist {

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    /** The four standard names, in the order train images, train labels, test images, test labels. */
    public static final List<String> FILE_NAMES = List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS);
    /** The suffix of a gzip copy that is accepted in place of a file. */
    public static final String GZIP_SUFFIX = ".gz";

    private static final String DEFAULT_DATASET = "mnist";

    private Mnist() {
    }

    /** Loads MNIST from {@code dir}; the data sets are named "mnist train" and "mnist test". */
    public static MnistData load(Path dir) throws IOException {
        return load(dir, DEFAULT_DATASET, downloadCommand(DEFAULT_DATASET, dir));
    }

    /**
     * Loads the four files in {@code dir} as "DATASET train" and "DATASET test".
     *
     * @param downloadCommand the command that fetches the files, quoted in the hint of every error
     * @throws IOException naming the missing or bad file, what was expected and found, with a hint
     */
    public static MnistData load(Path dir, String dataset, String downloadCommand) throws IOException {
        String hint = "HINT: fetch a fresh, verified copy with: " + downloadCommand;
        checkPlace(dir);
        List<String> missing = missingFiles(dir);
        if (!missing.isEmpty()) {
            String first = missing.get(0);
            throw new IOException("missing file " + dir.resolve(first) + " (nor " + first + GZIP_SUFFIX
                    + "): expected the four IDX files of " + dataset + " in " + dir + " (" + String.join(", ",
                    FILE_NAMES) + ", each raw or " + GZIP_SUFFIX + "), found " + (4 - missing.size())
                    + " of them; missing: " + String.join(", ", missing) + ". " + hint);
        }
        Dataset train = read(dir, dataset + " train", TRAIN_IMAGES, TRAIN_LABELS, hint);
        Dataset test = read(dir, dataset + " test", TEST_IMAGES, TEST_LABELS, hint);
        return new MnistData(train, test);
    }

    /**
     * Fails when something other than missing files keeps {@code dir} from being read: {@code dir} is a file or
     * cannot be listed, or a directory, pipe or dangling symlink stands where a data file belongs. Each cause is
     * named, since downloading again would not help (a missing directory or missing files pass: those are for the
     * download hint).
     *
     * @throws IOException naming the path, what it is, and what to do
     */
    public static void checkPlace(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("the data directory " + dir + " is a file, not a directory: expected a directory"
                    + " holding " + String.join(", ", FILE_NAMES) + ". HINT: pass the directory that holds the"
                    + " files, not one of the files");
        }
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
                listing.iterator().hasNext();
            } catch (AccessDeniedException e) {
                throw new IOException("cannot read the data directory " + dir + ": permission denied. HINT: give"
                        + " this user read and execute permission on it (chmod u+rx), or copy the files elsewhere", e);
            }
        }
        for (String name : FILE_NAMES) {
            if (find(dir, name).isPresent()) {
                continue;
            }
            Path raw = dir.resolve(name);
            String problem = null;
            if (Files.isSymbolicLink(raw) && !Files.exists(raw)) {
                problem = "is a symlink that leads nowhere (dangling, or a loop)";
            } else if (Files.isDirectory(raw)) {
                problem = "is a directory";
            } else if (Files.exists(raw, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(raw)) {
                problem = "is not a regular file (a pipe, socket or device)";
            }
            if (problem != null) {
                throw new IOException(raw + " " + problem + ", where the IDX file " + name + " belongs. HINT: move"
                        + " or remove it, then put the real file there (or run the download script, which fills"
                        + " an empty place)");
            }
        }
    }

    /** True when all four files are in {@code dir}, each as NAME or NAME.gz (their contents are not checked). */
    public static boolean isPresent(Path dir) {
        return missingFiles(dir).isEmpty();
    }

    /** The standard names that {@code dir} holds neither as NAME nor as NAME.gz, in {@link #FILE_NAMES} order. */
    public static List<String> missingFiles(Path dir) {
        List<String> missing = new ArrayList<>();
        for (String name : FILE_NAMES) {
            if (find(dir, name).isEmpty()) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** The file that stands for {@code name} in {@code dir}: NAME if it is a regular file, else NAME.gz, else none. */
    public static Optional<Path> find(Path dir, String name) {
        Path raw = dir.resolve(name);
        if (Files.isRegularFile(raw)) {
            return Optional.of(raw);
        }
        Path gzip = dir.resolve(name + GZIP_SUFFIX);
        return Files.isRegularFile(gzip) ? Optional.of(gzip) : Optional.empty();
    }

    /** The command, run from the project root, that fills {@code dir} with {@code dataset}. */
    public static String downloadCommand(String dataset, Path dir) {
        String target = dir.toString();
        if (!target.matches("[A-Za-z0-9_./,:+=@%-]+")) {
            target = "'" + target.replace("'", "'\\''") + "'";
        }
        return "mnist-data/download.sh --dataset " + dataset + " " + target;
    }

    private static Dataset read(Path dir, String name, String imagesName, String labelsName, String hint)
            throws IOException {
        Path imagesFile = find(dir, imagesName).orElseThrow();
        Path labelsFile = find(dir, labelsName).orElseThrow();
        // Packed while reading: the dense pixels never exist all at once (47 MB for MNIST's training images).
        PackedImages images = Idx.readPackedImages(imagesFile, hint);
        byte[] labels = Idx.readLabels(labelsFile, hint);
        if (images.count() != labels.length) {
            throw new IOException(String.format(Locale.ROOT, "%s: %s holds %,d images but %s holds %,d labels:"
                    + " expected one label per image. %s", name, imagesFile, images.count(), labelsFile,
                    labels.length, hint));
        }
        return new Dataset(name, images.rows(), images.cols(), images, labels);
    }
}
