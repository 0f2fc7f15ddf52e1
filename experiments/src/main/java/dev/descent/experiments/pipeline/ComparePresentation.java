package dev.descent.experiments.pipeline;

import dev.descent.experiments.batch.BatchRunner;
import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.ExperimentSummary;
import dev.descent.experiments.batch.RunConfiguration;
import dev.descent.experiments.batch.SeedRun;
import dev.descent.experiments.common.Labels;
import dev.descent.experiments.io.TextTable;
import dev.descent.experiments.progress.ProgressDisplay;
import dev.descent.experiments.train.ParallelRuns;
import dev.descent.experiments.train.RunResult;
import dev.descent.experiments.train.TrainingSetup;
import dev.descent.mnist.MnistData;
import dev.descent.optimizers.OptimizerSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How {@code descent compare} shows its one-seed experiment: the runs interleaved in slices of
 * {@value ParallelRuns#SLICE_ITERATIONS} iterations so that all advance together (each run single-threaded, so the
 * slicing cannot change a loss), the live or book-style progress, and a table within 80 columns: optimizer, final
 * loss (mean of the last 100 losses), final test accuracy, training time per iteration and a note for runs that
 * diverged or were stopped. When a spec is longer than {@value #SPEC_WIDTH} characters, every spec is shown brief
 * (defaults left out) so the column reads alike; the files keep the full specs.
 */
public class ComparePresentation implements Presentation {
    /** Room left for the optimizer column once the numbers and the longest note take theirs out of 80. */
    static final int SPEC_WIDTH = 27;

    @Override
    public int slice() {
        return ParallelRuns.SLICE_ITERATIONS;
    }

    @Override
    public String header(ExperimentSpec spec, BatchRunner.Plan plan, MnistData data, int threads, Path storeDir) {
        TrainingSetup setup = spec.setup(spec.variants().get(0), spec.seeds().get(0));
        int runs = spec.optimizers().size();
        String sizes = data == null ? "" : String.format(Locale.ROOT, " (%d train, %d test)", data.train().size(),
                data.test().size());
        String stored = plan.stored().isEmpty() ? "" : String.format(Locale.ROOT, "%n%d of %d runs stored in %s,"
                + " reused", plan.stored().size(), plan.runs().size(), storeDir);
        return String.format(Locale.ROOT, "descent compare: %d optimizer%s x %d iterations on %s%s%n"
                        + "net %s %s init %s, batch %d %s, seed %d, %d thread%s%s",
                runs, runs == 1 ? "" : "s", setup.iterations(), setup.dataset(), sizes, setup.architecture(),
                setup.activation(), setup.weightInit(), setup.batchSize(), setup.sampling().label(), setup.seed(),
                threads, threads == 1 ? "" : "s", stored);
    }

    @Override
    public ProgressDisplay display(PrintWriter out, BatchRunner.Plan plan) {
        return ProgressDisplay.forConsole(out);
    }

    @Override
    public String table(ExperimentSummary summary, BatchRunner.Outcome outcome) {
        List<OptimizerSpec> specs = new ArrayList<>();
        List<RunResult> runs = new ArrayList<>();
        for (RunConfiguration configuration : summary.spec().runs()) {
            SeedRun run = outcome.runs().get(configuration.key());
            if (run != null) {
                specs.add(configuration.optimizer());
                runs.add(run.result());
            }
        }
        return table(specs, runs, outcome.wallSeconds(), outcome.counts().complete());
    }

    /** The table of {@code runs}, one row each, labelled by {@code specs} (same order). */
    public static String table(List<OptimizerSpec> specs, List<RunResult> runs, double wallSeconds, boolean complete) {
        boolean shortened = specs.stream().anyMatch(spec -> spec.canonical().length() > SPEC_WIDTH);
        // The note column only when some run has a note, so a clean comparison shows no empty column.
        boolean notes = runs.stream().anyMatch(run -> !note(run).isEmpty());
        TextTable table = notes
                ? new TextTable("optimizer", "final loss", "test acc %", "ms/iter", "note")
                : new TextTable("optimizer", "final loss", "test acc %", "ms/iter");
        table.rightAlign(1, 2, 3);
        for (int r = 0; r < runs.size(); r++) {
            RunResult run = runs.get(r);
            String label = shortened ? Labels.cut(specs.get(r).brief(), SPEC_WIDTH) : specs.get(r).canonical();
            String loss = number("%.4f", run.finalLoss());
            String accuracy = number("%.2f", 100 * run.finalAccuracy());
            String msPerIteration = number("%.2f", run.msPerIteration());
            if (notes) {
                table.add(label, loss, accuracy, msPerIteration, note(run));
            } else {
                table.add(label, loss, accuracy, msPerIteration);
            }
        }
        StringBuilder text = new StringBuilder(table.render());
        if (shortened) {
            text.append("(specs shortened to lr and non-default values; summary.json has the full specs)\n");
        }
        text.append(String.format(Locale.ROOT, "total wall time %.1f s%n", wallSeconds));
        if (!complete) {
            text.append("interrupted: the runs were stopped early; the files hold what was computed and\n"
                    + "summary.json says \"complete\": false; run the same command with --out to finish\n");
        }
        return text.toString();
    }

    private static String note(RunResult run) {
        if (run.diverged()) {
            return "diverged at " + run.divergedAt();
        }
        return run.complete() ? "" : "stopped at " + run.losses().length;
    }

    private static String number(String format, double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "-";
    }
}
