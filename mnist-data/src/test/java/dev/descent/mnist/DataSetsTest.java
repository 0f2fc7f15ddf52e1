package dev.descent.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * loadOrDownload against a stand-in project root whose mnist-data/download.sh hands the real script offline
 * sources (the fixture) and notes that it ran.
 */
class DataSetsTest {

    @TempDir
    Path root;

    private Path ranMarker;
    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    @BeforeEach
    void setUp() throws IOException {
        ScriptRunner.assumeTools("bash", "sha256sum", "curl", "gzip");
        Path fixture = Fixture.locate();
        Path realScript = Path.of("download.sh").toAbsolutePath();
        ranMarker = root.resolve("script-ran");
        Path wrapper = Files.createDirectories(root.resolve("mnist-data")).resolve("download.sh");
        Files.writeString(wrapper, String.join("\n",
                "#!/usr/bin/env bash",
                "touch '" + ranMarker + "'",
                "export DESCENT_MNIST_URLS='file://" + fixture + "' DESCENT_MNIST_NPM=off",
                "export DESCENT_MNIST_SHA256_FILE='" + fixture.resolve(FixtureMaker.SUMS_FILE) + "'",
                "export DESCENT_FASHION_URLS='file://" + root.resolve("nowhere") + "' DESCENT_FASHION_DEB=off",
                "exec bash '" + realScript + "' \"$@\"", ""));
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onlyTheDefaultDirectoryWithAFileMissingNeedsTheDownload() throws IOException {
        assertTrue(DataSets.needsDownload(root, "mnist", null));
        Path defaultDir = DataSets.defaultDir(root, "mnist");
        assertTrue(DataSets.needsDownload(root, "mnist", defaultDir.resolve("..").resolve("mnist")));
        assertFalse(DataSets.needsDownload(root, "mnist", root.resolve("elsewhere")));
        Files.createDirectories(defaultDir);
        for (String file : Mnist.FILE_NAMES) {
            Path source = Mnist.find(Fixture.locate(), file).orElseThrow();
            Files.copy(source, defaultDir.resolve(source.getFileName()));
        }
        assertFalse(DataSets.needsDownload(root, "mnist", null));
        assertTrue(DataSets.needsDownload(root, "fashion", null));
        assertFalse(ranMarker.toFile().exists(), "asking must not run the script");
    }

    @Test
    void theDefaultDirectoryIsFilledByTheScriptAndSaysSo() throws IOException {
        Path dir = DataSets.defaultDir(root, "mnist");
        assertEquals(root.resolve("mnist-data/data/mnist"), dir);
        MnistData data = DataSets.loadOrDownload(root, "mnist", null, log);
        assertEquals(Fixture.TRAIN_SIZE, data.train().size());
        assertEquals("mnist train", data.train().name());
        assertTrue(log().contains("descent: mnist is not in " + dir + " (missing train-images-idx3-ubyte,"
                + " train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte); running"
                + " mnist-data/download.sh --dataset mnist " + dir), log());
        assertTrue(log().contains("download.sh: ok: mnist is ready in "), "the script's output is not in the log: "
                + log());
        assertTrue(Files.exists(ranMarker));

        // Present now: loaded without running anything.
        Files.delete(ranMarker);
        logBytes.reset();
        assertEquals(Fixture.TEST_SIZE, DataSets.loadOrDownload(root, "mnist", dir, log).test().size());
        assertFalse(Files.exists(ranMarker));
        assertEquals("", log());
    }

    @Test
    void anExplicitDirectoryIsNeverFilledAndItsMissingFileIsNamed() throws IOException {
        Path explicit = Files.createDirectories(root.resolve("elsewhere"));
        Files.copy(Fixture.locate().resolve(Mnist.TRAIN_IMAGES + ".gz"), explicit.resolve(Mnist.TRAIN_IMAGES + ".gz"));
        IOException e = assertThrows(IOException.class, () -> DataSets.loadOrDownload(root, "fashion", explicit, log));
        assertTrue(e.getMessage().startsWith("missing file " + explicit.resolve(Mnist.TRAIN_LABELS)), e.getMessage());
        assertTrue(e.getMessage().contains("HINT: fetch a fresh, verified copy with: mnist-data/download.sh"
                + " --dataset fashion " + explicit), e.getMessage());
        assertFalse(Files.exists(ranMarker), "the script ran for an explicit directory");
        assertEquals(List.of(Mnist.TRAIN_IMAGES + ".gz"), List.of(explicit.toFile().list()));
    }

    @Test
    void aFailedDownloadIsAnErrorThatPointsAtTheScriptsMessages() {
        IOException e = assertThrows(IOException.class, () -> DataSets.loadOrDownload(root, "fashion", null, log));
        assertTrue(e.getMessage().contains("mnist-data/download.sh --dataset fashion "
                + DataSets.defaultDir(root, "fashion") + " failed (exit 1)"), e.getMessage());
        assertTrue(log().contains("could not get a verified copy of"), log());
        assertTrue(log().contains("file://" + root.resolve("nowhere")), log());
    }

    @Test
    void aMissingScriptIsNamed() throws IOException {
        Files.delete(root.resolve("mnist-data/download.sh"));
        IOException e = assertThrows(IOException.class, () -> DataSets.loadOrDownload(root, "mnist", null, log));
        assertTrue(e.getMessage().startsWith("missing file " + root.resolve("mnist-data/download.sh")),
                e.getMessage());
    }

    @Test
    void onlyTheKnownDataSets() {
        assertEquals(List.of("mnist", "fashion"), DataSets.NAMES);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSets.loadOrDownload(root, "cifar10", null, log));
        assertEquals("unknown dataset 'cifar10'; valid: mnist, fashion", e.getMessage());
    }
}
