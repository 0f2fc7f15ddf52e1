package dev.descent.experiments.activations;

import dev.descent.experiments.io.AtomicFiles;
import dev.descent.experiments.io.CsvWriter;
import dev.descent.network.ActivationDistribution;
import dev.descent.network.ActivationDistribution.Layer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The numbers behind the charts, written atomically:
 * <ul>
 *   <li>{@code activations.csv}: {@code activation,init,layer,bin,from,to,count}, one row per bin, where the
 *       bin holds from ≤ v &lt; to (the last bin also holds 1);</li>
 *   <li>{@code activations-summary.csv}: {@code activation,init,layer,mean,std,below_0,above_1,values}, the
 *       mean and std of all activations of a layer and how many fell outside [0, 1] (in no bin, as in the
 *       book's plot).</li>
 * </ul>
 */
public final class ActivationCsv {
    public static final String BINS_FILE = "activations.csv";
    public static final String SUMMARY_FILE = "activations-summary.csv";
    public static final String[] BINS_HEADER = {"activation", "init", "layer", "bin", "from", "to", "count"};
    public static final String[] SUMMARY_HEADER =
        {"activation", "init", "layer", "mean", "std", "below_0", "above_1", "values"};

    private ActivationCsv() {
    }

    public static void write(Path dir, List<ActivationSetting> settings) throws IOException {
        AtomicFiles.writeText(dir.resolve(BINS_FILE), out -> {
            CsvWriter csv = new CsvWriter(out, BINS_HEADER);
            for (ActivationSetting setting : settings) {
                Layer[] layers = setting.layers();
                for (int l = 0; l < layers.length; l++) {
                    int[] counts = layers[l].counts();
                    for (int k = 0; k < counts.length; k++) {
                        csv.row(setting.function().toString(), setting.init().toString(), l + 1, k,
                            ActivationDistribution.edge(k), ActivationDistribution.edge(k + 1), counts[k]);
                    }
                }
            }
        });
        AtomicFiles.writeText(dir.resolve(SUMMARY_FILE), out -> {
            CsvWriter csv = new CsvWriter(out, SUMMARY_HEADER);
            for (ActivationSetting setting : settings) {
                Layer[] layers = setting.layers();
                for (int l = 0; l < layers.length; l++) {
                    Layer layer = layers[l];
                    csv.row(setting.function().toString(), setting.init().toString(), l + 1, layer.mean(),
                        layer.std(), layer.below(), layer.above(), layer.total());
                }
            }
        });
    }
}
