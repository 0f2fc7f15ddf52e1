package dev.descent.experiments.batch;

import dev.descent.experiments.cli.UserError;
import dev.descent.experiments.train.EvaluationSet;
import dev.descent.experiments.train.ParallelRuns;
import dev.descent.experiments.train.RunProgress;
import dev.descent.experiments.train.RunResult;
import dev.descent.experiments.train.TrainingRun;
import dev.descent.mnist.MnistData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * Runs the runs of a spec that are not stored yet, in parallel, each single-threaded, and stores each complete one
 * the moment it finishes. The data set is loaded only when something must be computed, so re-making the
 * summary and report of a finished sweep needs no data.
 */
public final class BatchRunner {
    /** Loads the data set, only if a run must be computed. */
    @FunctionalInterface
    public interface DataLoader {
        MnistData load() throws IOException;
    }

    /**
     * What a batch ended with.
     *
     * @param results complete runs by key: the stored ones and the ones computed now
     * @param counts  how many were reused, computed and left missing
     */
    public record Outcome(Map<String, SeedRun> results, RunCounts counts) {
    }

    private final ExperimentSpec spec;
    private final RunStore store;
    private final int threads;
    private final PrintWriter out;
    private final boolean liveProgress;

    public BatchRunner(ExperimentSpec spec, RunStore store, int threads, PrintWriter out, boolean liveProgress) {
        this.spec = spec;
        this.store = store;
        this.threads = threads;
        this.out = out;
        this.liveProgress = liveProgress;
    }

    public Outcome run(DataLoader data, BooleanSupplier stopRequested) throws IOException {
        Map<String, RunConfiguration> runs = new LinkedHashMap<>();
        for (RunConfiguration run : spec.runs()) {
            runs.putIfAbsent(run.key(), run);
        }
        Map<String, SeedRun> results = new LinkedHashMap<>();
        List<RunConfiguration> toCompute = new ArrayList<>();
        for (Map.Entry<String, RunConfiguration> entry : runs.entrySet()) {
            RunConfiguration run = entry.getValue();
            store.load(run).ifPresentOrElse(
                    result -> results.put(entry.getKey(), new SeedRun(run.seed(), entry.getKey(), result)),
                    () -> toCompute.add(run));
        }
        int reused = results.size();
        out.println(runs.size() + " runs in " + spec.name() + " (" + spec.settings().size() + " settings × "
                + spec.seeds().size() + " seeds): " + reused + " reused from " + store.dir() + ", "
                + toCompute.size() + " to compute" + (toCompute.isEmpty() ? "" : " on " + Math.min(threads,
                toCompute.size()) + " threads"));
        out.flush();
        if (toCompute.isEmpty()) {
            return new Outcome(results, new RunCounts(runs.size(), reused, 0, 0));
        }

        MnistData loaded = data.load();
        EvaluationSet test = EvaluationSet.of(loaded.test());
        List<TrainingRun> trainingRuns = new ArrayList<>();
        for (RunConfiguration run : toCompute) {
            try {
                trainingRuns.add(new TrainingRun(run.setup(), run.optimizer(), loaded.train(), test, stopRequested));
            } catch (IllegalArgumentException e) {
                throw new UserError(spec.name() + ": \"batch_size\": " + e.getMessage(), e);
            }
        }
        List<RunProgress> progress = trainingRuns.stream().map(TrainingRun::progress).toList();
        List<Callable<RunResult>> jobs = new ArrayList<>();
        int computed;
        try (BatchProgress display = new BatchProgress(out, liveProgress, SettingLabels.of(spec), runs.size(), reused,
                progress)) {
            for (int i = 0; i < toCompute.size(); i++) {
                RunConfiguration run = toCompute.get(i);
                TrainingRun training = trainingRuns.get(i);
                jobs.add(() -> {
                    RunResult result = training.call();
                    if (result.complete()) {
                        try {
                            store.save(run, result);
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot store run " + run.key() + " in " + store.dir(), e);
                        }
                    }
                    display.finished(run, result);
                    return result;
                });
            }
            List<RunResult> computedResults;
            try {
                computedResults = ParallelRuns.run(jobs, threads);
            } catch (UncheckedIOException e) {
                throw new IOException(e.getMessage() + ": " + e.getCause().getMessage(), e.getCause());
            }
            computed = 0;
            for (int i = 0; i < toCompute.size(); i++) {
                RunResult result = computedResults.get(i);
                if (result.complete()) {
                    RunConfiguration run = toCompute.get(i);
                    results.put(run.key(), new SeedRun(run.seed(), run.key(), result));
                    computed++;
                }
            }
        }
        return new Outcome(results, new RunCounts(runs.size(), reused, computed, toCompute.size() - computed));
    }
}
