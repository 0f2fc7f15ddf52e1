package dev.descent.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.common.ExitStatus;
import dev.descent.mnist.Idx;
import dev.descent.mnist.IdxImages;
import dev.descent.mnist.Mnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data the net cannot take is refused before the run's header is printed or its directory created. */
class DataShapeTest {
    @TempDir
    Path tmp;

    private Path dataSet(int count, int side) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("data-" + count + "-" + side));
        byte[] pixels = new byte[count * side * side];
        byte[] labels = new byte[count];
        Idx.writeImages(dir.resolve(Mnist.TRAIN_IMAGES), new IdxImages(count, side, side, pixels), false);
        Idx.writeLabels(dir.resolve(Mnist.TRAIN_LABELS), labels, false);
        Idx.writeImages(dir.resolve(Mnist.TEST_IMAGES), new IdxImages(count, side, side, pixels), false);
        Idx.writeLabels(dir.resolve(Mnist.TEST_LABELS), labels, false);
        return dir;
    }

    @Test
    void imagesOfAnotherSizeAreNamedBeforeAnythingIsPrinted() throws IOException {
        Path out = tmp.resolve("out");
        CommandResult result = CommandResult.run("compare", "--data", dataSet(4, 32).toString(), "--batch-size", "2",
            "--iterations", "3", "--out", out.toString());
        assertEquals(ExitStatus.USAGE, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("descent: mnist train has images of 32×32 pixels (1024 features), but the"
            + " net takes 28×28 (784)"), result::toString);
        assertEquals("", result.out(), "no run header before the refusal");
        assertFalse(Files.exists(out), "no out directory left behind");
    }

    @Test
    void anEmptyTrainingSetSaysSoRatherThanAskingForASmallerBatch() throws IOException {
        CommandResult result = CommandResult.run("compare", "--data", dataSet(0, 28).toString(), "--iterations", "3",
            "--out", tmp.resolve("out").toString());
        assertEquals(ExitStatus.USAGE, result.exitCode(), result::toString);
        // Before: "--batch-size 128 is larger than the training set (0 examples …); use --batch-size 0 or less".
        assertTrue(result.err().startsWith("descent: mnist train holds no images"), result::toString);
        assertFalse(result.err().contains("0 or less"), result::toString);
    }
}
