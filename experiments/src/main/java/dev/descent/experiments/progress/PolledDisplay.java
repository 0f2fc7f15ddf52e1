package dev.descent.experiments.progress;

import dev.descent.experiments.train.RunProgress;
import java.util.List;

/**
 * A display that looks at the runs' {@link RunProgress} every {@link #periodMillis} from one daemon thread and
 * never touches the training threads: training is not slowed by a slow terminal, and the display cannot change a
 * loss.
 */
abstract class PolledDisplay implements ProgressDisplay {
    private final long periodMillis;
    private List<RunProgress> runs = List.of();
    private List<String> labels = List.of();
    private Thread poller;
    private volatile boolean closing;

    PolledDisplay(long periodMillis) {
        this.periodMillis = periodMillis;
    }

    @Override
    public final void start(List<RunProgress> runs, List<String> labels) {
        if (poller != null) {
            throw new IllegalStateException("a progress display is started once");
        }
        this.runs = List.copyOf(runs);
        this.labels = List.copyOf(labels);
        begin(this.runs);
        poller = new Thread(this::poll, "descent-progress");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (!closing) {
            update(runs, false);
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public final void close() {
        if (poller == null) {
            return;
        }
        closing = true;
        poller.interrupt();
        try {
            poller.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Only this thread prints from here on, so the last picture is complete and not interleaved.
        update(runs, true);
        poller = null;
    }

    /** The label of the {@code index}-th run. */
    String label(int index) {
        return labels.get(index);
    }

    /** Called once by {@link #start}, before polling begins. */
    void begin(List<RunProgress> runs) {
    }

    /**
     * Shows the current state. Called from the polling thread, then once more from the closing thread with
     * {@code last} true when every run has returned.
     */
    abstract void update(List<RunProgress> runs, boolean last);
}
