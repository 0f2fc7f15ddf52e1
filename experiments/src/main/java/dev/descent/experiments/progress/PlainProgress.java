package dev.descent.experiments.progress;

import dev.descent.experiments.train.RunProgress;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Progress for logs and pipes, in the book's form: a block every {@value #EVERY} iterations (loop iterations
 * 0, 100, 200, ... as the book prints them) with one line per optimizer,
 * <pre>
 * === iteration:100 ===
 * sgd:lr=0.01: 0.4821
 * adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07: 0.1234
 * </pre>
 * A block is printed only once every run has passed its iteration or stopped, so the text does not depend on how
 * the runs were scheduled: the same seed prints the same lines with any {@code --threads}.
 */
public final class PlainProgress extends PolledDisplay {
    /** Iterations between two blocks, as in the book's loop. */
    static final int EVERY = 100;
    private static final long PERIOD_MILLIS = 200;

    private final PrintWriter out;
    private int nextIteration;

    public PlainProgress(PrintWriter out) {
        super(PERIOD_MILLIS);
        this.out = out;
    }

    @Override
    void update(List<RunProgress> runs, boolean last) {
        int iterations = runs.stream().mapToInt(RunProgress::iterations).max().orElse(0);
        while (nextIteration < iterations && ready(runs, nextIteration)) {
            out.println("=== iteration:" + nextIteration + " ===");
            for (RunProgress run : runs) {
                out.println(run.optimizer() + ": " + state(run, nextIteration));
            }
            nextIteration += EVERY;
        }
        out.flush();
    }

    /** Every run has recorded {@code iteration} or stopped before it, and at least one has recorded it. */
    private static boolean ready(List<RunProgress> runs, int iteration) {
        boolean anyRecorded = false;
        for (RunProgress run : runs) {
            // finished() first: once it reads true, completed() is final.
            boolean finished = run.finished();
            int completed = run.completed();
            if (completed > iteration) {
                anyRecorded = true;
            } else if (!finished) {
                return false;
            }
        }
        return anyRecorded;
    }

    private static String state(RunProgress run, int iteration) {
        if (run.completed() > iteration) {
            return String.format(Locale.ROOT, "%.4f", run.loss(iteration));
        }
        if (run.divergedAt() >= 0) {
            return "diverged at " + run.divergedAt();
        }
        return "stopped after " + run.completed() + " iterations";
    }
}
