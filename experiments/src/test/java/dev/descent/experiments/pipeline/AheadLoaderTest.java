package dev.descent.experiments.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.mnist.DataSets;
import dev.descent.mnist.Fixture;
import dev.descent.mnist.Mnist;
import dev.descent.mnist.MnistData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data loaded on a thread of its own: the same data as a load on the caller's thread, never another directory's,
 * and a failure reported by the command's load with the message a load in place gives.
 */
class AheadLoaderTest {

    @TempDir
    Path root;

    @AfterEach
    void clear() {
        AheadLoader.clear();
    }

    private Path copyOfFixture(String name) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        for (String file : Mnist.FILE_NAMES) {
            Path source = Mnist.find(Fixture.locate(), file).orElseThrow();
            Files.copy(source, dir.resolve(source.getFileName()));
        }
        return dir;
    }

    private static void assertSameImages(MnistData expected, MnistData actual) {
        assertEquals(expected.train().size(), actual.train().size());
        assertEquals(expected.test().size(), actual.test().size());
        assertArrayEquals(expected.train().labels(), actual.train().labels());
        int[] all = new int[expected.test().size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        float[] x = new float[all.length * expected.test().features()];
        float[] y = new float[x.length];
        expected.test().gather(all, all.length, x, null);
        actual.test().gather(all, all.length, y, null);
        assertArrayEquals(x, y);
    }

    @Test
    void aPrefetchForTheSameDirectoryGivesTheDataALoadInPlaceGives() throws IOException {
        Path dir = copyOfFixture("a");
        AheadLoader.prefetch(root, "mnist", dir);
        MnistData loaded = AheadLoader.loader(root, "mnist", dir.resolve("..").resolve("a")).load();
        assertSameImages(Fixture.load(), loaded);
    }

    @Test
    void aPrefetchForAnotherDirectoryIsNotUsed() throws IOException {
        AheadLoader.prefetch(root, "mnist", copyOfFixture("a"));
        Path missing = root.resolve("b");
        IOException e = assertThrows(IOException.class, () -> AheadLoader.loader(root, "mnist", missing).load());
        assertTrue(e.getMessage().contains(missing.toString()), e::getMessage);
    }

    @Test
    void aPrefetchForAnotherDataSetIsNotUsed() throws IOException {
        Path dir = copyOfFixture("a");
        AheadLoader.prefetch(root, "mnist", dir);
        MnistData loaded = AheadLoader.loader(root, "fashion", dir).load();
        assertEquals("fashion train", loaded.train().name());
    }

    @Test
    void aFailedLoadIsReportedByTheCommandsLoadWithItsMessage() throws IOException {
        Path dir = copyOfFixture("a");
        Path images = Mnist.find(dir, Mnist.TRAIN_IMAGES).orElseThrow();
        Files.write(images, new byte[] {0, 0, 8, 3, 0});
        String inPlace = assertThrows(IOException.class, () -> DataSets.loadOrDownload(root, "mnist", dir,
                System.err)).getMessage();
        AheadLoader.prefetch(root, "mnist", dir);
        IOException ahead = assertThrows(IOException.class, () -> AheadLoader.loader(root, "mnist", dir).load());
        assertEquals(inPlace, ahead.getMessage());
        assertTrue(inPlace.contains(images.getFileName().toString()), inPlace);
    }

    @Test
    void aClearedPrefetchIsNotUsed() throws IOException {
        Path dir = copyOfFixture("a");
        AheadLoader.prefetch(root, "mnist", dir);
        AheadLoader.clear();
        for (String file : Mnist.FILE_NAMES) {
            Files.delete(Mnist.find(dir, file).orElseThrow());
        }
        assertThrows(IOException.class, () -> AheadLoader.loader(root, "mnist", dir).load());
    }

    @Test
    void withoutAPrefetchTheCommandsOwnLoadGivesTheData() throws IOException {
        MnistData loaded = AheadLoader.loader(root, "mnist", copyOfFixture("a")).load();
        assertSameImages(Fixture.load(), loaded);
    }
}
