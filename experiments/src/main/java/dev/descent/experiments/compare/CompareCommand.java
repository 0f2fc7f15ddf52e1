package dev.descent.experiments.compare;

import dev.descent.experiments.charts.ChartFiles;
import dev.descent.experiments.cli.Main;
import dev.descent.experiments.cli.OptimizerSpecs;
import dev.descent.experiments.cli.OutputOptions;
import dev.descent.experiments.cli.ProjectRoot;
import dev.descent.experiments.cli.UserError;
import dev.descent.experiments.io.OutputDirectory;
import dev.descent.experiments.train.EvaluationSet;
import dev.descent.experiments.train.ParallelRuns;
import dev.descent.experiments.train.Sampling;
import dev.descent.experiments.train.StopSignal;
import dev.descent.experiments.train.TrainingSetup;
import dev.descent.mnist.DataSets;
import dev.descent.mnist.MnistData;
import dev.descent.network.Activation;
import dev.descent.network.WeightInit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code descent compare}: the book's MNIST optimizer comparison (ch06 {@code optimizer_compare_mnist.py}) as a
 * controlled experiment. Every optimizer starts from the same initial weights and sees the same batches (both from
 * {@code --seed}); the runs train in parallel, one per thread; the results go to an out directory as CSV, JSON and
 * charts, and a table is printed.
 *
 * <p>Every option is checked before any data is loaded or any run starts; Ctrl-C stops the runs, writes what was
 * computed marked incomplete, and exits with {@value #EXIT_INTERRUPTED}.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Trains the book's MNIST net once per optimizer from the same initial weights on the same"
        + " batches (the book's figure 6-9) and writes losses.csv, accuracy.csv, summary.json and the charts"
        + " loss.png/.svg and accuracy.png/.svg.")
public final class CompareCommand implements Callable<Integer> {
    /** The book's five optimizers at its defaults. */
    public static final List<String> DEFAULT_OPTIMIZERS = List.of("sgd", "momentum", "adagrad", "rmsprop", "adam");
    public static final String DEFAULT_HIDDEN = "100,100,100,100";
    /** Exit code after Ctrl-C: 128 + SIGINT, as shells report it. */
    public static final int EXIT_INTERRUPTED = 130;
    static final String COMMAND = "compare";

    @Spec
    CommandSpec spec;

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

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        CompareSettings settings = settings();
        refuseOccupiedOutDirectory();
        ChartFiles.warmUpInBackground();
        MnistData data = load(settings);
        checkBatchFits(settings, data);
        Path dir = output.prepare(COMMAND);
        out.println(header(settings, data));
        out.flush();
        try (StopSignal stop = StopSignal.onInterrupt()) {
            return execute(settings, data, dir, stop, ProgressDisplay.forConsole(out), out);
        }
    }

    /**
     * Trains, writes the files and prints the table: everything after validation, so tests can drive it with a
     * {@link StopSignal#manual()} signal and their own display.
     *
     * @return {@link Main#EXIT_OK}, or {@link #EXIT_INTERRUPTED} when the stop signal was raised
     */
    static int execute(CompareSettings settings, MnistData data, Path dir, StopSignal stop, ProgressDisplay display,
                       PrintWriter out) throws IOException {
        EvaluationSet test = EvaluationSet.of(data.test());
        ComparisonResult result = new Comparison(settings).run(data.train(), test, stop, display);
        ResultFiles.write(dir, result);
        out.println();
        out.print(SummaryTable.render(result));
        out.println("results in " + dir);
        out.flush();
        return stop.stopped() ? EXIT_INTERRUPTED : Main.EXIT_OK;
    }

    /** Every option checked and converted; a mistake is a {@link UserError} naming the option. */
    CompareSettings settings() {
        List<String> specs = canonicalSpecs(optimizerSpecs.isEmpty() ? DEFAULT_OPTIMIZERS : optimizerSpecs);
        atLeastOne("--iterations", iterations);
        atLeastOne("--batch-size", batchSize);
        atLeastOne("--eval-every", evalEvery);
        List<Integer> hiddenSizes = hiddenSizes(hidden);
        if (!DataSets.NAMES.contains(dataset)) {
            throw new UserError("--dataset '" + dataset + "' is unknown; valid: " + String.join(", ", DataSets.NAMES));
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new UserError("--weight-decay " + weightDecay + " must be a finite number >= 0, e.g. 0.0001");
        }
        int threadCount = threads == null ? ParallelRuns.defaultThreads() : threads;
        atLeastOne("--threads", threadCount);
        try {
            TrainingSetup setup = new TrainingSetup(dataset, hiddenSizes,
                    parse("--activation", activation, Activation::parse),
                    parse("--init", init, text -> WeightInit.parse(text).toString()), weightDecay, iterations,
                    batchSize, parse("--sampling", sampling, Sampling::parse), evalEvery, seed);
            return new CompareSettings(setup, specs, dataDir, threadCount);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /** Canonical specs in the order given; a spec that names the same optimizer as an earlier one is an error. */
    static List<String> canonicalSpecs(List<String> given) {
        List<String> canonical = new ArrayList<>();
        for (String text : given) {
            String spec = OptimizerSpecs.parse("--optimizer", text).toString();
            int earlier = canonical.indexOf(spec);
            if (earlier >= 0) {
                throw new UserError("--optimizer '" + text + "' is the same optimizer as '" + given.get(earlier)
                        + "' (" + spec + "); give each optimizer once");
            }
            canonical.add(spec);
        }
        return canonical;
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

    /**
     * Refuses an occupied {@code --out} before the data is loaded (a download can take minutes); the directory is
     * created only once the data proved usable, so a failed start leaves nothing behind.
     */
    private void refuseOccupiedOutDirectory() {
        Path requested = output.requested();
        if (requested != null && (Files.isRegularFile(requested)
                || (!output.force() && !OutputDirectory.existingResults(requested.toAbsolutePath()).isEmpty()))) {
            output.prepare(COMMAND); // throws the standard UserError for this directory
        }
    }

    private static MnistData load(CompareSettings settings) {
        String dataset = settings.setup().dataset();
        try {
            return DataSets.loadOrDownload(ProjectRoot.get(), dataset, settings.dataDir(), System.err);
        } catch (IOException e) {
            throw new UserError("cannot load " + dataset + ": " + e.getMessage(), e);
        }
    }

    private static void checkBatchFits(CompareSettings settings, MnistData data) {
        int batch = settings.setup().batchSize();
        int size = data.train().size();
        if (batch > size) {
            throw new UserError("--batch-size " + batch + " is larger than the training set (" + size
                    + " examples in " + data.train().name() + "); use --batch-size " + size + " or less");
        }
    }

    private static String header(CompareSettings settings, MnistData data) {
        TrainingSetup setup = settings.setup();
        int runs = settings.optimizers().size();
        return String.format(Locale.ROOT,
                "descent compare: %d optimizer%s x %d iterations on %s (%d train, %d test)%n"
                        + "net %s %s init %s, batch %d %s, seed %d, %d thread%s",
                runs, runs == 1 ? "" : "s", setup.iterations(), setup.dataset(), data.train().size(),
                data.test().size(), setup.architecture(), setup.activation(), setup.weightInit(), setup.batchSize(),
                setup.sampling().label(), setup.seed(), settings.threads(), settings.threads() == 1 ? "" : "s");
    }
}
