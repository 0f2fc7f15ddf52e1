package dev.descent.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Checks against the full MNIST when {@code download.sh} has put it in the default directory; skipped otherwise
 * (tests never download). Reads local files only.
 */
class RealDataTest {

    private static MnistData loadOrSkip() throws IOException {
        Path dir = Path.of("data", "mnist").toAbsolutePath();
        Assumptions.assumeTrue(Mnist.isPresent(dir), "the full MNIST is not in " + dir + " (run download.sh)");
        return Mnist.load(dir);
    }

    @Test
    void theFullSetHasMnistsWellKnownSizesAndClassCounts() throws IOException {
        MnistData data = loadOrSkip();
        assertEquals(60_000, data.train().size());
        assertEquals(10_000, data.test().size());
        assertEquals(784, data.train().features());
        // The class counts published for MNIST (e.g. in every "MNIST class balance" table).
        assertArrayEquals(new int[] {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
                data.train().labelCounts());
        assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
                data.test().labelCounts());
    }

    @Test
    void readingTheFullSetPackedGivesTheReferencesBlocksStartsAndRunPixels() throws IOException {
        Path dir = Path.of("data", "mnist").toAbsolutePath();
        Assumptions.assumeTrue(Mnist.isPresent(dir), "the full MNIST is not in " + dir + " (run download.sh)");
        for (String name : new String[] {Mnist.TRAIN_IMAGES, Mnist.TEST_IMAGES}) {
            Path file = Mnist.find(dir, name).orElseThrow();
            IdxImages dense = Idx.readImages(file);
            ReferencePacking.Packing expected = ReferencePacking.pack(dense.pixels(), dense.count(),
                    dense.rows() * dense.cols());
            PackedEncodingTest.assertSamePacking(expected, Idx.readPackedImages(file, "HINT: test"), file.toString());
        }
    }

    @Test
    void theFixtureIsItsFirstThousandRecords() throws IOException {
        MnistData full = loadOrSkip();
        MnistData fixture = Fixture.load();
        for (Dataset[] pair : new Dataset[][] {{full.train(), fixture.train()}, {full.test(), fixture.test()}}) {
            int n = pair[1].size();
            float[] fromFull = new float[n * 784];
            float[] fromFixture = new float[n * 784];
            int[] labelsFull = new int[n];
            int[] labelsFixture = new int[n];
            pair[0].gatherRange(0, n, fromFull, labelsFull);
            pair[1].gatherRange(0, n, fromFixture, labelsFixture);
            assertArrayEquals(fromFull, fromFixture, pair[1].name());
            assertArrayEquals(labelsFull, labelsFixture, pair[1].name());
        }
    }
}
