package dev.descent.mnist;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The data sets the harness knows by name and where they live: {@code mnist} (LeCun et al.) and {@code fashion}
 * (Fashion-MNIST, Xiao, Rasul and Vollgraf 2017, a drop-in with the same layout).
 *
 * <p>Only the default directory, {@code PROJECT/mnist-data/data/DATASET}, is filled automatically, by running
 * {@code mnist-data/download.sh}; a directory the user named explicitly is never written to behind their back.
 */
public final class DataSets {

    /** The data sets that {@code mnist-data/download.sh --dataset} can fetch. */
    public static final List<String> NAMES = List.of("mnist", "fashion");
    /** The download script, relative to the project root. */
    public static final String SCRIPT = "mnist-data/download.sh";
    /** The default data directory of data set D is this, relative to the project root, then D. */
    public static final String DEFAULT_PARENT = "mnist-data/data";

    private DataSets() {
    }

    /** {@code projectRoot/mnist-data/data/<dataset>}. */
    public static Path defaultDir(Path projectRoot, String dataset) {
        checkName(dataset);
        return projectRoot.resolve(DEFAULT_PARENT).resolve(dataset);
    }

    /**
     * Whether {@link #loadOrDownload} with these arguments would run the download script first: the directory is
     * the default one and a file is missing. Otherwise loading only reads files (and fails with the file's name when
     * one is missing or bad), so it may start early, on a thread of its own.
     */
    public static boolean needsDownload(Path projectRoot, String dataset, Path dirOrNull) {
        Path dir = dirOrNull == null ? defaultDir(projectRoot, dataset) : dirOrNull;
        return isDefault(projectRoot, dataset, dir) && !Mnist.isPresent(dir);
    }

    /** Whether {@code dir} is {@code dataset}'s default directory, the only one filled automatically. */
    private static boolean isDefault(Path projectRoot, String dataset, Path dir) {
        return dir.toAbsolutePath().normalize().equals(defaultDir(projectRoot, dataset).toAbsolutePath().normalize());
    }

    /**
     * Loads {@code dataset} from {@code dirOrNull}, or from its default directory when that is null.
     *
     * <p>When the directory is the default one and a file is missing, runs
     * {@code projectRoot/mnist-data/download.sh --dataset DATASET DIR}, saying so on {@code log} and copying the
     * script's output there, then loads. An explicit directory with a file missing is an error that names the file
     * and the download command.
     *
     * @param log where to report the download; the script's own messages are copied here line by line
     * @throws IllegalArgumentException if {@code dataset} is not one of {@link #NAMES}
     * @throws IOException              if a file is missing from an explicit directory, the download fails, or a
     *                                  file is bad; the message names the file and what to do
     */
    public static MnistData loadOrDownload(Path projectRoot, String dataset, Path dirOrNull, PrintStream log)
            throws IOException {
        Path defaultDir = defaultDir(projectRoot, dataset);
        Path dir = dirOrNull == null ? defaultDir : dirOrNull;
        boolean isDefault = isDefault(projectRoot, dataset, dir);
        Mnist.checkPlace(dir);
        if (isDefault && !Mnist.isPresent(dir)) {
            download(projectRoot, dataset, dir, log);
        }
        String command = isDefault ? Mnist.downloadCommand(dataset, projectRoot.relativize(defaultDir))
                : Mnist.downloadCommand(dataset, dir) + " (from " + projectRoot + "), or leave out the data"
                        + " directory to use the default one, " + defaultDir + ", which is filled automatically";
        return Mnist.load(dir, dataset, command);
    }

    private static void download(Path projectRoot, String dataset, Path dir, PrintStream log) throws IOException {
        Path script = projectRoot.resolve(SCRIPT);
        if (!Files.isRegularFile(script)) {
            throw new IOException("missing file " + script + ": expected the download script, needed because "
                    + dir + " lacks " + String.join(", ", Mnist.missingFiles(dir)) + ". HINT: run from a full"
                    + " checkout of descent, or put the four files in " + dir + " yourself");
        }
        log.println("descent: " + dataset + " is not in " + dir + " (missing " + String.join(", ",
                Mnist.missingFiles(dir)) + "); running " + SCRIPT + " --dataset " + dataset + " " + dir);
        Process process = new ProcessBuilder("bash", script.toString(), "--dataset", dataset, dir.toString())
                .directory(projectRoot.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                log.println(line);
            }
        }
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + SCRIPT + " was fetching " + dataset + " into " + dir, e);
        }
        if (exit != 0) {
            throw new IOException(SCRIPT + " --dataset " + dataset + " " + dir + " failed (exit " + exit
                    + "); its messages above say which sources were tried and why each failed. HINT: fix what they"
                    + " name and run the script again by hand, from " + projectRoot);
        }
        log.println("descent: " + dataset + " is ready in " + dir);
    }

    private static void checkName(String dataset) {
        if (!NAMES.contains(dataset)) {
            throw new IllegalArgumentException("unknown dataset '" + dataset + "'; valid: " + String.join(", ",
                    NAMES));
        }
    }
}
