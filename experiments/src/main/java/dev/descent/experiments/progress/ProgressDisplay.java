package dev.descent.experiments.progress;

import dev.descent.experiments.train.RunProgress;
import dev.descent.experiments.train.RunResult;
import java.io.PrintWriter;
import java.util.List;

/**
 * Shows runs while they train. {@link #start} is called once before the runs begin, {@link #finished} from a
 * worker thread as each run returns, and {@link #close} once after every run has returned, after which the
 * display prints nothing more.
 */
public interface ProgressDisplay extends AutoCloseable {

    /** Begins showing {@code runs}, labelled {@code labels} (same order). */
    void start(List<RunProgress> runs, List<String> labels);

    /** The run at {@code index} returned with {@code result}; called from the thread that ran it. */
    default void finished(int index, RunResult result) {
    }

    /** Shows the final state and stops; returns only when nothing more will be printed. */
    @Override
    void close();

    /** A display that shows nothing. */
    static ProgressDisplay none() {
        return new ProgressDisplay() {
            @Override
            public void start(List<RunProgress> runs, List<String> labels) {
            }

            @Override
            public void close() {
            }
        };
    }

    /** True on an interactive terminal: a console is attached and the {@code CI} variable is unset or false. */
    static boolean interactive() {
        String ci = System.getenv("CI");
        boolean ciRun = ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
        return System.console() != null && !ciRun;
    }

    /** The live display on an interactive terminal, the book-style blocks otherwise (pipes, files, CI). */
    static ProgressDisplay forConsole(PrintWriter out) {
        return interactive() ? new LiveProgress(out) : new PlainProgress(out);
    }
}
