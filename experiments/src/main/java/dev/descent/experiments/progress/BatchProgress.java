package dev.descent.experiments.progress;

import dev.descent.experiments.train.RunProgress;
import dev.descent.experiments.train.RunResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Shows a long batch: one line per finished run with its numbers, the count of runs done out of the total, and
 * an ETA. On an interactive terminal a status line at the bottom is also refreshed twice a second; elsewhere
 * (pipes, files, CI) only the per-run lines are printed.
 *
 * <p>The ETA extrapolates from iterations: elapsed wall time × (iterations still to do / iterations done), over
 * all runs being computed. Runs are alike in cost, so this settles within the first few percent.
 */
public final class BatchProgress extends PolledDisplay {
    private static final long REFRESH_MILLIS = 500;
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintWriter out;
    private final boolean live;
    private final int total;
    private final int reused;
    private final long started = System.nanoTime();
    private List<RunProgress> running = List.of();
    private int finished;
    private int neverStarted;

    /**
     * @param live  refresh a status line (a terminal) rather than print only per-run lines
     * @param total runs of the experiment, the reused ones included
     */
    public BatchProgress(PrintWriter out, boolean live, int total, int reused) {
        super(REFRESH_MILLIS);
        this.out = out;
        this.live = live;
        this.total = total;
        this.reused = reused;
    }

    @Override
    void begin(List<RunProgress> runs) {
        running = runs;
    }

    @Override
    public synchronized void finished(int index, RunResult result) {
        String line;
        if (!result.complete() && result.losses().length == 0) {
            // Runs still queued at a stop: one line for all of them at the end, not one each (thousands in a sweep).
            neverStarted++;
            return;
        }
        if (!result.complete()) {
            // A stopped run is not done: it is computed again next time.
            line = String.format(Locale.ROOT, "[stopped] %s: stopped after %d iterations, not stored",
                    label(index), result.losses().length);
        } else {
            finished++;
            String outcome = result.diverged() ? "diverged at iteration " + result.divergedAt()
                    : String.format(Locale.ROOT, "final loss %.4f, accuracy %.4f", result.finalLoss(),
                            result.finalAccuracy());
            line = String.format(Locale.ROOT, "[%d/%d] %s: %s, %.1f s%s", reused + finished, total, label(index),
                    outcome, result.wallSeconds(), etaSuffix());
        }
        out.print(live ? CLEAR_LINE + line + "\n" + status() : line + "\n");
        out.flush();
    }

    @Override
    synchronized void update(List<RunProgress> runs, boolean last) {
        if (live) {
            out.print(CLEAR_LINE + (last ? "" : status()));
        }
        if (last && neverStarted > 0) {
            out.printf(Locale.ROOT, "[stopped] %d run%s had not started; not stored%n", neverStarted,
                    neverStarted == 1 ? "" : "s");
            neverStarted = 0;
        }
        out.flush();
    }

    private String status() {
        long active = running.stream().filter(run -> run.completed() > 0 && !run.finished()).count();
        return String.format(Locale.ROOT, "runs %d/%d done (%d reused), %d running%s", reused + finished, total,
                reused, active, etaSuffix());
    }

    private String etaSuffix() {
        long totalIterations = running.stream().mapToLong(RunProgress::iterations).sum();
        long done = running.stream().mapToLong(run -> run.finished() ? run.iterations() : run.completed()).sum();
        if (done == 0 || done >= totalIterations) {
            return "";
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        return ", ETA " + clock(elapsed * (totalIterations - done) / done);
    }

    /** Seconds as m:ss or h:mm:ss. */
    public static String clock(double seconds) {
        Duration duration = Duration.ofSeconds(Math.round(seconds));
        long hours = duration.toHours();
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, duration.toMinutesPart(), duration.toSecondsPart())
                : String.format(Locale.ROOT, "%d:%02d", duration.toMinutes(), duration.toSecondsPart());
    }
}
