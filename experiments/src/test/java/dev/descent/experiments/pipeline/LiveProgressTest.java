package dev.descent.experiments.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.progress.LiveProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal display, read back without a terminal: frames of 80-column lines redrawn in place. */
class LiveProgressTest {

    @Test
    void redrawsOneLinePerRunAndATotalWithinEightyColumns() {
        StringWriter screen = new StringWriter();
        FixtureRuns.compute(FixtureRuns.spec(40, 16, 100, 0, "sgd:lr=10", "adam", "rmsprop"), 2,
                new LiveProgress(new PrintWriter(screen, true)), () -> false);
        String text = screen.toString();

        // Every frame after the first moves the cursor up over the previous one: 3 runs + the total line.
        int frames = text.split("\u001b\\[4A", -1).length;
        assertTrue(frames >= 2, "at least a first and a last frame: " + text);
        String lastFrame = text.substring(text.lastIndexOf("\u001b[4A") + "\u001b[4A".length());
        List<String> lines = List.of(lastFrame.replace("\u001b[K", "").replace("\r", "").split("\n"));
        assertEquals(4, lines.size(), lastFrame);
        for (String line : lines) {
            assertTrue(line.length() <= 80, "longer than 80 columns (" + line.length() + "): " + line);
        }
        // On the fixture with seed 0, SGD at lr 10 and batch 16 blows up within the first updates.
        assertTrue(lines.get(0).startsWith("sgd:lr=10 ") && lines.get(0).contains("diverged at"), lines.get(0));
        assertTrue(lines.get(1).startsWith("adam:lr=0.001 ") && lines.get(1).contains("[####################]")
                && lines.get(1).contains("40/40"), lines.get(1));
        assertTrue(lines.get(3).startsWith("all runs ") && lines.get(3).endsWith("done"), lines.get(3));
    }
}
