package dev.descent.experiments.batch;

import dev.descent.experiments.train.RunProgress;
import dev.descent.experiments.train.RunResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shows a batch while it runs: one line per finished run with its numbers, the count of runs done out of the
 * total, and an ETA. On an interactive terminal a status line at the bottom is also refreshed twice a second;
 * elsewhere (pipes, files, CI) only the per-run lines are printed.
 *
 * <p>The ETA extrapolates from iterations: elapsed wall time × (iterations still to do / iterations done), over
 * all runs being computed. Runs are alike in cost, so this settles within the first few percent.
 */
public final class BatchProgress implements AutoCloseable {
    private static final long REFRESH_MILLIS = 500;
    private static final String CLEAR_LINE = "\r\033[K";

    private final PrintWriter out;
    private final boolean live;
    private final Map<Setting, String> labels;
    private final int total;
    private final int reused;
    private final List<RunProgress> running;
    private final long totalIterations;
    private final long started = System.nanoTime();
    private int finished;
    private Thread refresher;
    private volatile boolean closing;

    /**
     * @param live    refresh a status line (a terminal) rather than print only per-run lines
     * @param running the runs to compute, for counting iterations
     */
    public BatchProgress(PrintWriter out, boolean live, Map<Setting, String> labels, int total, int reused,
                         List<RunProgress> running) {
        this.out = out;
        this.live = live;
        this.labels = labels;
        this.total = total;
        this.reused = reused;
        this.running = List.copyOf(running);
        this.totalIterations = running.stream().mapToLong(RunProgress::iterations).sum();
        if (live) {
            refresher = new Thread(this::refresh, "descent-batch-progress");
            refresher.setDaemon(true);
            refresher.start();
        }
    }

    /** True on an interactive terminal when the {@code CI} variable is unset or {@code false}. */
    public static boolean isInteractive() {
        String ci = System.getenv("CI");
        boolean ciRun = ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
        return System.console() != null && !ciRun;
    }

    /** Reports a run that returned; called from the worker threads. */
    public synchronized void finished(RunConfiguration run, RunResult result) {
        String line;
        if (!result.complete()) {
            // A stopped run is not done: it is computed again next time.
            line = String.format(Locale.ROOT, "[stopped] %s seed %d: stopped after %d iterations, not stored",
                    labels.get(run.setting()), run.seed(), result.losses().length);
        } else {
            finished++;
            String outcome = result.diverged() ? "diverged at iteration " + result.divergedAt()
                    : String.format(Locale.ROOT, "final loss %.4f, accuracy %.4f", result.finalLoss(),
                            result.finalAccuracy());
            line = String.format(Locale.ROOT, "[%d/%d] %s seed %d: %s, %.1f s%s", reused + finished, total,
                    labels.get(run.setting()), run.seed(), outcome, result.wallSeconds(), etaSuffix());
        }
        out.print(live ? CLEAR_LINE + line + "\n" + status() : line + "\n");
        out.flush();
    }

    /** Stops the status line; nothing is printed after this returns. */
    @Override
    public void close() {
        closing = true;
        if (refresher != null) {
            refresher.interrupt();
            try {
                refresher.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                out.print(CLEAR_LINE);
                out.flush();
            }
        }
    }

    private void refresh() {
        while (!closing) {
            synchronized (this) {
                out.print(CLEAR_LINE + status());
                out.flush();
            }
            try {
                Thread.sleep(REFRESH_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String status() {
        long active = running.stream().filter(run -> run.completed() > 0 && !run.finished()).count();
        return String.format(Locale.ROOT, "runs %d/%d done (%d reused), %d running%s", reused + finished, total,
                reused, active, etaSuffix());
    }

    private String etaSuffix() {
        long done = running.stream().mapToLong(run -> run.finished() ? run.iterations() : run.completed()).sum();
        if (done == 0 || done >= totalIterations) {
            return "";
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        return ", ETA " + clock(elapsed * (totalIterations - done) / done);
    }

    /** Seconds as m:ss or h:mm:ss. */
    static String clock(double seconds) {
        Duration duration = Duration.ofSeconds(Math.round(seconds));
        long hours = duration.toHours();
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, duration.toMinutesPart(), duration.toSecondsPart())
                : String.format(Locale.ROOT, "%d:%02d", duration.toMinutes(), duration.toSecondsPart());
    }
}
