package dev.descent.experiments.spark;

import dev.descent.experiments.progress.BatchProgress;
import dev.descent.experiments.train.RunResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The driver's view of a sweep on Spark: a line per run as its task's result arrives, with the count of runs done
 * out of the experiment's total and an ETA, and a last line for the runs a stop left unfinished.
 *
 * <p>The ETA extrapolates from whole runs (elapsed × runs left / runs done): the driver sees no iterations, only
 * finished tasks, and a sweep's runs are alike in cost.
 */
final class SparkProgress {
    private final PrintWriter out;
    private final List<String> labels;
    private final int total;
    private final int reused;
    private final long started = System.nanoTime();
    private int finished;

    /**
     * @param labels one per run to compute, in task order
     * @param total  runs of the experiment, the reused ones included
     */
    SparkProgress(PrintWriter out, List<String> labels, int total, int reused) {
        this.out = out;
        this.labels = labels;
        this.total = total;
        this.reused = reused;
    }

    /** The run of task {@code index} came back with {@code result}. */
    synchronized void finished(int index, RunResult result) {
        if (!result.complete()) {
            out.printf(Locale.ROOT, "[stopped] %s: stopped after %d iterations, not stored%n", labels.get(index),
                    result.losses().length);
            out.flush();
            return;
        }
        finished++;
        String outcome = result.diverged() ? "diverged at iteration " + result.divergedAt()
                : String.format(Locale.ROOT, "final loss %.4f, accuracy %.4f", result.finalLoss(),
                        result.finalAccuracy());
        int left = labels.size() - finished;
        double elapsed = (System.nanoTime() - started) / 1e9;
        String eta = left == 0 ? "" : ", ETA " + BatchProgress.clock(elapsed * left / finished);
        out.printf(Locale.ROOT, "[%d/%d] %s: %s, %.1f s%s%n", reused + finished, total, labels.get(index), outcome,
                result.wallSeconds(), eta);
        out.flush();
    }

    /** Runs stored so far in this sweep. */
    synchronized int finished() {
        return finished;
    }

    /** After the job: says how many runs a stop left unfinished. */
    synchronized void close(boolean stopped) {
        int unfinished = labels.size() - finished;
        if (stopped && unfinished > 0) {
            out.printf(Locale.ROOT, "[stopped] %d run%s had not finished; not stored%n", unfinished,
                    unfinished == 1 ? "" : "s");
        }
        out.flush();
    }
}
