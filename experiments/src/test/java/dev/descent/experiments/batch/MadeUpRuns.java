package dev.descent.experiments.batch;

import dev.descent.experiments.train.RunResult;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small experiment with hand-made results, for aggregation tests that need no training: SGD and Adam, two
 * seeds, 4 iterations, accuracy at iterations 0, 2 and 3; Adam's seed 1 diverges at iteration 2. Training time is
 * 1 ms per update everywhere.
 */
final class MadeUpRuns {
    static final String SPEC = """
            {"name": "made-up", "iterations": 4, "eval_every": 2, "seeds": 2, "optimizers": ["sgd", "adam"],
             "target_accuracy": 0.5}""";

    private MadeUpRuns() {
    }

    static ExperimentSpec spec() {
        return SpecReader.parse("made-up.json", "made-up", SPEC);
    }

    /** Results keyed by run key, in the spec's run order: sgd 0, sgd 1, adam 0, adam 1. */
    static Map<String, SeedRun> results(ExperimentSpec spec) {
        List<RunConfiguration> runs = spec.runs();
        List<RunResult> results = List.of(
                result(runs.get(0), new double[] {2.0, 1.0, 1.0, 0.5}, new double[] {0.1, 0.5, 0.6}),
                result(runs.get(1), new double[] {2.0, 1.5, 1.0, 1.0}, new double[] {0.1, 0.4, 0.8}),
                result(runs.get(2), new double[] {1.0, 0.5, 0.25, 0.25}, new double[] {0.2, 0.9, 0.9}),
                new RunResult(runs.get(3).optimizer().canonical(), new double[] {1.0, 0.5}, new int[] {0},
                        new double[] {0.3}, 2, true, 500_000_000L, 2_000_000L));
        Map<String, SeedRun> byKey = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            byKey.put(runs.get(i).key(), new SeedRun(runs.get(i).seed(), runs.get(i).key(), results.get(i)));
        }
        return byKey;
    }

    private static RunResult result(RunConfiguration run, double[] losses, double[] accuracy) {
        return new RunResult(run.optimizer().canonical(), losses, new int[] {0, 2, 3}, accuracy, -1, true, 1_000_000_000L,
                losses.length * 1_000_000L);
    }

    static Invocation invocation() {
        return new Invocation("run", "descent run made-up.json", 2, Instant.parse("2026-01-02T03:04:00Z"),
                Instant.parse("2026-01-02T03:04:05Z"), 4.0);
    }

    static ExperimentSummary summary() {
        ExperimentSpec spec = spec();
        return ExperimentSummary.of(spec, results(spec), new RunCounts(4, 4, 0, 0), curve -> curve.clone());
    }
}
