package dev.descent.experiments.batch;

import dev.descent.experiments.progress.ProgressDisplay;
import dev.descent.experiments.train.EvaluationSet;
import dev.descent.experiments.train.ParallelRuns;
import dev.descent.experiments.train.RunResult;
import dev.descent.experiments.train.SharedBatches;
import dev.descent.experiments.train.TrainingRun;
import dev.descent.mnist.MnistData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The runs of an experiment: which are stored already ({@link #plan}), and the computing of the others in
 * parallel, each single-threaded, each complete one stored the moment it finishes ({@link #compute}).
 */
public final class BatchRunner {

    /**
     * The runs of a spec before anything is computed.
     *
     * @param runs      every distinct run by key, in spec order (settings × seeds; identical configurations once)
     * @param stored    the runs found complete in the store
     * @param toCompute the others, in spec order
     */
    public record Plan(Map<String, RunConfiguration> runs, Map<String, SeedRun> stored,
                       List<RunConfiguration> toCompute) {
    }

    /**
     * What an experiment ended with.
     *
     * @param runs        every run by key, in spec order: stored, computed now, or stopped (incomplete, not
     *                    stored)
     * @param counts      how many were reused, computed and left missing
     * @param wallSeconds the computing's wall time (0 when nothing was computed)
     */
    public record Outcome(Map<String, SeedRun> runs, RunCounts counts, double wallSeconds) {
    }

    private BatchRunner() {
    }

    /** Looks every run of {@code spec} up in {@code store}. */
    public static Plan plan(ExperimentSpec spec, RunStore store) {
        Map<String, RunConfiguration> runs = new LinkedHashMap<>();
        for (RunConfiguration run : spec.runs()) {
            runs.putIfAbsent(run.key(), run);
        }
        Map<String, SeedRun> stored = new LinkedHashMap<>();
        List<RunConfiguration> toCompute = new ArrayList<>();
        runs.forEach((key, run) -> store.load(run).ifPresentOrElse(
                result -> stored.put(key, new SeedRun(run.seed(), key, result)), () -> toCompute.add(run)));
        return new Plan(runs, stored, toCompute);
    }

    /**
     * Computes the runs the plan lacks.
     *
     * @param slice   iterations a run trains before it yields its thread ({@link ParallelRuns#interleave})
     * @param labels  one label per run to compute, for the display
     * @param display started before the runs, told of each finished run, closed after them
     * @throws IOException if a finished run cannot be stored
     */
    public static Outcome compute(Plan plan, MnistData data, RunStore store, int threads, int slice,
                                  List<String> labels, ProgressDisplay display, BooleanSupplier stopRequested)
            throws IOException {
        List<RunConfiguration> toCompute = plan.toCompute();
        Map<String, SeedRun> done = new LinkedHashMap<>();
        long started = System.nanoTime();
        if (!toCompute.isEmpty()) {
            EvaluationSet test = EvaluationSet.of(data.test());
            // Runs of one seed draw the same batch at each iteration (the book's compare trains every optimizer on one
            // x_batch): side by side, they list it once.
            SharedBatches batches = new SharedBatches(data.train(), SharedBatches.DEFAULT_SLOTS);
            List<TrainingRun> training = toCompute.stream().map(run -> new TrainingRun(run.setup(),
                    run.optimizer().canonical(), data.train(), test, stopRequested, batches)).toList();
            display.start(training.stream().map(TrainingRun::progress).toList(), labels);
            try {
                ParallelRuns.interleave(training, threads, slice, index -> {
                    RunConfiguration run = toCompute.get(index);
                    RunResult result = training.get(index).result();
                    if (result.complete()) {
                        try {
                            store.save(run, result);
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot store run " + run.key() + " in " + store.dir(), e);
                        }
                    }
                    display.finished(index, result);
                });
            } catch (UncheckedIOException e) {
                throw new IOException(e.getMessage() + ": " + e.getCause().getMessage(), e.getCause());
            } finally {
                display.close();
            }
            for (int i = 0; i < toCompute.size(); i++) {
                RunConfiguration run = toCompute.get(i);
                done.put(run.key(), new SeedRun(run.seed(), run.key(), training.get(i).result()));
            }
        }
        double wallSeconds = toCompute.isEmpty() ? 0 : (System.nanoTime() - started) / 1e9;
        return outcome(plan, done, wallSeconds);
    }

    /**
     * The outcome of a plan whose missing runs ended as {@code done} (by key; complete or stopped), wherever they
     * were computed: every run present in spec order (runs of other shards are left out), and the counts.
     */
    public static Outcome outcome(Plan plan, Map<String, SeedRun> done, double wallSeconds) {
        Map<String, SeedRun> runs = new LinkedHashMap<>();
        int computed = 0;
        for (String key : plan.runs().keySet()) {
            SeedRun run = plan.stored().containsKey(key) ? plan.stored().get(key) : done.get(key);
            if (run == null) {
                continue; // another shard's run: missing here
            }
            runs.put(key, run);
            computed += done.containsKey(key) && run.result().complete() ? 1 : 0;
        }
        int reused = plan.stored().size();
        return new Outcome(runs, new RunCounts(plan.runs().size(), reused, computed,
                plan.runs().size() - reused - computed), wallSeconds);
    }
}
