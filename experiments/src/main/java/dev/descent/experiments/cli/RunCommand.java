package dev.descent.experiments.cli;

import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.Shard;
import dev.descent.experiments.batch.SpecReader;
import dev.descent.experiments.common.ProjectRoot;
import dev.descent.experiments.common.UserError;
import dev.descent.experiments.io.OutputDirectory;
import dev.descent.experiments.pipeline.BatchPresentation;
import dev.descent.experiments.pipeline.Budget;
import dev.descent.experiments.pipeline.Computer;
import dev.descent.experiments.pipeline.AheadLoader;
import dev.descent.experiments.pipeline.Pipeline;
import dev.descent.experiments.spark.SparkSweep;
import dev.descent.experiments.train.ParallelRuns;
import dev.descent.experiments.train.StopSignal;
import dev.descent.mnist.DataSets;
import java.io.IOException;
import java.nio.file.Path;
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
            "Beyond one machine: --spark (one Spark task per run), or --shard I/N on each",
            "machine, then --summarize over the runs/ copied together.",
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

    @Option(names = "--max-runs", paramLabel = "N", defaultValue = "" + Budget.DEFAULT_MAX_RUNS,
            description = "Refuse a spec of more runs than this, with an estimate of its time and memory"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxRuns;

    @Option(names = "--spark", description = "Compute the missing runs on Apache Spark, one task per run (./descent"
            + " adds Spark's jars; on a cluster use spark-submit --class dev.descent.experiments.spark.SparkSweep"
            + " descent.jar SPEC.json).")
    boolean spark;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --spark: the Spark master, e.g. local[2] or spark://host:7077 (default: local[*]).")
    String master;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Compute only the runs of shard I of N (split by run key, stable under reordering of the"
                    + " spec), e.g. --shard $SLURM_ARRAY_TASK_ID/8; copy the shards' runs/ together and"
                    + " --summarize.")
    String shard;

    @Option(names = "--summarize",
            description = "Compute nothing: write the summaries, charts and report from the stored runs; an error"
                    + " if some are missing.")
    boolean summarize;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        ExperimentSpec spec = SpecReader.read(specFile);
        if (master != null && !spark) {
            throw new UserError("--master " + master + " is for --spark; HINT: add --spark, or leave out --master");
        }
        if (summarize && (spark || shard != null)) {
            throw new UserError("--summarize computes nothing, so it takes neither --spark nor --shard; HINT: compute"
                    + " the shards first, then run --summarize alone");
        }
        Shard selected = shard == null ? Shard.ALL : Shard.parse(shard, "--shard");
        int threadCount = threads == null ? ParallelRuns.defaultThreads() : threads;
        if (threadCount < 1) {
            throw new UserError("--threads must be at least 1, got " + threadCount);
        }
        Budget.check(spec, threadCount, maxRuns, "--max-runs", Runtime.getRuntime().maxMemory(),
                "\"iterations\" or \"network\": {\"hidden\"} in " + specFile);
        Path outDir = OutputDirectory.forExperiment(out, OutputDirectory.named("run-", spec.name()), force);
        OutputDirectory.checkSource(outDir, specFile, force);
        Path dataDir = data != null ? data : spec.data();
        // Only with --spark is the spark package (and with it Spark) loaded.
        Computer computer = spark ? SparkSweep.computer(master, SparkSweep.dataDir(data, spec)) : Computer.LOCAL;
        // Loaded here, the data starts now, beside the run keys and the lock (see AheadLoader); with --spark the
        // executors load their own copies and this one only if the driver needs it, as before.
        Pipeline.DataLoader data = spark ? () -> DataSets.loadOrDownload(ProjectRoot.get(), spec.dataset().label(),
                dataDir, System.err) : AheadLoader.loader(ProjectRoot.get(), spec.dataset().label(), dataDir);
        Pipeline.Request request = new Pipeline.Request("run", Main.commandLine(command), spec, outDir, threadCount,
                specFile + ": \"batch_size\"", specFile + ": \"train_size\"");
        try (StopSignal stop = StopSignal.onInterrupt()) {
            return Pipeline.run(request, new BatchPresentation(), data, stop, command.commandLine().getOut(),
                    command.commandLine().getErr(), new Pipeline.Computing(selected, summarize, computer));
        } finally {
            OutputDirectory.recordSource(outDir, specFile);
        }
    }
}
