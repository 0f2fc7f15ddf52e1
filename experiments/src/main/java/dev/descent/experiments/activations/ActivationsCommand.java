package dev.descent.experiments.activations;

import dev.descent.experiments.charts.ChartFiles;
import dev.descent.experiments.io.OutputOptions;
import dev.descent.experiments.common.UserError;
import dev.descent.experiments.io.TextTable;
import dev.descent.network.ActivationDistribution;
import dev.descent.network.ActivationDistribution.Function;
import dev.descent.network.WeightInit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code descent activations}: the book's figures 6-10 to 6-14 ({@code ch06/weight_init_activation_histogram.py}),
 * the activations of 5 layers of 100 nodes for 1000 Gaussian inputs, per activation function and weight std.
 */
@Command(
    name = "activations",
    mixinStandardHelpOptions = true,
    header = "Histograms of hidden-layer activations for several initial weight scales, the book's figures 6-10 to 6-14.",
    description = "Feeds 1000 random inputs (100 standard normal features) through 5 layers of 100 nodes, "
        + "weights N(0, std^2), no biases, and counts each layer's activations in 30 bins over [0, 1], as the "
        + "book's plt.hist(a.flatten(), 30, range=(0,1)). Writes activations-<activation>-<init>.png/.svg (one row of "
        + "five histograms per setting), activations.csv (every bin) and activations-summary.csv (mean, std, and "
        + "values outside [0, 1] per layer).")
public final class ActivationsCommand implements Callable<Integer> {
    /** The book's settings: sigmoid (figures 6-10, 6-11, 6-13) and ReLU (figure 6-14), four weight scales. */
    public static final List<String> DEFAULT_ACTIVATIONS = List.of("sigmoid", "relu");
    public static final List<String> DEFAULT_INITS = List.of("1", "0.01", "xavier", "he");

    @Spec
    CommandSpec spec;

    @Option(names = "--activation", paramLabel = "NAME", split = ",",
        description = {"sigmoid, relu or tanh; repeat or separate with commas for several.",
            "Default: sigmoid,relu."})
    List<String> activations = new ArrayList<>();

    @Option(names = "--init", paramLabel = "STD", split = ",",
        description = {"Weight std: a positive number, xavier (sqrt(1/100)) or he (sqrt(2/100)); repeat or "
            + "separate with commas.", "Default: 1,0.01,xavier,he."})
    List<String> inits = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
        description = "Seed of the inputs and weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Function> functions = parseFunctions(activations.isEmpty() ? DEFAULT_ACTIVATIONS : activations);
        List<WeightInit> weightInits = parseInits(inits.isEmpty() ? DEFAULT_INITS : inits);
        Path dir = output.prepare("activations");

        List<ActivationSetting> settings = new ArrayList<>();
        for (Function function : functions) {
            for (WeightInit init : weightInits) {
                settings.add(ActivationSetting.compute(function, init, seed));
            }
        }
        ActivationCsv.write(dir, settings);
        List<String> charts = new ArrayList<>();
        for (ActivationSetting setting : settings) {
            String name = "activations-" + setting.fileLabel();
            ChartFiles.save(ActivationCharts.grid(setting), dir, name);
            charts.add(name);
        }

        out.print(summary(settings));
        out.println("results in " + dir + ": " + ActivationCsv.BINS_FILE + ", " + ActivationCsv.SUMMARY_FILE + ", "
            + String.join(", ", charts.stream().map(c -> c + ".png/.svg").toList()));
        return 0;
    }

    /** The std of each layer's activations, one row per setting. */
    static String summary(List<ActivationSetting> settings) {
        int layers = ActivationDistribution.LAYERS;
        String[] header = new String[2 + layers];
        header[0] = "activation";
        header[1] = "init";
        int[] right = new int[layers];
        for (int l = 0; l < layers; l++) {
            header[2 + l] = "std " + (l + 1);
            right[l] = 2 + l;
        }
        TextTable table = new TextTable(header).rightAlign(right);
        for (ActivationSetting setting : settings) {
            Object[] row = new Object[2 + layers];
            row[0] = setting.function().toString();
            row[1] = setting.init().toString();
            for (int l = 0; l < layers; l++) {
                row[2 + l] = String.format(Locale.ROOT, "%.4g", setting.layers()[l].std());
            }
            table.add(row);
        }
        return "standard deviation of each layer's activations\n" + table.render();
    }

    private static List<Function> parseFunctions(List<String> names) {
        LinkedHashSet<Function> functions = new LinkedHashSet<>();
        for (String name : names) {
            try {
                functions.add(Function.parse(name));
            } catch (IllegalArgumentException e) {
                throw new UserError("--activation: " + e.getMessage());
            }
        }
        return List.copyOf(functions);
    }

    private static List<WeightInit> parseInits(List<String> texts) {
        LinkedHashSet<WeightInit> parsed = new LinkedHashSet<>();
        for (String text : texts) {
            try {
                parsed.add(WeightInit.parse(text));
            } catch (IllegalArgumentException e) {
                throw new UserError("--init: " + e.getMessage());
            }
        }
        return List.copyOf(parsed);
    }
}
