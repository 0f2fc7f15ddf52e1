package dev.descent.experiments.pipeline;

import dev.descent.experiments.batch.BatchRunner;
import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.ExperimentSummary;
import dev.descent.experiments.batch.RunCounts;
import dev.descent.experiments.batch.SettingSummary;
import dev.descent.experiments.io.TextTable;
import dev.descent.experiments.progress.BatchProgress;
import dev.descent.experiments.progress.ProgressDisplay;
import dev.descent.experiments.stats.BaselineTest;
import dev.descent.experiments.stats.TimeToTarget;
import dev.descent.mnist.MnistData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How {@code descent run} shows a sweep: whole runs, one per thread (so a stop leaves whole, stored runs behind),
 * a line per finished run, and a table with one line per setting: mean ± std over seeds, time to target and the
 * Welch p-value against the baseline.
 */
public class BatchPresentation implements Presentation {

    @Override
    public int slice() {
        return Integer.MAX_VALUE;
    }

    @Override
    public String header(ExperimentSpec spec, BatchRunner.Plan plan, MnistData data, int threads, Path storeDir) {
        int toCompute = plan.toCompute().size();
        return plan.runs().size() + " runs in " + spec.name() + " (" + spec.settings().size() + " settings × "
                + spec.seeds().size() + " seeds): " + plan.stored().size() + " reused from " + storeDir + ", "
                + toCompute + " to compute" + (toCompute == 0 ? "" : " on " + Math.min(threads, toCompute)
                + " threads");
    }

    @Override
    public ProgressDisplay display(PrintWriter out, BatchRunner.Plan plan) {
        return new BatchProgress(out, ProgressDisplay.interactive(), plan.runs().size(), plan.stored().size());
    }

    @Override
    public String table(ExperimentSummary summary, BatchRunner.Outcome outcome) {
        boolean target = summary.spec().targetAccuracy().isPresent();
        TextTable table = target
                ? new TextTable("setting", "seeds", "final loss", "accuracy", "to target", "Welch p")
                : new TextTable("setting", "seeds", "final loss", "accuracy", "Welch p");
        table.rightAlign(target ? new int[] {1, 2, 3, 4, 5} : new int[] {1, 2, 3, 4});
        for (SettingSummary setting : summary.settings()) {
            String seeds = setting.runs().size() + (setting.divergedSeeds().isEmpty() ? ""
                    : " (" + setting.divergedSeeds().size() + " div)");
            String loss = meanStd(setting.finalLoss().mean(), setting.finalLoss().std());
            String accuracy = meanStd(setting.finalAccuracy().mean(), setting.finalAccuracy().std());
            BaselineTest test = summary.tests().get(setting.setting());
            String p = test == null ? (summary.baseline().map(b -> b == setting).orElse(false) ? "baseline" : "-")
                    : Double.isFinite(test.welchP()) ? String.format(Locale.ROOT, "%.3g", test.welchP()) : "-";
            if (target) {
                TimeToTarget time = setting.timeToTarget();
                String reach = time == null ? "-" : (time.medianReached()
                        ? String.format(Locale.ROOT, "%.0f", time.medianIterations()) : "not reached")
                        + " " + time.reached() + "/" + time.seeds();
                table.add(setting.label(), seeds, loss, accuracy, reach, p);
            } else {
                table.add(setting.label(), seeds, loss, accuracy, p);
            }
        }
        StringBuilder text = new StringBuilder(table.render());
        if (summary.baselineNote() != null) {
            text.append("note: ").append(summary.baselineNote()).append('\n');
        }
        RunCounts counts = summary.counts();
        text.append(String.format(Locale.ROOT, "%d runs: %d computed, %d reused%s; %.1f s%n", counts.total(),
                counts.computed(), counts.reused(), counts.complete() ? ""
                        : ", " + counts.missing() + " missing (stopped; run the same command again to finish)",
                outcome.wallSeconds()));
        return text.toString();
    }

    private static String meanStd(double mean, double std) {
        if (!Double.isFinite(mean)) {
            return "-";
        }
        return Double.isFinite(std) ? String.format(Locale.ROOT, "%.4f±%.4f", mean, std)
                : String.format(Locale.ROOT, "%.4f", mean);
    }
}
