package dev.descent.experiments.trajectory;

import dev.descent.experiments.charts.ChartFiles;
import dev.descent.experiments.charts.ChartTheme;
import dev.descent.experiments.io.OutputOptions;
import dev.descent.experiments.common.ExitStatus;
import dev.descent.experiments.common.UserError;
import dev.descent.experiments.io.AtomicFiles;
import dev.descent.experiments.io.CsvWriter;
import dev.descent.experiments.io.TextTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code descent bias-correction}: Adam's bias-correction factors 1/(1 − βᵗ) for β1 and β2. */
@Command(
    name = "bias-correction",
    mixinStandardHelpOptions = true,
    header = "Adam's bias-correction factors 1/(1 - beta^t), as a chart and a CSV.",
    description = "Computes 1/(1 - beta^t) for t = 1..N with beta1 = 0.9 and beta2 = 0.999 and writes "
        + "bias-correction.csv (t and both factors) and bias-correction.png/.svg.")
public final class BiasCorrectionCommand implements Callable<Integer> {
    public static final int DEFAULT_STEPS = 49;
    public static final int MAX_STEPS = 100_000;

    static final String NAME = "bias-correction";

    @Spec
    CommandSpec spec;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "" + DEFAULT_STEPS,
        description = "Last t to draw (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--beta1", paramLabel = "B", defaultValue = "" + BiasCorrection.BETA1,
        description = "Decay of the first moment (default: ${DEFAULT-VALUE}).")
    double beta1;

    @Option(names = "--beta2", paramLabel = "B", defaultValue = "" + BiasCorrection.BETA2,
        description = "Decay of the second moment (default: ${DEFAULT-VALUE}).")
    double beta2;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (steps < 1 || steps > MAX_STEPS) {
            throw new UserError("--steps must be between 1 and " + MAX_STEPS + ", got " + steps);
        }
        checkBeta("--beta1", beta1);
        checkBeta("--beta2", beta2);
        Path dir = output.prepare(NAME);

        double[] first = BiasCorrection.factors(beta1, steps);
        double[] second = BiasCorrection.factors(beta2, steps);
        String firstColumn = "correction_beta1_" + beta1;
        String secondColumn = "correction_beta2_" + beta2;
        AtomicFiles.writeText(dir.resolve(NAME + ".csv"), w -> {
            CsvWriter csv = new CsvWriter(w, "t", firstColumn, secondColumn);
            for (int t = 1; t <= steps; t++) {
                csv.row(t, first[t - 1], second[t - 1]);
            }
        });
        ChartFiles.save(chart(first, second), dir, NAME);

        out.print(summary(first, second));
        out.println("results in " + dir + ": " + NAME + ".csv, " + NAME + ".png, " + NAME + ".svg");
        return ExitStatus.OK;
    }

    /** The factors at a few t, as a table: both at t = 1, 2, 5, 10, 20, 50, 100, ... and at the last t. */
    String summary(double[] first, double[] second) {
        TextTable table = new TextTable("t", "beta1 = " + beta1, "beta2 = " + beta2).rightAlign(0, 1, 2);
        for (int t = 1; t <= steps; t = nextShown(t)) {
            table.add(t, String.format(Locale.ROOT, "%.6g", first[t - 1]),
                String.format(Locale.ROOT, "%.6g", second[t - 1]));
        }
        return table.render();
    }

    // 1, 2, 5, 10, 20, 50, ... then the last step.
    private int nextShown(int t) {
        int next = Integer.toString(t).charAt(0) == '2' ? t / 2 * 5 : t * 2;
        return t < steps && next > steps ? steps : next;
    }

    /** Both factors against t on a log axis: they span 1 to 1000, and equal ratios read as equal distances. */
    XYChart chart(double[] first, double[] second) {
        XYChart chart = ChartTheme.xyChart(800, 500, "Adam's bias correction 1/(1 \u2212 \u03b2\u1d57)",
            "t (update)", "1/(1 \u2212 \u03b2\u1d57)  (log scale)");
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax((double) steps + 1);
        chart.getStyler().setMarkerSize(5);
        // XChart puts a tick at every other t for evenly spaced data and ignores spacing hints; label only the
        // round values and drop the vertical grid lines, which would be a tick-dense comb.
        long labelStep = Math.max(1, Math.round(Math.pow(10, Math.floor(Math.log10(steps)))));
        chart.getStyler().setxAxisTickLabelsFormattingFunction(
            value -> Math.rint(value) == value && (long) (double) value % labelStep == 0
                ? Long.toString((long) (double) value) : "");
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        double[] t = new double[steps];
        for (int i = 0; i < steps; i++) {
            t[i] = i + 1;
        }
        XYSeries m = chart.addSeries("\u03b21 = " + beta1 + "  (first moment m)", t, first);
        m.setLineColor(ChartTheme.paletteColor(0));
        m.setMarkerColor(ChartTheme.paletteColor(0));
        if (steps > 100) {
            // Hundreds of markers would merge into a thick band.
            m.setMarker(SeriesMarkers.NONE);
        }
        XYSeries v = chart.addSeries("\u03b22 = " + beta2 + "  (second moment v)", t, second);
        v.setLineColor(ChartTheme.paletteColor(3));
        v.setMarkerColor(ChartTheme.paletteColor(3));
        if (steps > 100) {
            v.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    private static void checkBeta(String option, double beta) {
        if (!(beta > 0 && beta < 1)) {
            throw new UserError(option + " must be in (0, 1), got " + beta);
        }
    }
}
