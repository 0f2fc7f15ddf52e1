package dev.descent.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Things that stand where the data should be are named for what they are; none of them is called a missing file
 * with a download hint, since downloading would not help.
 */
class DataPlaceTest {

    @TempDir
    Path tmp;

    private Path filledDir() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mnist"));
        Files.write(dir.resolve(Mnist.TRAIN_IMAGES), IdxBytes.images(3, 2, 2, IdxBytes.pattern(3, 2, 2)));
        Files.write(dir.resolve(Mnist.TRAIN_LABELS), IdxBytes.labels(new byte[] {4, 5, 6}));
        Files.write(dir.resolve(Mnist.TEST_IMAGES), IdxBytes.images(2, 2, 2, IdxBytes.pattern(2, 2, 2)));
        Files.write(dir.resolve(Mnist.TEST_LABELS), IdxBytes.labels(new byte[] {7, 8}));
        return dir;
    }

    private static String failure(Path dir) {
        return assertThrows(IOException.class, () -> Mnist.load(dir)).getMessage();
    }

    @Test
    void aDirectoryInPlaceOfADataFile() throws IOException {
        Path dir = filledDir();
        Files.delete(dir.resolve(Mnist.TEST_LABELS));
        Files.createDirectory(dir.resolve(Mnist.TEST_LABELS));
        String message = failure(dir);
        assertTrue(message.startsWith(dir.resolve(Mnist.TEST_LABELS) + " is a directory, where the IDX file"), message);
        assertTrue(message.contains("HINT: move or remove it"), message);
        assertFalse(message.contains("missing file"), message);
    }

    @Test
    void aSymlinkLoopInPlaceOfADataFile() throws IOException {
        Path dir = filledDir();
        Path link = dir.resolve(Mnist.TRAIN_IMAGES);
        Files.delete(link);
        Files.createSymbolicLink(link, link.getFileName());
        String message = failure(dir);
        assertTrue(message.startsWith(link + " is a symlink that leads nowhere (dangling, or a loop)"), message);
        assertFalse(message.contains("missing file"), message);
    }

    @Test
    void aDataDirectoryThatIsAFile() throws IOException {
        Path file = filledDir().resolve(Mnist.TRAIN_IMAGES);
        String message = failure(file);
        assertTrue(message.startsWith("the data directory " + file + " is a file, not a directory"), message);
        assertTrue(message.contains("HINT: pass the directory that holds the files"), message);
    }

    @Test
    void anUnreadableDataDirectoryIsAPermissionProblemNotAMissingFile() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads any directory; needs another user");
        Path dir = filledDir();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("-wx------"));
        try {
            String message = failure(dir);
            assertTrue(message.contains("cannot read the data directory " + dir + ": permission denied"), message);
            assertFalse(message.contains("download"), message);
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void theDefaultDirectoryIsCheckedBeforeAnyDownloadIsTried() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("checkout"));
        Path defaultDir = DataSets.defaultDir(root, "mnist");
        Files.createDirectories(defaultDir.resolve(Mnist.TRAIN_LABELS));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        IOException e = assertThrows(IOException.class, () -> DataSets.loadOrDownload(root, "mnist", null,
                new PrintStream(log, true, StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith(defaultDir.resolve(Mnist.TRAIN_LABELS) + " is a directory"), e.getMessage());
        assertEquals("", log.toString(StandardCharsets.UTF_8), "no download should have been announced");
    }
}
