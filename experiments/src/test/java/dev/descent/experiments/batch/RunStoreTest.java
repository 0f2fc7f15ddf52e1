package dev.descent.experiments.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.train.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
    private final StringWriter warnings = new StringWriter();

    private RunStore store(Path dir) {
        return new RunStore(dir, new PrintWriter(warnings, true));
    }

    private static RunConfiguration run(String json) {
        return SpecReader.parse("s.json", "s", json).runs().get(0);
    }

    @Test
    void aStoredRunReadsBackBitForBit(@TempDir Path dir) throws Exception {
        RunConfiguration run = run("{\"iterations\": 300, \"eval_every\": 100, \"optimizers\": [\"adam\"]}");
        Random random = new Random(1);
        double[] losses = new double[300];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = random.nextDouble() * 2.3; // arbitrary doubles, most with 16-17 significant digits
        }
        RunResult result = new RunResult(run.optimizer().canonical(), losses, new int[] {0, 100, 200, 299},
                new double[] {0.1, 0.9, 0.95, 0.9712}, -1, true, 123_456_789L, 98_765_432L);
        store(dir).save(run, result);
        RunResult back = store(dir).load(run).orElseThrow();
        for (int i = 0; i < losses.length; i++) {
            assertEquals(Double.doubleToRawLongBits(losses[i]), Double.doubleToRawLongBits(back.losses()[i]));
        }
        assertArrayEquals(result.evalIterations(), back.evalIterations());
        assertArrayEquals(result.testAccuracy(), back.testAccuracy(), 0);
        assertEquals(result.wallNanos(), back.wallNanos());
        assertEquals(result.trainNanos(), back.trainNanos());
        assertEquals(result.finalLoss(), back.finalLoss(), 0);
    }

    @Test
    void aDivergedRunKeepsItsIteration(@TempDir Path dir) throws Exception {
        RunConfiguration run = run("{\"iterations\": 10, \"eval_every\": 5, \"optimizers\": [\"sgd:lr=100\"]}");
        RunResult result = new RunResult(run.optimizer().canonical(), new double[] {2.3, 9.9}, new int[] {0},
                new double[] {0.1}, 2, true, 1000, 500);
        store(dir).save(run, result);
        RunResult back = store(dir).load(run).orElseThrow();
        assertEquals(2, back.divergedAt());
        assertTrue(back.diverged());
    }

    @Test
    void incompleteRunsAreNeverStored(@TempDir Path dir) {
        RunConfiguration run = run("{\"iterations\": 10, \"optimizers\": [\"sgd\"]}");
        RunResult stopped = new RunResult(run.optimizer().canonical(), new double[] {2.3}, new int[] {0}, new double[] {0.1},
                -1, false, 1000, 500);
        assertThrows(IllegalArgumentException.class, () -> store(dir).save(run, stopped));
        assertTrue(Files.notExists(store(dir).path(run)));
    }

    @Test
    void aFileThatDoesNotMatchItsRunIsReportedAndIgnored(@TempDir Path dir) throws Exception {
        RunConfiguration run = run("{\"iterations\": 3, \"eval_every\": 5, \"optimizers\": [\"sgd\"]}");
        RunResult result = new RunResult(run.optimizer().canonical(), new double[] {2.3, 2.2, 2.1}, new int[] {0, 2},
                new double[] {0.1, 0.2}, -1, true, 1000, 500);
        RunStore store = store(dir);
        store.save(run, result);
        Path file = store.path(run);
        String text = Files.readString(file, StandardCharsets.UTF_8);

        Files.writeString(file, text.replace("\"seed\" : 0", "\"seed\" : 1"));
        assertTrue(store.load(run).isEmpty());
        assertTrue(warnings.toString().contains("configuration differs"), warnings.toString());

        Files.writeString(file, text.replace("2.2, ", ""));
        assertTrue(store.load(run).isEmpty());
        assertTrue(warnings.toString().contains("2 losses where 3 were expected"), warnings.toString());

        Files.writeString(file, text.substring(0, text.length() / 2));
        assertTrue(store.load(run).isEmpty());
        assertTrue(warnings.toString().contains("not a sound run file"), warnings.toString());

        Files.writeString(file, text);
        assertTrue(store.load(run).isPresent());
    }

    @Test
    void aLossEditedIntoAnotherValidNumberIsCaughtByTheChecksum(@TempDir Path dir) throws Exception {
        RunConfiguration run = run("{\"iterations\": 3, \"eval_every\": 5, \"optimizers\": [\"sgd\"]}");
        RunResult result = new RunResult(run.optimizer().canonical(), new double[] {2.3, 2.2, 2.1}, new int[] {0, 2},
                new double[] {0.1, 0.2}, -1, true, 1000, 500);
        RunStore store = store(dir);
        store.save(run, result);
        Path file = store.path(run);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains("2.2, "), text);

        Files.writeString(file, text.replace("2.2, ", "0.2, "));
        assertTrue(store.load(run).isEmpty());
        assertTrue(warnings.toString().contains("its numbers do not match their numbers_sha256"), warnings.toString());

        Files.writeString(file, text.replace("0.2 ]", "0.9 ]"));
        assertTrue(store.load(run).isEmpty(), "an edited accuracy is caught too");

        // A file of format version 1, written before the checksum existed, is still read.
        Files.writeString(file, text.replace("\"format_version\" : 2", "\"format_version\" : 1")
                .replaceAll(",\\s*\"numbers_sha256\" : \"[0-9a-f]+\"", ""));
        assertTrue(store.load(run).isPresent(), Files.readString(file));
    }
}
