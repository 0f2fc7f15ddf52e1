package dev.descent.experiments.compare;

import dev.descent.experiments.train.RunResult;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a comparison produced: one result per optimizer in the settings' order, and when it ran.
 *
 * @param settings  what was compared
 * @param runs      one result per optimizer spec, same order
 * @param started   when the first run was started
 * @param finished  when the last run returned
 * @param wallNanos the comparison's whole duration, from starting the runs to the last one returning
 */
public record ComparisonResult(CompareSettings settings, List<RunResult> runs, OffsetDateTime started,
                               OffsetDateTime finished, long wallNanos) {

    public ComparisonResult {
        runs = List.copyOf(runs);
    }

    /** True when every run did all its iterations or diverged; false after a stop (Ctrl-C). */
    public boolean complete() {
        return runs.stream().allMatch(RunResult::complete);
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }
}
