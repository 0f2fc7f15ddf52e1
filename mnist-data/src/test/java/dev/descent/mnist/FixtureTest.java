package dev.descent.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed fixture is what its README, SHA256SUMS and LABEL_COUNTS say it is. */
class FixtureTest {

    private static Map<String, String> sums(Path dir) throws IOException {
        Map<String, String> sums = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve(FixtureMaker.SUMS_FILE), StandardCharsets.US_ASCII)) {
            sums.put(line.substring(66), line.substring(0, 64));
        }
        return sums;
    }

    @Test
    void checksumsOfTheGzipFilesAndOfTheirContentsMatchSha256Sums() throws IOException {
        Path dir = Fixture.locate();
        Map<String, String> sums = sums(dir);
        assertEquals(8, sums.size(), "SHA256SUMS should list 4 .gz files and 4 uncompressed contents");
        for (String name : Mnist.FILE_NAMES) {
            Path gz = dir.resolve(name + ".gz");
            assertEquals(sums.get(name + ".gz"), FixtureMaker.sha256(gz, false), gz.toString());
            assertEquals(sums.get(name), FixtureMaker.sha256(gz, true), gz + " uncompressed");
        }
    }

    @Test
    void labelCountsMatchLabelCounts() throws IOException {
        Path dir = Fixture.locate();
        Map<String, int[]> recorded = Files.readAllLines(dir.resolve(FixtureMaker.COUNTS_FILE)).stream()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.split(" "))
                .collect(Collectors.toMap(f -> f[0], f -> List.of(f).subList(1, f.length).stream()
                        .mapToInt(Integer::parseInt).toArray()));
        MnistData data = Fixture.load();
        assertArrayEquals(recorded.get("train"), data.train().labelCounts());
        assertArrayEquals(recorded.get("test"), data.test().labelCounts());
        assertEquals(Fixture.TRAIN_SIZE, java.util.Arrays.stream(recorded.get("train")).sum());
        assertEquals(Fixture.TEST_SIZE, java.util.Arrays.stream(recorded.get("test")).sum());
    }

    @Test
    void itIsTheStartOfMnist() throws IOException {
        MnistData data = Fixture.load();
        assertEquals("mnist fixture train", data.train().name());
        assertEquals(Fixture.TRAIN_SIZE, data.train().size());
        assertEquals(Fixture.TEST_SIZE, data.test().size());
        assertEquals(28, data.train().rows());
        assertEquals(28, data.test().cols());
        // The well-known first labels of MNIST: training set 5 0 4 1 9 2 1 3 1 4, test set 7 2 1 0 4 1 4 9 5 9.
        byte[] train = java.util.Arrays.copyOf(data.train().labels(), 10);
        byte[] test = java.util.Arrays.copyOf(data.test().labels(), 10);
        assertArrayEquals(new byte[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, train);
        assertArrayEquals(new byte[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, test);
    }

    @Test
    void theReadmeRecordsTheSameChecksumsAndCounts() throws IOException {
        Path dir = Fixture.locate();
        String readme = Files.readString(dir.resolve("README.md"));
        for (Map.Entry<String, String> sum : sums(dir).entrySet()) {
            assertTrue(readme.contains(sum.getValue() + "  " + sum.getKey()), "README lacks the sum of " + sum.getKey());
        }
        for (String line : Files.readAllLines(dir.resolve(FixtureMaker.COUNTS_FILE))) {
            if (!line.startsWith("#")) {
                String[] f = line.split(" ");
                assertTrue(readme.contains("| " + f[0] + " | " + String.join(" | ", List.of(f).subList(1, f.length))
                        + " |"), "README lacks the label counts of " + f[0]);
            }
        }
    }

    @Test
    void locateFindsItFromTheModuleAndFromAModuleBesideIt(@TempDir Path elsewhere) {
        Path found = Fixture.locate();
        assertTrue(found.endsWith(Path.of("mnist-data", "fixture")), found.toString());
        Path projectRoot = found.getParent().getParent();
        assertEquals(found, Fixture.locate(projectRoot.resolve("experiments")));
        assertEquals(found, Fixture.locate(projectRoot));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Fixture.locate(elsewhere));
        assertTrue(e.getMessage().contains("no MNIST fixture found") && e.getMessage().contains(elsewhere.toString()),
                e.getMessage());
    }
}
