package dev.descent.experiments.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.train.RunProgress;
import dev.descent.experiments.train.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchProgressTest {

    @Test
    void aStopInALargeSweepPrintsOneLineForTheRunsThatNeverStarted() {
        int total = 5000;
        List<RunProgress> runs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            runs.add(new RunProgress("sgd", 100));
            labels.add("sgd:lr=0.01 seed " + i);
        }
        StringWriter text = new StringWriter();
        BatchProgress progress = new BatchProgress(new PrintWriter(text), false, total, 0);
        progress.start(runs, labels);
        progress.finished(0, new RunResult("sgd", new double[100], new int[] {0}, new double[] {0.5}, -1, true, 1, 1));
        progress.finished(1, new RunResult("sgd", new double[40], new int[] {0}, new double[] {0.5}, -1, false, 1, 1));
        for (int i = 2; i < total; i++) {
            progress.finished(i, new RunResult("sgd", new double[0], new int[0], new double[0], -1, false, 0, 0));
        }
        progress.close();

        List<String> lines = text.toString().lines().toList();
        // Before: one "[stopped]" line per queued run, 4,999 of them.
        assertEquals(3, lines.size(), text::toString);
        assertTrue(lines.get(0).startsWith("[1/5000] sgd:lr=0.01 seed 0: final loss"), lines.get(0));
        assertEquals("[stopped] sgd:lr=0.01 seed 1: stopped after 40 iterations, not stored", lines.get(1));
        assertEquals("[stopped] 4998 runs had not started; not stored", lines.get(2));
    }
}
