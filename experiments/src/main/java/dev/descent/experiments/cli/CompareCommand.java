package dev.descent.experiments.cli;

import dev.descent.experiments.batch.Baseline;
import dev.descent.experiments.batch.DataSet;
import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.NetworkSpec;
import dev.descent.experiments.batch.Variant;
import dev.descent.experiments.common.ProjectRoot;
import dev.descent.experiments.common.UserError;
import dev.descent.experiments.io.OutputDirectory;
import dev.descent.experiments.pipeline.Budget;
import dev.descent.experiments.pipeline.ComparePresentation;
import dev.descent.experiments.pipeline.AheadLoader;
import dev.descent.experiments.pipeline.Pipeline;
import dev.descent.experiments.train.ParallelRuns;
import dev.descent.experiments.train.Sampling;
import dev.descent.experiments.train.StopSignal;
import dev.descent.experiments.train.TrainingSetup;
import dev.descent.network.Activation;
import dev.descent.network.WeightInit;
import dev.descent.optimizers.OptimizerSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code descent compare}: the book's MNIST optimizer comparison (ch06 {@code optimizer_compare_mnist.py}) as a
 * controlled experiment, a preset of the experiment pipeline: the options make a one-seed spec without variants,
 * which runs, is stored, summarised and charted as {@code descent run} would run it. Every optimizer starts from the
 * same initial weights and sees the same batches (both from {@code --seed}); the runs train side by side, one per
 * thread. {@code spec.json} in the out directory repeats it with {@code descent run}; {@code --out} of an
 * interrupted comparison continues it.
 *
 * <p>Every option is checked before any data is loaded or any run starts.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Trains the book's MNIST net once per optimizer from the same initial weights on the same"
        + " batches (the book's figure 6-9) and writes losses.csv, accuracy.csv, summary.json, the charts"
        + " loss.png/.svg and accuracy.png/.svg and report.html. Finished runs are stored in the out directory:"
        + " --out of an interrupted comparison continues it, and 'descent run OUT/spec.json' repeats it.")
public final class CompareCommand implements Callable<Integer> {
    /** The book's five optimizers at its defaults. */
    public static final List<String> DEFAULT_OPTIMIZERS = List.of("sgd", "momentum", "adagrad", "rmsprop", "adam");
    public static final String DEFAULT_HIDDEN = "100,100,100,100";
    static final String COMMAND = "compare";

    @Spec
    CommandSpec command;

