package dev.descent.experiments.compare;

import dev.descent.experiments.train.EvaluationSet;
import dev.descent.experiments.train.ParallelRuns;
import dev.descent.experiments.train.RunProgress;
import dev.descent.experiments.train.RunResult;
import dev.descent.experiments.train.TrainingRun;
import dev.descent.mnist.Dataset;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The experiment behind {@code descent compare}, without the command line: one {@link TrainingRun} per optimizer
 * from the same initial weights and the same batch sequence, run in parallel and interleaved in slices so that all
 * runs advance together and no core idles at the end (each run single-threaded, so neither the thread count nor the
 * slicing can change a loss), watched by a {@link ProgressDisplay}.
 */
public final class Comparison {
    private final CompareSettings settings;

    public Comparison(CompareSettings settings) {
        this.settings = settings;
    }

    /**
     * Trains every optimizer and returns when all runs have returned.
     *
     * @param stopRequested polled by every run once per iteration; true ends the runs early, marked incomplete
     * @param display       started before the runs, closed after them (also when a run throws)
     * @throws IllegalArgumentException if the batch size exceeds the training set, before any run starts
     */
    public ComparisonResult run(Dataset train, EvaluationSet test, BooleanSupplier stopRequested,
                                ProgressDisplay display) {
        List<TrainingRun> runs = settings.optimizers().stream()
                .map(spec -> new TrainingRun(settings.setup(), spec, train, test, stopRequested))
                .toList();
        List<RunProgress> progress = runs.stream().map(TrainingRun::progress).toList();
        OffsetDateTime started = OffsetDateTime.now();
        long startedNanos = System.nanoTime();
        List<RunResult> results;
        display.start(progress);
        try {
            results = ParallelRuns.interleave(runs, settings.threads(), ParallelRuns.SLICE_ITERATIONS);
        } finally {
            display.close();
        }
        return new ComparisonResult(settings, results, started, OffsetDateTime.now(),
                System.nanoTime() - startedNanos);
    }
}
