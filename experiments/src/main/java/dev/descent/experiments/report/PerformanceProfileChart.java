package dev.descent.experiments.report;

import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.ExperimentSummary;
import dev.descent.experiments.batch.SeedRun;
import dev.descent.experiments.batch.Setting;
import dev.descent.experiments.batch.SettingSummary;
import dev.descent.experiments.batch.Variant;
import dev.descent.experiments.charts.ChartFiles;
import dev.descent.experiments.charts.ChartTheme;
import dev.descent.experiments.stats.PerformanceProfile;
import dev.descent.experiments.stats.TimeToTarget;
import dev.descent.experiments.train.RunResult;
import dev.descent.optimizers.OptimizerSpec;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The performance profile of a batch with a target accuracy ({@link PerformanceProfile}, as AlgoPerf draws them):
 * the solvers are the spec's optimizer specs, a problem is one variant on one seed, and a solver's time on a
 * problem is the number of updates to its first evaluation at or above the target ({@link TimeToTarget}; +∞ when
 * it never got there or diverged). Updates, not seconds: they are the same on every machine and under any load,
 * and every setting of a batch runs the same net per update. A problem is used only when every optimizer spec has
 * a complete run on it (after Ctrl-C some may not).
 *
 * <p>Drawn when the spec sets {@code target_accuracy} and has two or more optimizer specs: ρ(τ) as a staircase
 * over τ from 1 to a little past the largest finite ratio (at least 2), τ on a log axis (log2 τ, labelled with τ),
 * one line per optimizer
 * spec in its colour and marker, its legend saying how many problems it won (ρ(1)) and reached at all.
 */
public final class PerformanceProfileChart {
    static final String BASE_NAME = "performance-profile";
    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;
    /** The right end of the τ axis: this much past the largest finite ratio, and at least {@value #MIN_TAU_MAX}. */
    private static final double TAU_MARGIN = 1.25;
    private static final double MIN_TAU_MAX = 2;

    private PerformanceProfileChart() {
    }

    /** Draws and saves the profile when the spec has a target and two or more optimizer specs. */
    public static Optional<ChartFile> write(Path outDir, ExperimentSummary summary, String title)
            throws IOException {
        Optional<PerformanceProfile> profile = profile(summary);
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        ChartFiles.save(chart(summary, profile.get(), title), outDir, BASE_NAME);
        ExperimentSpec spec = summary.spec();
        String problems = spec.hasVariants() ? "variant × seed" : "seed";
        String caption = String.format(Locale.ROOT, "For each optimizer spec, the fraction of the %d problems (one"
                        + " %s each, with every optimizer spec's run complete) on which it reached %s test accuracy"
                        + " within τ times the fewest updates any optimizer spec needed on that problem (Dolan and"
                        + " Moré 2002, as AlgoPerf ranks training algorithms). At τ = 1 the fraction it was fastest"
                        + " on (ties count for each), at the right end the fraction it reached the target at all:"
                        + " a run that never reached it is a failure. Updates are counted to the first evaluation at"
                        + " or above the target, so they come in steps of eval_every = %d.",
                profile.get().problems(), problems, Html.number(spec.targetAccuracy().getAsDouble(), 4),
                spec.evalEvery());
        return Optional.of(new ChartFile(BASE_NAME, "Performance profile", caption));
    }

