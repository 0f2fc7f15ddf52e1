package dev.descent.experiments.progress;

import dev.descent.experiments.common.Labels;
import dev.descent.experiments.curves.KaiserSmoothing;
import dev.descent.experiments.train.RunProgress;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Progress on an interactive terminal: one line per run (bar, iteration, smoothed loss) and a last line with the
 * overall count and the time left, redrawn in place every {@value #PERIOD_MILLIS} ms with ANSI cursor moves.
 * Every line fits in 80 columns.
 */
public final class LiveProgress extends PolledDisplay {
    private static final long PERIOD_MILLIS = 200;
    private static final int LABEL_WIDTH = 26;
    private static final int BAR_WIDTH = 20;
    /** Losses smoothed for the shown value: enough for the book's 11-point window at the end of the series. */
    private static final int SMOOTHING_TAIL = 21;
    private static final String CURSOR_UP = "\u001b[%dA";
    private static final String CLEAR_TO_END_OF_LINE = "\u001b[K";

    private final PrintWriter out;
    private long startedNanos;
    private int linesDrawn;

    public LiveProgress(PrintWriter out) {
        super(PERIOD_MILLIS);
        this.out = out;
    }

    @Override
    void begin(List<RunProgress> runs) {
        startedNanos = System.nanoTime();
    }

    @Override
    void update(List<RunProgress> runs, boolean last) {
        StringBuilder frame = new StringBuilder();
        if (linesDrawn > 0) {
            frame.append(String.format(Locale.ROOT, CURSOR_UP, linesDrawn));
        }
        long done = 0;
        long total = 0;
        for (int r = 0; r < runs.size(); r++) {
            RunProgress run = runs.get(r);
            int completed = run.completed();
            // A run that stopped early counts as fully done for the time estimate: nothing of it is left.
            done += run.finished() ? run.iterations() : completed;
            total += run.iterations();
            String label = Labels.cut(label(r), LABEL_WIDTH);
            line(frame, String.format(Locale.ROOT, "%-" + LABEL_WIDTH + "s %s %5d/%-5d %s", label,
                    bar(completed, run.iterations()), completed, run.iterations(), status(run, completed)));
        }
        line(frame, String.format(Locale.ROOT, "%-" + LABEL_WIDTH + "s %s  elapsed %s  %s", "all runs",
                bar(done, total), BatchProgress.clock(elapsedSeconds()), eta(done, total)));
        linesDrawn = runs.size() + 1;
        out.print(frame);
        out.flush();
    }

    private static void line(StringBuilder frame, String text) {
        frame.append('\r').append(text).append(CLEAR_TO_END_OF_LINE).append('\n');
    }

    private static String bar(long done, long total) {
        int filled = total == 0 ? 0 : (int) (BAR_WIDTH * done / total);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]";
    }

    private static String status(RunProgress run, int completed) {
        if (run.divergedAt() >= 0) {
            return "diverged at " + run.divergedAt();
        }
        if (completed == 0) {
            return run.finished() ? "stopped" : "waiting";
        }
        String loss = String.format(Locale.ROOT, "loss %.4f", smoothedLoss(run, completed));
        if (run.finished() && completed < run.iterations()) {
            return loss + " stopped";
        }
        return loss;
    }

    private static double smoothedLoss(RunProgress run, int completed) {
        int from = Math.max(0, completed - SMOOTHING_TAIL);
        double[] tail = new double[completed - from];
        for (int i = from; i < completed; i++) {
            tail[i - from] = run.loss(i);
        }
        double[] smoothed = KaiserSmoothing.smooth(tail);
        return smoothed[smoothed.length - 1];
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private String eta(long done, long total) {
        if (done >= total) {
            return "done";
        }
        if (done == 0) {
            return "ETA --:--";
        }
        return "ETA " + BatchProgress.clock(elapsedSeconds() * (total - done) / done);
    }
}
