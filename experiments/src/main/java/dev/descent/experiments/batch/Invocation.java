package dev.descent.experiments.batch;

import java.time.Instant;

/**
 * How one command made its results, beyond the results themselves: for {@code summary.json} and the report.
 *
 * @param command        {@code compare} or {@code run}
 * @param commandLine    the command as typed, e.g. {@code descent run experiments/specs/book-compare.json}
 * @param threads        worker threads used for the runs computed
 * @param started        when the command started
 * @param finished       when its results were written
 * @param computeSeconds wall time of the computing alone (0 when every run was reused)
 */
public record Invocation(String command, String commandLine, int threads, Instant started, Instant finished,
                         double computeSeconds) {

    /** The whole command's wall time. */
    public double elapsedSeconds() {
        return (finished.toEpochMilli() - started.toEpochMilli()) / 1e3;
    }
}
