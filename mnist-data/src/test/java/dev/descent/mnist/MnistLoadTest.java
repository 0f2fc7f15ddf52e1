package dev.descent.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistLoadTest {

    @TempDir
    Path dir;

    /** Writes a tiny data set: 3 train and 2 test images of 2x2, raw or gzip per file as asked. */
    private void writeTiny(boolean... gzip) throws IOException {
        byte[][] contents = {IdxBytes.images(3, 2, 2, IdxBytes.pattern(3, 2, 2)), IdxBytes.labels(new byte[] {4, 5, 6}),
                IdxBytes.images(2, 2, 2, IdxBytes.pattern(2, 2, 2)), IdxBytes.labels(new byte[] {7, 8})};
        for (int f = 0; f < 4; f++) {
            String name = Mnist.FILE_NAMES.get(f);
            if (gzip[f]) {
                Files.write(dir.resolve(name + ".gz"), IdxBytes.gzip(contents[f]));
            } else {
                Files.write(dir.resolve(name), contents[f]);
            }
        }
    }

    @Test
    void theFourStandardNames() {
        assertEquals(List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte"), Mnist.FILE_NAMES);
    }

    @Test
    void loadsAMixOfRawAndGzipFiles() throws IOException {
        writeTiny(true, false, false, true);
        assertTrue(Mnist.isPresent(dir));
        MnistData data = Mnist.load(dir);
        assertEquals("mnist train", data.train().name());
        assertEquals("mnist test", data.test().name());
        assertEquals(3, data.train().size());
        assertEquals(2, data.test().size());
        assertEquals(4, data.train().features());
        assertArrayEquals(new byte[] {4, 5, 6}, data.train().labels());
        assertEquals(8, data.test().label(1));
    }

    @Test
    void theRawFileWinsOverItsGzipCopy() throws IOException {
        writeTiny(false, false, false, false);
        Files.write(dir.resolve(Mnist.TRAIN_LABELS + ".gz"), new byte[] {1, 2, 3}); // would fail if read
        assertEquals(Path.of(dir.toString(), Mnist.TRAIN_LABELS), Mnist.find(dir, Mnist.TRAIN_LABELS).orElseThrow());
        assertEquals(3, Mnist.load(dir).train().size());
    }

    @Test
    void aMissingFileIsNamedWithTheDownloadCommand() throws IOException {
        writeTiny(false, false, false, false);
        Files.delete(dir.resolve(Mnist.TEST_IMAGES));
        assertFalse(Mnist.isPresent(dir));
        assertEquals(List.of(Mnist.TEST_IMAGES), Mnist.missingFiles(dir));
        IOException e = assertThrows(IOException.class, () -> Mnist.load(dir));
        String message = e.getMessage();
        assertTrue(message.startsWith("missing file " + dir.resolve(Mnist.TEST_IMAGES) + " (nor "
                + Mnist.TEST_IMAGES + ".gz)"), message);
        assertTrue(message.contains("expected the four IDX files of mnist in " + dir), message);
        assertTrue(message.contains("found 3 of them; missing: t10k-images-idx3-ubyte"), message);
        assertTrue(message.contains("HINT: fetch a fresh, verified copy with: mnist-data/download.sh --dataset mnist "
                + dir), message);
    }

    @Test
    void imageAndLabelCountsMustAgree() throws IOException {
        writeTiny(false, false, false, false);
        Files.write(dir.resolve(Mnist.TRAIN_LABELS), IdxBytes.labels(new byte[] {1, 2}));
        IOException e = assertThrows(IOException.class, () -> Mnist.load(dir));
        String message = e.getMessage();
        assertTrue(message.contains("mnist train: " + dir.resolve(Mnist.TRAIN_IMAGES) + " holds 3 images but "
                + dir.resolve(Mnist.TRAIN_LABELS) + " holds 2 labels: expected one label per image"), message);
        assertTrue(message.contains("HINT: "), message);
    }

    @Test
    void aBadFileIsNamedWithTheDataSetsOwnHint() throws IOException {
        writeTiny(false, false, false, false);
        Files.write(dir.resolve(Mnist.TEST_LABELS), IdxBytes.labels(new byte[] {1, 10}));
        IOException e = assertThrows(IOException.class, () -> Mnist.load(dir, "fashion", "CMD"));
        assertTrue(e.getMessage().startsWith(dir.resolve(Mnist.TEST_LABELS) + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith("HINT: fetch a fresh, verified copy with: CMD"), e.getMessage());
    }

    @Test
    void downloadCommandQuotesAPathWithSpaces() {
        assertEquals("mnist-data/download.sh --dataset fashion /data/f", Mnist.downloadCommand("fashion",
                Path.of("/data/f")));
        assertEquals("mnist-data/download.sh --dataset mnist '/my data/it'\\''s'", Mnist.downloadCommand("mnist",
                Path.of("/my data/it's")));
    }
}
