package dev.descent.experiments.report;

import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.ExperimentSummary;
import dev.descent.experiments.batch.Setting;
import dev.descent.experiments.batch.SettingSummary;
import dev.descent.experiments.charts.ChartFiles;
import dev.descent.experiments.charts.ChartTheme;
import dev.descent.experiments.stats.CurveBand;
import dev.descent.experiments.train.TrainingSetup;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The charts of every experiment ({@code compare} and {@code run} alike), saved as PNG and SVG, in the look of the
 * book's figure 6-9: a marker every {@value #MARKER_EVERY} iterations on the loss curves, every optimizer name in
 * its own colour and marker in every chart ({@link ChartTheme}), legends with the settings' brief labels:
 * <ul>
 *   <li>{@code lr-sensitivity}: final loss against the learning rate on a log axis, one line per optimizer (and
 *       variant), std over seeds as error bars; drawn first, when some optimizer runs with two or more learning
 *       rates;</li>
 *   <li>{@code test-accuracy-grid}: next, small multiples ({@link PanelGridChart}) when the variants pair up
 *       along one network field, as the book's figure 6-18, and {@code train-accuracy-grid} beside it when the
 *       runs measured training accuracy (what the book's figure plots);</li>
 *   <li>{@code loss}: smoothed training loss, mean over seeds with a ±1 std band, per setting; with more than
 *       {@value #MAX_SETTINGS_PER_CHART} settings, one chart per optimizer ({@code loss-adam}, ...);</li>
 *   <li>{@code accuracy} (or {@code accuracy-adam}, ...): test accuracy at each evaluation, likewise, on a y range
 *       that follows the data after the first tenth of the run, in whole percent;</li>
 *   <li>{@code lr} (or {@code lr-adam}, ...): each setting's learning rate over the run ({@link LearningRateChart}),
 *       when some setting of the chart has a schedule;</li>
 *   <li>{@code performance-profile}: last, when the spec sets a target accuracy and has two or more optimizer
 *       specs ({@link PerformanceProfileChart}).</li>
 * </ul>
 * The loss axis is the book's 0..1 when every mean curve is below 1 after the first tenth of the run, else
 * 0..the next half above the highest such value (at most {@value #LOSS_AXIS_CAP}: chance level on ten classes is
 * ln 10 ≈ 2.3).
 */
public final class BatchCharts {
    static final int MAX_SETTINGS_PER_CHART = 8;
    /** The most single-setting optimizers drawn on one chart: the palette's distinct colours. */
    static final int MAX_OPTIMIZERS_PER_CHART = 16;
    /** Iterations between two markers on a loss curve, as the book's {@code markevery=100}. */
    static final int MARKER_EVERY = 100;
    /** Palette index of the first colour no optimizer name owns (the theme's six named colours come first). */
    private static final int FIRST_EXTRA_COLOR = 6;
    static final String LOSS = "loss";
    static final String ACCURACY = "accuracy";
    static final String SENSITIVITY = "lr-sensitivity";
    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;
    private static final double BOOK_LOSS_AXIS = 1.0;
    private static final double LOSS_AXIS_CAP = 3.0;
    /** The part of a run the y axis ignores: every optimizer starts near ln 10. */
    private static final double EARLY_FRACTION = 0.1;

    private BatchCharts() {
    }

    /** Draws and saves every chart; returns them in report order. */
    public static List<ChartFile> write(Path outDir, ExperimentSummary summary) throws IOException {
        List<ChartFile> files = new ArrayList<>();
        String name = title(summary);
        // The sweep's summary comes first: the curves per optimizer are its detail.
        XYChart sensitivity = sensitivity(summary.settings(), name);
        if (sensitivity != null) {
            ChartFiles.save(sensitivity, outDir, SENSITIVITY);
            files.add(new ChartFile(SENSITIVITY, "Learning-rate sensitivity",
                    "Final loss (mean of the last 100 losses) against the learning rate, mean over seeds with ±1 std"
                            + " error bars. Settings whose seeds all diverged have no point."));
        }
        // Variants that pair up along one field (figure 6-18's weight scales × BatchNorm) as small multiples.
        PanelGridChart.write(outDir, summary, CurveSource.TEST_ACCURACY).ifPresent(files::add);
        if (TrainTestAccuracyChart.wanted(summary)) {
            PanelGridChart.write(outDir, summary, CurveSource.TRAIN_ACCURACY).ifPresent(files::add);
        }
        Map<String, List<SettingSummary>> groups = groups(summary.settings());
        for (Map.Entry<String, List<SettingSummary>> group : groups.entrySet()) {
            String suffix = group.getKey().isEmpty() ? "" : "-" + fileSafe(group.getKey());
            String which = group.getKey().isEmpty() ? "" : " — " + group.getKey();
            ChartFiles.save(loss(summary.spec(), group.getValue(), name + which), outDir, LOSS + suffix);
            files.add(new ChartFile(LOSS + suffix, "Training loss" + which,
                    "Training loss after each update, smoothed per seed with the book's 11-point Kaiser window,"
                            + " then averaged over seeds; the band is ±1 sample standard deviation over seeds."));
        }
        for (Map.Entry<String, List<SettingSummary>> group : groups.entrySet()) {
            String suffix = group.getKey().isEmpty() ? "" : "-" + fileSafe(group.getKey());
            String which = group.getKey().isEmpty() ? "" : " — " + group.getKey();
            ChartFiles.save(accuracy(summary.spec(), group.getValue(), name + which), outDir, ACCURACY + suffix);
            files.add(new ChartFile(ACCURACY + suffix, "Test accuracy" + which,
                    "Accuracy on the whole test set at each evaluation, mean over seeds with a ±1 std band."));
        }
        if (TrainTestAccuracyChart.wanted(summary)) {
            ChartFiles.save(TrainTestAccuracyChart.chart(summary, name), outDir, TrainTestAccuracyChart.BASE_NAME);
            files.add(new ChartFile(TrainTestAccuracyChart.BASE_NAME, "Train and test accuracy",
                    "The book's figure 6-20: accuracy on the examples trained on (dashed) and on the test set"
                            + " (solid) at each evaluation, mean over seeds; the gap is the overfitting."));
        }
        for (Map.Entry<String, List<SettingSummary>> group : groups.entrySet()) {
            if (!LearningRateChart.wanted(group.getValue())) {
                continue;
            }
            String suffix = group.getKey().isEmpty() ? "" : "-" + fileSafe(group.getKey());
            String which = group.getKey().isEmpty() ? "" : " — " + group.getKey();
            String base = LearningRateChart.BASE_NAME + suffix;
            ChartFiles.save(LearningRateChart.chart(summary.spec(), group.getValue(), name + which), outDir, base);
            files.add(new ChartFile(base, "Learning rate" + which,
                    "Each setting's learning rate at each iteration: its lr times its schedule's multiplier, a"
                            + " point every " + LearningRateChart.step(summary.spec().iterations())
                            + " iterations. What a rule does inside its update (Adam's bias correction, schedule-free"
                            + " AdamW's own warm-up) is not included."));
        }
        // With a target: the AlgoPerf-style summary of who reaches it how soon.
        PerformanceProfileChart.write(outDir, summary, name).ifPresent(files::add);
        return files;
    }

    /**
     * All settings in one group ("") when they fit one chart, or when each optimizer has a single setting (a race
     * of {@value #MAX_OPTIMIZERS_PER_CHART} rules at most reads best on one chart, and one chart per rule would
     * hold one line each); else one group per optimizer name.
     */
    static Map<String, List<SettingSummary>> groups(List<SettingSummary> settings) {
        Map<String, List<SettingSummary>> byName = new LinkedHashMap<>();
        for (SettingSummary setting : settings) {
            byName.computeIfAbsent(setting.setting().optimizer().name(), name -> new ArrayList<>()).add(setting);
        }
        boolean oneEach = byName.size() == settings.size() && settings.size() <= MAX_OPTIMIZERS_PER_CHART;
        if (settings.size() <= MAX_SETTINGS_PER_CHART || oneEach) {
            Map<String, List<SettingSummary>> one = new LinkedHashMap<>();
            one.put("", settings);
            return one;
        }
        return byName;
    }

    static XYChart loss(ExperimentSpec spec, List<SettingSummary> settings, String title) {
        XYChart chart = ChartTheme.xyChart(WIDTH, HEIGHT, "Training loss (smoothed): " + title, "iterations",
                "loss");
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) spec.iterations());
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(lossAxisMax(spec.iterations(), settings));
        chart.getStyler().setYAxisDecimalPattern("0.0");
        chart.getStyler().setXAxisDecimalPattern("0");
        List<Color> colors = colors(settings);
        for (int s = 0; s < settings.size(); s++) {
            SettingSummary setting = settings.get(s);
            CurveBand band = setting.loss();
            if (band.length() == 0) {
                continue;
            }
            double[] x = new double[band.length()];
            for (int i = 0; i < x.length; i++) {
                x[i] = i;
            }
            BandSeries.add(chart, legend(setting), colors.get(s), marker(setting), MARKER_EVERY, x, band.mean(),
                    band.std());
        }
        BandSeries.anchorRoundTicks(chart, spec.iterations() - 0.5, 0);
        return chart;
    }

    static XYChart accuracy(ExperimentSpec spec, List<SettingSummary> settings, String title) {
        XYChart chart = ChartTheme.xyChart(WIDTH, HEIGHT, "Test accuracy: " + title, "iterations",
                "test accuracy");
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax((double) spec.iterations());
        double[] range = accuracyAxisRange(spec.iterations(), settings);
        chart.getStyler().setYAxisMin(range[0]);
        chart.getStyler().setYAxisMax(range[1]);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
        List<Color> colors = colors(settings);
        for (int s = 0; s < settings.size(); s++) {
            SettingSummary setting = settings.get(s);
            CurveBand band = setting.accuracy();
            if (band.length() == 0) {
                continue;
            }
            double[] x = new double[band.length()];
            for (int i = 0; i < x.length; i++) {
                x[i] = setting.evalIterations()[i];
            }
            BandSeries.add(chart, legend(setting), colors.get(s), marker(setting), 1, x, band.mean(), band.std());
        }
        BandSeries.anchorRoundTicks(chart, spec.iterations() - 0.5, range[1]);
        return chart;
    }

    /** Null when no optimizer runs with two or more learning rates. */
    static XYChart sensitivity(List<SettingSummary> settings, String title) {
        Map<String, TreeMap<Double, SettingSummary>> lines = new LinkedHashMap<>();
        for (SettingSummary setting : settings) {
            double lr = setting.setting().optimizer().learningRate();
            if (Double.isNaN(lr)) {
                continue;
            }
            String line = setting.setting().variant().name() + "\u0000" + setting.setting().optimizer().family();
            lines.computeIfAbsent(line, key -> new TreeMap<>()).put(lr, setting);
        }
        lines.values().removeIf(byLr -> byLr.size() < 2);
        if (lines.isEmpty()) {
            return null;
        }
        XYChart chart = ChartTheme.xyChart(WIDTH, HEIGHT, "Learning-rate sensitivity: " + title,
                "learning rate (log scale)", "final loss (mean of last 100)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        List<SettingSummary> firsts = lines.values().stream().map(byLr -> byLr.firstEntry().getValue()).toList();
        List<Color> colors = colors(firsts);
        int index = 0;
        for (TreeMap<Double, SettingSummary> byLr : lines.values()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> error = new ArrayList<>();
            byLr.forEach((lr, setting) -> {
                if (setting.finalLoss().count() > 0) {
                    x.add(lr);
                    y.add(setting.finalLoss().mean());
                    double std = setting.finalLoss().std();
                    error.add(Double.isFinite(std) ? std : 0.0);
                }
            });
            SettingSummary first = byLr.firstEntry().getValue();
            String label = lineLabel(first, settings);
            if (!x.isEmpty()) {
                XYSeries series = chart.addSeries(label, x, y, error);
                series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
                series.setLineColor(colors.get(index));
                series.setMarkerColor(colors.get(index));
                series.setMarker(marker(first));
            }
            index++;
        }
        return chart;
    }

    private static String lineLabel(SettingSummary setting, List<SettingSummary> all) {
        String brief = setting.setting().optimizer().family();
        boolean variants = all.stream().map(s -> s.setting().variant().name()).distinct().count() > 1;
        return variants ? setting.setting().variant().name() + " · " + brief : brief;
    }

    /** Each setting's colour in its loss and accuracy chart. */
    static Map<Setting, Color> colorsBySetting(List<SettingSummary> settings) {
        Map<Setting, Color> bySetting = new LinkedHashMap<>();
        for (List<SettingSummary> group : groups(settings).values()) {
            List<Color> colors = colors(group);
            for (int s = 0; s < group.size(); s++) {
                bySetting.put(group.get(s).setting(), colors.get(s));
            }
        }
        return bySetting;
    }

    /**
     * The theme's fixed colour per optimizer name; a name that comes again (adam at two learning rates) takes the
     * theme's extra colours for its later settings, so no two curves of a chart share a colour.
     */
    static List<Color> colors(List<SettingSummary> settings) {
        List<Color> colors = new ArrayList<>();
        Set<String> named = new HashSet<>();
        int extra = 0;
        for (SettingSummary setting : settings) {
            String name = setting.setting().optimizer().name();
            colors.add(named.add(name) ? ChartTheme.colorFor(name) : ChartTheme.paletteColor(FIRST_EXTRA_COLOR + extra++));
        }
        return colors;
    }

    private static org.knowm.xchart.style.markers.Marker marker(SettingSummary setting) {
        return ChartTheme.markerFor(setting.setting().optimizer().name());
    }

    /** The label, and what happened to a setting that did not simply finish. */
    private static String legend(SettingSummary setting) {
        if (setting.runs().isEmpty()) {
            return setting.label() + " (stopped after " + setting.loss().length() + ")";
        }
        if (setting.divergedSeeds().size() == setting.runs().size()) {
            return setting.label() + (setting.runs().size() == 1
                    ? " (diverged at " + setting.runs().get(0).result().divergedAt() + ")" : " (all diverged)");
        }
        return setting.label();
    }

    /** "name on MNIST (784-100-10, relu, batch 128, seed 0)", and "interrupted" when runs are missing. */
    static String title(ExperimentSummary summary) {
        ExperimentSpec spec = summary.spec();
        TrainingSetup setup = spec.setup(spec.variants().get(0), spec.seeds().get(0));
        List<Long> seedList = spec.seeds().stream().map(Number::longValue).toList();
        boolean consecutive = seedList.size() > 2
                && seedList.get(seedList.size() - 1) - seedList.get(0) == seedList.size() - 1
                && seedList.stream().distinct().count() == seedList.size();
        String seeds = seedList.size() == 1 ? "seed " + seedList.get(0) : consecutive
                ? "seeds " + seedList.get(0) + "–" + seedList.get(seedList.size() - 1)
                : "seeds " + seedList.stream().map(String::valueOf).collect(Collectors.joining(","));
        String title = String.format(Locale.ROOT, "%s on %s (%s%s, batch %d, %s)", spec.name(),
                spec.dataset().title(),
                spec.hasVariants() ? "" : compact(setup.architecture()) + ", ", setup.activation(),
                setup.batchSize(), seeds);
        return summary.counts().complete() ? title : title + ", interrupted";
    }

    /** "784-100-100-100-100-10" as "784-100×4-10", so that a long title still fits the chart's width. */
    static String compact(String architecture) {
        String[] sizes = architecture.split("-");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sizes.length; ) {
            int run = 1;
            while (i + run < sizes.length && sizes[i + run].equals(sizes[i])) {
                run++;
            }
            text.append(text.length() == 0 ? "" : "-").append(sizes[i]).append(run > 1 ? "×" + run : "");
            i += run;
        }
        return text.toString();
    }

    static double lossAxisMax(int iterations, List<SettingSummary> settings) {
        int from = (int) (iterations * EARLY_FRACTION);
        double highest = 0;
        for (SettingSummary setting : settings) {
            double[] mean = setting.loss().mean();
            for (int i = from; i < mean.length; i++) {
                highest = Math.max(highest, mean[i]);
            }
        }
        if (highest <= BOOK_LOSS_AXIS) {
            return BOOK_LOSS_AXIS;
        }
        return Math.min(LOSS_AXIS_CAP, Math.ceil(highest * 2) / 2);
    }

    /**
     * The y range of an accuracy chart: whole percents around every mean ± std after the first tenth of the run,
     * so that 96.9 % and 97.1 % are told apart.
     */
    static double[] accuracyAxisRange(int iterations, List<SettingSummary> settings) {
        int from = (int) (iterations * EARLY_FRACTION);
        double lowest = 1;
        double highest = 0;
        for (SettingSummary setting : settings) {
            double[] mean = setting.accuracy().mean();
            double[] std = setting.accuracy().std();
            int[] at = setting.evalIterations();
            for (int i = 0; i < mean.length; i++) {
                if (at[i] >= from) {
                    double spread = Double.isFinite(std[i]) ? std[i] : 0;
                    lowest = Math.min(lowest, mean[i] - spread);
                    highest = Math.max(highest, mean[i] + spread);
                }
            }
        }
        if (highest < lowest) {
            return new double[] {0, 1};
        }
        double min = Math.max(0, Math.floor(lowest * 100 - 0.5) / 100);
        return new double[] {min, Math.min(1, Math.max(min + 0.01, Math.ceil(highest * 100 + 0.5) / 100))};
    }

    static String fileSafe(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    }
}