    /**
     * The profile of the summary's runs, or empty without a target, with fewer than two optimizer specs, or with
     * no problem on which every optimizer spec has a complete run.
     */
    static Optional<PerformanceProfile> profile(ExperimentSummary summary) {
        ExperimentSpec spec = summary.spec();
        List<OptimizerSpec> solvers = spec.optimizers();
        if (spec.targetAccuracy().isEmpty() || solvers.size() < 2) {
            return Optional.empty();
        }
        double target = spec.targetAccuracy().getAsDouble();
        Map<Setting, SettingSummary> bySetting = new HashMap<>();
        summary.settings().forEach(setting -> bySetting.put(setting.setting(), setting));
        List<double[]> times = new ArrayList<>();
        for (Variant variant : spec.variants()) {
            for (long seed : spec.seeds()) {
                double[] problem = new double[solvers.size()];
                boolean complete = true;
                for (int s = 0; s < solvers.size() && complete; s++) {
                    SettingSummary setting = bySetting.get(new Setting(variant, solvers.get(s)));
                    Optional<RunResult> run = setting == null ? Optional.empty() : setting.runs().stream()
                            .filter(candidate -> candidate.seed() == seed).map(SeedRun::result).findFirst();
                    complete = run.isPresent();
                    if (complete) {
                        int at = TimeToTarget.firstReach(run.get().evalIterations(), run.get().testAccuracy(),
                                target);
                        // The evaluation after loop iteration i follows i + 1 updates.
                        problem[s] = at == TimeToTarget.NOT_REACHED ? Double.POSITIVE_INFINITY : at + 1.0;
                    }
                }
                if (complete) {
                    times.add(problem);
                }
            }
        }
        if (times.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = solvers.stream().map(OptimizerSpec::brief).toList();
        return Optional.of(PerformanceProfile.of(names, times.toArray(double[][]::new)));
    }

    static XYChart chart(ExperimentSummary summary, PerformanceProfile profile, String title) {
        XYChart chart = ChartTheme.xyChart(WIDTH, HEIGHT, "Performance profile: " + title,
                "τ: updates to the target ÷ the fewest any optimizer spec needed on the same problem (log scale)",
                "fraction of problems");
        double tauMax = tauMax(profile);
        // XChart's log axis labels only powers of ten, so τ in [1, 6] would show one label: x is log2 τ on a linear
        // axis instead, each tick labelled with its τ (1, 1.4, 2, 2.8, 4, ...).
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(log2(tauMax));
        chart.getStyler().setxAxisTickLabelsFormattingFunction(PerformanceProfileChart::tauLabel);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setYAxisDecimalPattern("0.0");
        chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
        List<OptimizerSpec> solvers = summary.spec().optimizers();
        List<Color> colors = colors(summary, solvers);
        int problems = profile.problems();
        for (int s = 0; s < solvers.size(); s++) {
            double[][] stairs = profile.staircase(s, tauMax);
            double[] x = new double[stairs[0].length];
            for (int i = 0; i < x.length; i++) {
                x[i] = log2(stairs[0][i]);
            }
            long won = Math.round(profile.fraction(s, 1) * problems);
            long reached = Math.round(profile.fraction(s, Double.MAX_VALUE) * problems);
            String label = String.format(Locale.ROOT, "%s (fastest on %d, reached %d of %d)",
                    profile.solvers().get(s), won, reached, problems);
            XYSeries series = chart.addSeries(label, x, stairs[1]);
            series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            series.setLineColor(colors.get(s));
            series.setMarkerColor(colors.get(s));
            series.setMarker(ChartTheme.markerFor(solvers.get(s).name()));
        }
        return chart;
    }

    static double log2(double tau) {
        return Math.log(tau) / Math.log(2);
    }

    /** The τ of an x position (log2 τ), to two significant digits: "1", "1.4", "2", "11". */
    static String tauLabel(double log2Tau) {
        double tau = Math.pow(2, log2Tau);
        return new java.math.BigDecimal(tau).round(new java.math.MathContext(2)).stripTrailingZeros()
                .toPlainString();
    }

    static double tauMax(PerformanceProfile profile) {
        return Math.max(MIN_TAU_MAX, profile.largestFiniteRatio() * TAU_MARGIN);
    }

    /** Each optimizer spec's colour in the loss and accuracy charts of the first variant. */
    private static List<Color> colors(ExperimentSummary summary, List<OptimizerSpec> solvers) {
        Map<Setting, Color> bySetting = BatchCharts.colorsBySetting(summary.settings());
        Variant first = summary.spec().variants().get(0);
        List<Color> colors = new ArrayList<>();
        for (int s = 0; s < solvers.size(); s++) {
            Color color = bySetting.get(new Setting(first, solvers.get(s)));
            colors.add(color != null ? color : ChartTheme.paletteColor(s));
        }
        return colors;
    }
}
