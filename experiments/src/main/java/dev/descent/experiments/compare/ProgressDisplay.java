package dev.descent.experiments.compare;

import dev.descent.experiments.train.RunProgress;
import java.io.PrintWriter;
import java.util.List;

/**
 * Shows the runs of a comparison while they train. {@link #start} is called once before the runs begin and
 * {@link #close} once after every run has returned, after which the display prints nothing more.
 */
public interface ProgressDisplay extends AutoCloseable {

    /** Begins showing {@code runs}, in the order of the comparison. */
    void start(List<RunProgress> runs);

    /** Shows the final state and stops; returns only when nothing more will be printed. */
    @Override
    void close();

    /** A display that shows nothing. */
    static ProgressDisplay none() {
        return new ProgressDisplay() {
            @Override
            public void start(List<RunProgress> runs) {
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * The live display on an interactive terminal, the book-style blocks otherwise (pipes, files, CI): a terminal
     * is a console attached to the JVM while the {@code CI} variable is unset or {@code false}.
     */
    static ProgressDisplay forConsole(PrintWriter out) {
        String ci = System.getenv("CI");
        boolean ciRun = ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
        return System.console() != null && !ciRun ? new LiveProgress(out) : new PlainProgress(out);
    }
}