    @Option(names = "--optimizer", paramLabel = "SPEC",
        description = {"An optimizer spec such as adam or adam:lr=0.01; repeat for several.",
            "Default: sgd, momentum, adagrad, rmsprop, adam at the book's defaults."})
    List<String> optimizerSpecs = new ArrayList<>();

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + TrainingSetup.BOOK_ITERATIONS,
        description = "Updates per optimizer (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + TrainingSetup.BOOK_BATCH_SIZE,
        description = "Examples per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--hidden", paramLabel = "W,W,...", defaultValue = DEFAULT_HIDDEN,
        description = "Hidden layer widths (default: ${DEFAULT-VALUE}).")
    String hidden;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
        description = "Hidden activation: relu or sigmoid (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--init", paramLabel = "INIT", defaultValue = "he",
        description = "Initial weight std: he, xavier or a number such as 0.01 (default: ${DEFAULT-VALUE}).")
    String init;

    @Option(names = "--weight-decay", paramLabel = "LAMBDA", defaultValue = "0",
        description = "L2 weight decay coefficient (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--batch-norm", description = "BatchNorm after each hidden Affine layer (the book's §6.3).")
    boolean batchNorm;

    @Option(names = "--dropout", paramLabel = "RATIO", defaultValue = "0",
        description = "Dropout ratio in [0, 1) after each hidden activation, 0 for none; the book's §6.4 uses 0.2"
            + " (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--train-size", paramLabel = "N",
        description = "Train on the first N training images only (the book's §6.4 uses 300; default: all).")
    Integer trainSize;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
        description = "Seed of the initial weights and the batch sequence (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sampling", paramLabel = "HOW", defaultValue = "with-replacement",
        description = "Batches drawn with-replacement (as the book) or in shuffled epochs (default: ${DEFAULT-VALUE}).")
    String sampling;

    @Option(names = "--eval-every", paramLabel = "N", defaultValue = "" + TrainingSetup.DEFAULT_EVAL_EVERY,
        description = "Test accuracy every N iterations and after the last (default: ${DEFAULT-VALUE}).")
    int evalEvery;

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "mnist",
        description = "mnist or fashion (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--data", paramLabel = "DIR",
        description = "Directory with the four IDX files (default: mnist-data/data/<dataset>, downloaded when"
            + " missing).")
    Path dataDir;

    @Option(names = "--threads", paramLabel = "N",
        description = "Runs trained at once, one per thread (default: all cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Directory for the results (default: results/compare-<yyyyMMdd-HHmmss>); an earlier"
            + " comparison's directory is continued, its stored runs reused.")
    Path out;

    @Option(names = "--force", description = "Write into --out even if it holds files that are not a descent"
        + " experiment.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        ExperimentSpec spec = spec();
        // The data starts loading now, beside the checks, the run keys and the lock (see AheadLoader).
        Pipeline.DataLoader data = AheadLoader.loader(ProjectRoot.get(), spec.dataset().label(), dataDir);
        int threadCount = threads == null ? ParallelRuns.defaultThreads() : threads;
        atLeastOne("--threads", threadCount);
        Budget.check(spec, threadCount, Budget.DEFAULT_MAX_RUNS, "the limit of", Runtime.getRuntime().maxMemory(),
                "--iterations or --hidden");
        Path dir = OutputDirectory.forExperiment(out, OutputDirectory.freshDefault(COMMAND), force);
        Pipeline.Request request = new Pipeline.Request(COMMAND, Main.commandLine(command), spec, dir, threadCount,
                "--batch-size", "--train-size", out == null);
        try (StopSignal stop = StopSignal.onInterrupt()) {
            return Pipeline.run(request, new ComparePresentation(), data, stop, command.commandLine().getOut(),
                    command.commandLine().getErr());
        }
    }

    /** The one-seed experiment the options describe; a mistake is a {@link UserError} naming the option. */
    ExperimentSpec spec() {
        List<OptimizerSpec> specs = specs(optimizerSpecs.isEmpty() ? DEFAULT_OPTIMIZERS : optimizerSpecs);
        atLeastOne("--iterations", iterations);
        atLeastOne("--batch-size", batchSize);
        atLeastOne("--eval-every", evalEvery);
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new UserError("--weight-decay " + weightDecay + " must be a finite number >= 0, e.g. 0.0001");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new UserError("--dropout " + dropout + " must be in [0, 1): the probability of dropping a hidden"
                    + " unit in training; HINT: the book uses 0.2, 0 turns Dropout off");
        }
        int examples = TrainingSetup.ALL_TRAINING_EXAMPLES;
        if (trainSize != null) {
            atLeastOne("--train-size", trainSize);
            if (batchSize > trainSize) {
                throw new UserError("--train-size " + trainSize + " is smaller than --batch-size " + batchSize
                        + "; give --batch-size " + trainSize + " or less (the book's §6.4: --train-size 300"
                        + " --batch-size 100)");
            }
            examples = trainSize;
        }
        NetworkSpec network = new NetworkSpec(hiddenSizes(hidden), parse("--activation", activation,
                Activation::parse), parse("--init", init, WeightInit::parse), weightDecay, batchNorm, dropout);
        Path data = dataDir == null ? null : dataDir.toAbsolutePath().normalize();
        DataSet set = DataSet.find(dataset).orElseThrow(() -> new UserError("--dataset '" + dataset
                + "' is unknown; valid: " + DataSet.labels()));
        return new ExperimentSpec(COMMAND, null, set, data, network, iterations, batchSize, examples,
                parse("--sampling", sampling, Sampling::parse), evalEvery, List.of(seed), specs,
                List.of(new Variant(Variant.DEFAULT_NAME, network)), false, new Baseline(
                OptimizerSpec.parse(Baseline.DEFAULT_OPTIMIZER), Variant.DEFAULT_NAME, false), OptionalDouble.empty(),
                null);
    }

    /** The specs in the order given; a spec that names the same optimizer as an earlier one is an error. */
    static List<OptimizerSpec> specs(List<String> given) {
        List<OptimizerSpec> specs = new ArrayList<>();
        for (String text : given) {
            OptimizerSpec spec = parse("--optimizer '" + text + "'", text, OptimizerSpec::parse);
            int earlier = specs.indexOf(spec);
            if (earlier >= 0) {
                throw new UserError("--optimizer '" + text + "' is the same optimizer as '" + given.get(earlier)
                        + "' (" + spec + "); give each optimizer once");
            }
            specs.add(spec);
        }
        return specs;
    }

    /** "100,100,100,100" as widths; an empty part, a non-number or a width below 1 is an error. */
    static List<Integer> hiddenSizes(String text) {
        List<Integer> widths = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int width;
            try {
                width = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new UserError("--hidden '" + text + "': '" + part.trim() + "' is not a layer width; write"
                        + " widths separated by commas, e.g. " + DEFAULT_HIDDEN);
            }
            if (width < 1) {
                throw new UserError("--hidden '" + text + "': layer width " + width + " must be at least 1, e.g. "
                        + DEFAULT_HIDDEN);
            }
            widths.add(width);
        }
        return widths;
    }

    private static void atLeastOne(String option, int value) {
        if (value < 1) {
            throw new UserError(option + " " + value + " must be at least 1");
        }
    }

    /** An option's value through its parser; the parser's complaint becomes a {@link UserError} naming the option. */
    private static <T> T parse(String option, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(option + ": " + e.getMessage(), e);
        }
    }
}
