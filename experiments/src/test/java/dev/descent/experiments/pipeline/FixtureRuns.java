package dev.descent.experiments.pipeline;

import dev.descent.experiments.batch.BatchRunner;
import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.RunStore;
import dev.descent.experiments.batch.SpecReader;
import dev.descent.experiments.progress.ProgressDisplay;
import dev.descent.experiments.train.ParallelRuns;
import dev.descent.experiments.train.RunResult;
import dev.descent.mnist.Fixture;
import dev.descent.mnist.MnistData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** The committed MNIST fixture (1000 train, 1000 test real records), loaded once, and experiments on it. */
final class FixtureRuns {
    private static MnistData data;

    private FixtureRuns() {
    }

    static synchronized MnistData data() {
        if (data == null) {
            try {
                data = Fixture.load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return data;
    }

    /** The book's net and sampling on one seed, as {@code descent compare} makes it, with the given loop. */
    static ExperimentSpec spec(int iterations, int batchSize, int evalEvery, long seed, String... optimizers) {
        String list = List.of(optimizers).stream().map(spec -> "\"" + spec + "\"").collect(Collectors.joining(", "));
        return SpecReader.parse("fixture.json", "compare", String.format(Locale.ROOT, "{\"iterations\": %d,"
                + " \"batch_size\": %d, \"eval_every\": %d, \"seeds\": [%d], \"optimizers\": [%s]}", iterations,
                batchSize, evalEvery, seed, list));
    }

    /** Computes every run of {@code spec} as compare schedules them (interleaved); results in spec order. */
    static List<RunResult> compute(ExperimentSpec spec, int threads, ProgressDisplay display, BooleanSupplier stop) {
        try {
            Path dir = Files.createTempDirectory("descent-fixture-runs");
            RunStore store = new RunStore(dir, new PrintWriter(new StringWriter(), true));
            Files.createDirectories(store.dir());
            BatchRunner.Plan plan = BatchRunner.plan(spec, store);
            List<String> labels = plan.toCompute().stream().map(run -> run.optimizer().brief()).toList();
            BatchRunner.Outcome outcome = BatchRunner.compute(plan, data(), store, threads,
                    ParallelRuns.SLICE_ITERATIONS, labels, display, stop);
            return outcome.runs().values().stream().map(run -> run.result()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code spec} through the whole pipeline into {@code dir} as {@code descent compare} does. */
    static int pipeline(ExperimentSpec spec, Path dir, int threads, Presentation view,
                        dev.descent.experiments.train.StopSignal stop, PrintWriter out) throws IOException {
        Pipeline.Request request = new Pipeline.Request("compare", "descent compare", spec, dir, threads,
                "--batch-size", "--train-size");
        return Pipeline.run(request, view, FixtureRuns::data, stop, out, new PrintWriter(new StringWriter(), true));
    }
}
