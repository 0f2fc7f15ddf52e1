package dev.descent.experiments.pipeline;

import dev.descent.experiments.batch.BatchRunner;
import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.ExperimentSummary;
import dev.descent.experiments.batch.Invocation;
import dev.descent.experiments.batch.RunConfiguration;
import dev.descent.experiments.batch.RunStore;
import dev.descent.experiments.batch.Setting;
import dev.descent.experiments.batch.SettingLabels;
import dev.descent.experiments.batch.Shard;
import dev.descent.experiments.batch.SummaryFiles;
import dev.descent.experiments.common.ExitStatus;
import dev.descent.experiments.common.UserError;
import dev.descent.experiments.curves.KaiserSmoothing;
import dev.descent.experiments.io.AtomicFiles;
import dev.descent.experiments.io.DirectoryLock;
import dev.descent.experiments.io.Json;
import dev.descent.experiments.io.OutputDirectory;
import dev.descent.experiments.report.BatchCharts;
import dev.descent.experiments.report.ChartFile;
import dev.descent.experiments.report.ReportPage;
import dev.descent.experiments.report.TuningSection;
import dev.descent.experiments.train.StopSignal;
import dev.descent.experiments.train.TrainingSetup;
import dev.descent.mnist.Dataset;
import dev.descent.mnist.MnistData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one experiment pipeline behind {@code descent compare} and {@code descent run}: an experiment spec → its runs,
 * keyed by their configuration and looked up in the out directory's run store → the missing runs computed in
 * parallel and stored as each finishes → per-setting summaries and statistics → charts → the result files and
 * {@code report.html} → the printed table and the exit status. The two commands differ only in how they build the
 * spec and in their {@link Presentation} (scheduling slice, progress display, header and table).
 *
 * <p>Nothing is created before the out directory and the data proved usable; Ctrl-C stops the runs in flight,
 * the files are written for what was computed, marked incomplete, and the status is
 * {@link ExitStatus#INTERRUPTED}.
 */
public final class Pipeline {
    /** Loads the data set, only if some run must be computed. */
    @FunctionalInterface
    public interface DataLoader {
        MnistData load() throws IOException;
    }

    /**
     * One invocation.
     *
     * @param command         {@code compare} or {@code run}
     * @param commandLine     the command as typed, for the summary and the report
     * @param spec            the experiment
     * @param outDir          the out directory, checked by {@link OutputDirectory#forExperiment}
     * @param threads         runs trained at once
     * @param batchSizeSource how an error names the batch size: {@code --batch-size} or the spec field
     * @param trainSizeSource how an error names the train size: {@code --train-size} or the spec field
     * @param freshOut        {@code outDir} is a fresh default: when another invocation of the same second holds
     *                        it, take the next free name instead of refusing
     */
    public record Request(String command, String commandLine, ExperimentSpec spec, Path outDir, int threads,
                          String batchSizeSource, String trainSizeSource, boolean freshOut) {

        /** A request for a directory the user named (or one that may hold earlier runs). */
        public Request(String command, String commandLine, ExperimentSpec spec, Path outDir, int threads,
                       String batchSizeSource, String trainSizeSource) {
            this(command, commandLine, spec, outDir, threads, batchSizeSource, trainSizeSource, false);
        }
    }

    /**
     * Which of the missing runs are computed, and where.
     *
     * @param shard         only this shard's runs are computed ({@link Shard#ALL}: every run)
     * @param summarizeOnly compute nothing: write the summaries and report from the stored runs, and refuse
     *                      (naming how many are missing) unless every run is stored
     * @param computer      where the runs are computed
     */
    public record Computing(Shard shard, boolean summarizeOnly, Computer computer) {
        /** Every missing run, on this machine. */
        public static final Computing LOCAL = new Computing(Shard.ALL, false, Computer.LOCAL);
    }

    private Pipeline() {
    }

    /** Runs the experiment, every missing run on this machine, and returns the exit status. */
    public static int run(Request request, Presentation view, DataLoader data, StopSignal stop, PrintWriter out,
                          PrintWriter err) throws IOException {
        return run(request, view, data, stop, out, err, Computing.LOCAL);
    }

    /** Runs the experiment, the missing runs as {@code computing} says, and returns the exit status. */
    public static int run(Request request, Presentation view, DataLoader data, StopSignal stop, PrintWriter out,
                          PrintWriter err, Computing computing) throws IOException {
        Instant started = Instant.now();
        ExperimentSpec spec = request.spec();
        // Whether some run file is missing decides, before anything is created, that the data must load; the run
        // files are read (once) under the lock below, where one found unsound also loads the data.
        RunStore before = new RunStore(request.outDir(), err);
        if (spec.tuning() != null && !computing.equals(Computing.LOCAL)) {
            throw new UserError("a spec with \"tuning\" (" + spec.name() + ") computes its trials on this machine"
                    + " only: --spark, --shard and --summarize do not take it yet; HINT: run it without them (it"
                    + " resumes where it stopped), or split the optimizers over several specs");
        }
        List<RunConfiguration> absent = spec.runs().stream().filter(run -> !Files.isRegularFile(before.path(run)))
                .toList();
        if (computing.summarizeOnly() && !absent.isEmpty()) {
            throw notAllStored(request, absent);
        }
        // A tuning's runs are known only once its trials are read: it always loads the data.
        boolean missing = spec.tuning() != null
                || absent.stream().anyMatch(run -> computing.shard().contains(run.key()));
        MnistData loaded = missing ? load(request, data) : null;
        try (DirectoryLock lock = request.freshOut()
                ? OutputDirectory.claimFresh(request.outDir(), request.commandLine())
                : DirectoryLock.acquire(OutputDirectory.create(request.outDir()), request.commandLine())) {
            // Under the lock the store is the authority: another invocation may have added runs meanwhile.
            RunStore store = new RunStore(lock.dir(), err);
            BatchRunner.Plan whole = BatchRunner.plan(spec, store);
            if (computing.summarizeOnly() && !whole.toCompute().isEmpty()) {
                throw notAllStored(request, whole.toCompute());
            }
            BatchRunner.Plan plan = computing.shard().select(whole);
            if (loaded == null && !plan.toCompute().isEmpty()) {
                loaded = load(request, data);
            }
            return runLocked(request, lock.dir(), store, plan, loaded, started, view, stop, out, err, computing);
        }
    }

    private static UserError notAllStored(Request request, List<RunConfiguration> absent) {
        ExperimentSpec spec = request.spec();
        long missing = absent.stream().map(RunConfiguration::key).distinct().count();
        long total = spec.runs().stream().map(RunConfiguration::key).distinct().count();
        RunConfiguration first = absent.get(0);
        return new UserError(String.format(Locale.ROOT, "--summarize: %d of the %d runs of %s are not stored in %s"
                + " (or not sound), e.g. %s seed %d (%s.json); HINT: compute them first, with descent run SPEC"
                + " --shard I/N on each machine and every shard's runs/*.json copied into that directory, or leave"
                + " out --summarize to compute them here", missing, total, spec.name(),
                request.outDir().resolve(RunStore.DIR), first.optimizer().canonical(), first.seed(), first.key()));
    }

    private static MnistData load(Request request, DataLoader data) throws IOException {
        ExperimentSpec spec = request.spec();
        MnistData loaded;
        try {
            loaded = data.load();
        } catch (IOException | IllegalArgumentException e) {
            // A missing, truncated or corrupt data file is the user's to fix (the message names the file).
            throw new UserError("cannot load " + spec.dataset() + ": " + e.getMessage(), e);
        }
        int size = loaded.train().size();
        // Checked before anything is printed or created: a data set the net cannot take is the user's to fix.
        for (Dataset set : List.of(loaded.train(), loaded.test())) {
            if (set.size() == 0) {
                throw new UserError(set.name() + " holds no images; HINT: the files are valid IDX files but empty:"
                        + " fetch a fresh copy (mnist-data/download.sh), or point --data at the real files");
            }
            if (set.features() != TrainingSetup.INPUT_SIZE) {
                throw new UserError(String.format(Locale.ROOT, "%s has images of %d×%d pixels (%d features), but"
                        + " the net takes 28×28 (%d): descent trains on MNIST-shaped data. HINT: point --data at"
                        + " MNIST or Fashion-MNIST files", set.name(), set.rows(), set.cols(), set.features(),
                        TrainingSetup.INPUT_SIZE));
            }
        }
        if (spec.trainSize() > size) {
            throw new UserError(request.trainSizeSource() + " " + spec.trainSize() + " is larger than the"
                    + " training set (" + size + " examples in " + loaded.train().name() + "); use "
                    + request.trainSizeSource() + " " + size + " or less");
        }
        if (spec.batchSize() > size) {
            throw new UserError(request.batchSizeSource() + " " + spec.batchSize() + " is larger than the"
                    + " training set (" + size + " examples in " + loaded.train().name() + "); use "
                    + request.batchSizeSource() + " " + size + " or less");
        }
        return loaded;
    }

    private static int runLocked(Request request, Path outDir, RunStore store, BatchRunner.Plan plan,
                                 MnistData loaded, Instant started, Presentation view, StopSignal stop,
                                 PrintWriter out, PrintWriter err, Computing computing) throws IOException {
        ExperimentSpec requested = request.spec();
        OutputDirectory.create(store.dir());
        AtomicFiles.writeString(outDir.resolve(OutputDirectory.SPEC_FILE),
                Json.mapper().writeValueAsString(requested.toJson()) + "\n");
        // A tuning first runs its trials; the experiment below is then the reruns of each optimizer's best trial.
        TuningStage.Result tuning = null;
        if (requested.tuning() != null) {
            tuning = TuningStage.run(requested, store, loaded, request.threads(), view, stop, out);
            if (tuning.choice().isEmpty()) {
                out.println("tuning stopped: " + tuning.outcome().counts().missing() + " trials missing; run the same"
                        + " command again to continue");
                out.flush();
                return ExitStatus.of(true);
            }
            plan = BatchRunner.plan(tuning.choice().get().reruns(), store);
        }
        ExperimentSpec spec = tuning == null ? requested : tuning.choice().get().reruns();
        out.println(view.header(spec, plan, loaded, request.threads(), store.dir()));
        if (!computing.shard().equals(Shard.ALL)) {
            out.println("shard " + computing.shard() + ": computes " + plan.toCompute().size() + " of the "
                    + (plan.runs().size() - plan.stored().size()) + " runs not stored; the others are other shards'");
        }
        out.flush();

        Map<Setting, String> labels = SettingLabels.of(spec);
        List<String> runLabels = plan.toCompute().stream().map(run -> labels.get(run.setting())
                + (spec.seeds().size() > 1 ? " seed " + run.seed() : "")).toList();
        BatchRunner.Outcome outcome = computing.computer().compute(request, plan, loaded, store, runLabels, view, out,
                stop);

        ExperimentSummary summary = ExperimentSummary.of(spec, outcome.runs(), outcome.counts(),
                KaiserSmoothing::smooth);
        Invocation invocation = new Invocation(request.command(), request.commandLine(), request.threads(), started,
                Instant.now(), outcome.wallSeconds());
        List<ChartFile> charts = new ArrayList<>(BatchCharts.write(outDir, summary));
        String tuningHtml = "";
        if (tuning != null) {
            charts.addAll(TuningSection.write(outDir, tuning.plan(), tuning.choice().get(), summary));
            tuningHtml = TuningSection.html(tuning.plan(), tuning.choice().get());
        }
        SummaryFiles.write(outDir, summary, invocation);
        Path report = ReportPage.write(outDir, summary, charts, invocation, tuningHtml);
        out.println();
        out.print(view.table(summary, outcome));
        if (!computing.shard().equals(Shard.ALL) && !outcome.counts().complete()) {
            out.println("shard " + computing.shard() + ": the missing runs are other shards' (or stopped); when every"
                    + " shard is done, copy their runs/ into one directory and run descent run SPEC --out DIR"
                    + " --summarize");
        }
        out.println("results in " + outDir);
        out.println("report: " + report);
        out.flush();
        return ExitStatus.of(stop.getAsBoolean());
    }
}
