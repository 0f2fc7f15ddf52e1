package dev.descent.experiments.batch;

import dev.descent.experiments.cli.ProjectRoot;
import dev.descent.experiments.cli.UserError;
import dev.descent.experiments.curves.KaiserSmoothing;
import dev.descent.experiments.io.AtomicFiles;
import dev.descent.experiments.io.Json;
import dev.descent.experiments.io.TextTable;
import dev.descent.experiments.report.BatchCharts;
import dev.descent.experiments.report.ChartFile;
import dev.descent.experiments.report.ReportContext;
import dev.descent.experiments.report.ReportPage;
import dev.descent.experiments.stats.BaselineTest;
import dev.descent.experiments.stats.TimeToTarget;
import dev.descent.experiments.train.ParallelRuns;
import dev.descent.experiments.train.StopSignal;
import dev.descent.mnist.DataSets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code descent run SPEC.json}: every setting of an experiment spec on every seed, in parallel and resumable,
 * then the summaries, the charts and {@code report.html}.
 *
 * <p>Ctrl-C stops the runs in flight; the runs already finished stay stored, and the summaries, charts and report
 * are written for them, marked incomplete. Running the same command again computes only what is missing.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs an experiment spec: each optimizer setting on each seed, in parallel,",
            "one single-threaded run per core. Finished runs are stored in the out",
            "directory and reused when the same command runs again, so an interrupted",
            "sweep continues. Writes summary.csv, summary.json, charts and report.html.",
            "Ready specs: experiments/specs/*.json; format: experiments/specs/FORMAT.md."})
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "The experiment spec, a JSON file.")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Out directory (default: results/run-<spec name>; running again resumes there).")
    Path out;

    @Option(names = "--threads", paramLabel = "N",
            description = "Runs at once, each single-threaded (default: one per core).")
    Integer threads;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory (default: the spec's \"data\", else mnist-data/data/<dataset>,"
                    + " downloaded if missing).")
    Path data;

    @Option(names = "--force", description = "Write into --out even if it holds files that are not a descent run.")
    boolean force;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        PrintWriter printer = command.commandLine().getOut();
        PrintWriter warnings = command.commandLine().getErr();
        ExperimentSpec spec = SpecReader.read(specFile);
        int threadCount = threads == null ? ParallelRuns.defaultThreads() : threads;
        if (threadCount < 1) {
            throw new UserError("--threads must be at least 1, got " + threadCount);
        }
        Path outDir = RunDirectory.prepare(out, spec.name(), force);
        AtomicFiles.writeString(outDir.resolve(RunDirectory.SPEC_FILE),
                Json.mapper().writeValueAsString(spec.toJson()) + "\n");
        Path dataDir = data != null ? data : spec.data();

        try (StopSignal stop = StopSignal.onInterrupt()) {
            BatchRunner runner = new BatchRunner(spec, new RunStore(outDir, warnings), threadCount, printer,
                    BatchProgress.isInteractive());
            BatchRunner.Outcome outcome = runner.run(() -> DataSets.loadOrDownload(ProjectRoot.get(), spec.dataset(),
                    dataDir, System.err), stop);
            ExperimentSummary summary = ExperimentSummary.of(spec, outcome.results(), outcome.counts(),
                    KaiserSmoothing::smooth);
            Instant now = Instant.now();
            SummaryFiles.write(outDir, summary, now);
            List<ChartFile> charts = BatchCharts.write(outDir, summary);
            ReportContext context = new ReportContext(commandLine(), threadCount,
                    (System.nanoTime() - started) / 1e9, now);
            Path report = ReportPage.write(outDir, summary, charts, context);
            printer.print(table(summary));
            if (summary.baselineNote() != null) {
                printer.println("note: " + summary.baselineNote());
            }
            RunCounts counts = summary.counts();
            printer.printf(Locale.ROOT, "%d runs: %d computed, %d reused%s; %.1f s%n", counts.total(),
                    counts.computed(), counts.reused(), counts.complete() ? ""
                            : ", " + counts.missing() + " missing (stopped; run the same command again to finish)",
                    (System.nanoTime() - started) / 1e9);
            printer.println("results in " + outDir);
            printer.println("report: " + report);
            printer.flush();
        }
        return 0;
    }

    private String commandLine() {
        StringBuilder line = new StringBuilder("descent run ").append(specFile);
        if (out != null) {
            line.append(" --out ").append(out);
        }
        if (threads != null) {
            line.append(" --threads ").append(threads);
        }
        if (data != null) {
            line.append(" --data ").append(data);
        }
        if (force) {
            line.append(" --force");
        }
        return line.toString();
    }

    /** The console summary: one line per setting. */
    static String table(ExperimentSummary summary) {
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
        return table.render();
    }

    private static String meanStd(double mean, double std) {
        if (!Double.isFinite(mean)) {
            return "-";
        }
        return Double.isFinite(std) ? String.format(Locale.ROOT, "%.4f±%.4f", mean, std)
                : String.format(Locale.ROOT, "%.4f", mean);
    }
}
