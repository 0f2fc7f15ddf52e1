package dev.descent.experiments.report;

import java.time.Instant;

/**
 * How a report came about, beyond the results themselves.
 *
 * @param commandLine    the command as typed, e.g. {@code descent run experiments/specs/book-compare.json}
 * @param threads        worker threads used for the runs computed
 * @param elapsedSeconds wall time of the whole command so far
 * @param writtenAt      when the report was written
 */
public record ReportContext(String commandLine, int threads, double elapsedSeconds, Instant writtenAt) {
}
