package dev.descent.experiments.spark;

import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.Shard;
import dev.descent.experiments.batch.SpecReader;
import dev.descent.experiments.common.ExitStatus;
import dev.descent.experiments.common.MachineInfo;
import dev.descent.experiments.common.ProjectRoot;
import dev.descent.experiments.common.UserError;
import dev.descent.experiments.io.OutputDirectory;
import dev.descent.experiments.pipeline.BatchPresentation;
import dev.descent.experiments.pipeline.Budget;
import dev.descent.experiments.pipeline.Computer;
import dev.descent.experiments.pipeline.Pipeline;
import dev.descent.experiments.train.ParallelRuns;
import dev.descent.experiments.train.StopSignal;
import dev.descent.mnist.DataSets;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The main class for a cluster: {@code spark-submit --class dev.descent.experiments.spark.SparkSweep descent.jar
 * SPEC.json [--out DIR] [--data DIR]} is {@code descent run SPEC.json --spark} with the master, executors and
 * memory that spark-submit sets. The driver keeps the run store and writes the summaries and report, exactly as
 * a local {@code descent run} does (the same {@link Pipeline}); the executors train the runs.
 *
 * <p>{@link #computer} is the one door of the command line into this package: it is reached only with
 * {@code --spark}, so a plain {@code descent run} or {@code compare} loads no Spark class (and runs without
 * Spark's jars, which {@code descent.jar} leaves out).
 */
@Command(name = "SparkSweep", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = MachineInfo.class,
        description = {
            "Runs an experiment spec on Apache Spark, one task per run: the runs not yet",
            "stored in the out directory are trained on the executors and stored on the",
            "driver as they finish; then summary.csv, summary.json, charts and report.html,",
            "as 'descent run' writes them. Start it with spark-submit:",
            "  spark-submit --class dev.descent.experiments.spark.SparkSweep \\",
            "      descent.jar SPEC.json [--out DIR] [--data DIR]"})
public final class SparkSweep implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "The experiment spec, a JSON file.")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Out directory on the driver (default: results/run-<spec name>; running again resumes).")
    Path out;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory on the driver; its files are shipped to the executors (default: the"
                    + " spec's \"data\", else mnist-data/data/<dataset>).")
    Path data;

    @Option(names = "--force", description = "Write into --out even if it holds files that are not a descent run.")
    boolean force;

    @Option(names = "--shard", paramLabel = "I/N", description = "Compute only the runs of shard I of N.")
    String shard;

    @Option(names = "--max-runs", paramLabel = "N", defaultValue = "" + Budget.DEFAULT_MAX_RUNS,
            description = "Refuse a spec of more runs than this (default: ${DEFAULT-VALUE}).")
    int maxRuns;

    @Spec
    CommandSpec command;

    public static void main(String... args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the sweep, printing to {@code out} and {@code err}, and returns the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        System.setProperty("java.awt.headless", "true");
        CommandLine commandLine = new CommandLine(new SparkSweep());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((thrown, line, parsed) -> {
            if (thrown instanceof UserError) {
                err.println("descent: " + thrown.getMessage());
                return ExitStatus.USAGE;
            }
            if (thrown instanceof IOException) {
                err.println("descent: I/O error: " + thrown.getMessage());
                return ExitStatus.FAILURE;
            }
            err.println("descent: internal error (" + thrown + "); please report it with the stack trace below");
            thrown.printStackTrace(err);
            return ExitStatus.FAILURE;
        });
        return commandLine.execute(args);
    }

    /**
     * The {@link Computer} for {@code descent run --spark}.
     *
     * @param master  the Spark master URL, or null for spark-submit's, else {@code local[*]}
     * @param dataDir where the driver loads the data from
     * @throws UserError when Spark's jars are not on the class path
     */
    public static Computer computer(String master, Path dataDir) {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkSweep.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new UserError("Apache Spark's jars are not on the class path (descent.jar leaves them out);"
                    + " HINT: start a sweep as ./descent run SPEC.json --spark (the launcher adds the jars the build"
                    + " listed in experiments/target/spark-classpath.txt), or on a cluster as spark-submit --class "
                    + SparkSweep.class.getName() + " descent.jar SPEC.json");
        }
        return new SparkComputer(master, dataDir);
    }

    /** The data directory a spec's run loads from: the option, the spec's "data", else the default one. */
    public static Path dataDir(Path option, ExperimentSpec spec) {
        Path dir = option != null ? option : spec.data();
        return dir != null ? dir : DataSets.defaultDir(ProjectRoot.get(), spec.dataset().label());
    }

    @Override
    public Integer call() throws IOException {
        ExperimentSpec spec = SpecReader.read(specFile);
        Shard selected = shard == null ? Shard.ALL : Shard.parse(shard, "--shard");
        int threads = ParallelRuns.defaultThreads();
        Budget.check(spec, threads, maxRuns, "--max-runs", Runtime.getRuntime().maxMemory(),
                "\"iterations\" or \"network\": {\"hidden\"} in " + specFile);
        Path dataDir = dataDir(data, spec);
        Computer computer = computer(null, dataDir);
        Path outDir = OutputDirectory.forExperiment(out, OutputDirectory.named("run-", spec.name()), force);
        OutputDirectory.checkSource(outDir, specFile, force);
        CommandLine.ParseResult parsed = command.commandLine().getParseResult();
        String typed = "SparkSweep " + (parsed == null ? specFile.toString() : String.join(" ", parsed.originalArgs()));
        Pipeline.Request request = new Pipeline.Request("run", typed, spec, outDir, threads,
                specFile + ": \"batch_size\"", specFile + ": \"train_size\"");
        try (StopSignal stop = StopSignal.onInterrupt()) {
            return Pipeline.run(request, new BatchPresentation(), () -> DataSets.loadOrDownload(ProjectRoot.get(),
                    spec.dataset().label(), dataDir, System.err), stop, command.commandLine().getOut(),
                    command.commandLine().getErr(), new Pipeline.Computing(selected, false, computer));
        } finally {
            OutputDirectory.recordSource(outDir, specFile);
        }
    }
}
