package dev.descent.experiments.report;

import dev.descent.experiments.batch.TuningSpec;
import dev.descent.experiments.charts.ChartFiles;
import dev.descent.experiments.charts.ChartGrid;
import dev.descent.experiments.charts.ChartTheme;
import dev.descent.experiments.train.RunResult;
import dev.descent.experiments.tuning.Trial;
import dev.descent.experiments.tuning.TuningPlan;
import dev.descent.optimizers.OptimizerSpec;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The charts of a tuning's trials:
 * <ul>
 *   <li>{@code validation-curves}: the book's figure 6-24, the best {@value #BEST} trials (over every optimizer, by
 *       the tuning's selection rule), one small panel each, validation accuracy solid and train accuracy dashed
 *       (when measured) at each evaluation, titled with the rank, the validation score and the hyperparameters;</li>
 *   <li>{@code tuning-sensitivity}: every trial's selection number (final validation loss, on a log axis, or
 *       accuracy) against its learning rate on a log axis, one colour per optimizer, the chosen trial ringed: how flat each rule's valley
 *       is, and whether the range held the optimum (a best trial at the range's edge says it may not).</li>
 * </ul>
 */
final class TuningCharts {
    static final String CURVES = "validation-curves";
    static final String SENSITIVITY = "tuning-sensitivity";
    /** Panels of the validation-curve figure, as the book's figure 6-24. */
    static final int BEST = 20;
    private static final int PANEL_WIDTH = 300;
    private static final int PANEL_HEIGHT = 220;
    private static final int COLUMNS = 5;
    /** At most this many points on a panel's dashed line (see {@link TrainTestAccuracyChart#points}). */
    private static final int PANEL_DASHED_POINTS = 14;
    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;
    /** The validation-loss axis stops here: chance level on ten classes is ln 10 ≈ 2.3. */
    private static final double LOSS_AXIS_CAP = 3.0;

    private TuningCharts() {
    }

    static List<ChartFile> write(Path outDir, TuningPlan plan, TuningPlan.Choice choice, String title)
            throws IOException {
        List<ChartFile> files = new ArrayList<>();
        TuningSpec tuning = plan.spec().tuning();
        List<TuningPlan.TrialOutcome> best = best(choice.outcomes(), BEST);
        if (!best.isEmpty()) {
            ChartFiles.save(curves(best, tuning, title), outDir, CURVES);
            files.add(new ChartFile(CURVES, "Validation curves of the best " + best.size() + " trials",
                    "The book's figure 6-24: the best trials by " + tuning.select().label() + ", best first; each panel"
                            + " shows the validation accuracy (solid) and, when measured, the accuracy on the examples"
                            + " trained on (dashed) at each evaluation of the trial's one run."));
        }
        XYChart sensitivity = sensitivity(plan, choice, title);
        if (sensitivity != null) {
            ChartFiles.save(sensitivity, outDir, SENSITIVITY);
            files.add(new ChartFile(SENSITIVITY, "Learning-rate sensitivity of the trials",
                    "Each trial's " + metric(tuning.select()) + " against its learning rate (log scale), one colour"
                            + " per optimizer; the chosen trial of each optimizer is ringed. Diverged trials have no"
                            + " point."));
        }
        return files;
    }

    /** The best {@code count} trials over every optimizer, best first (ties by trial order). */
    static List<TuningPlan.TrialOutcome> best(List<TuningPlan.TrialOutcome> outcomes, int count) {
        List<TuningPlan.TrialOutcome> sorted = new ArrayList<>(outcomes);
        // A stable sort: equal scores keep the trials' order.
        sorted.sort(Comparator.comparingDouble(TuningPlan.TrialOutcome::score).reversed());
        return sorted.subList(0, Math.min(count, sorted.size()));
    }

    private static String metric(TuningSpec.Select select) {
        return select == TuningSpec.Select.FINAL_VALIDATION_LOSS ? "final validation loss"
                : "final validation accuracy";
    }

    private static ChartGrid curves(List<TuningPlan.TrialOutcome> best, TuningSpec tuning, String title) {
        List<XYChart> panels = new ArrayList<>();
        for (int i = 0; i < best.size(); i++) {
            TuningPlan.TrialOutcome outcome = best.get(i);
            RunResult result = outcome.run().result();
            String score = tuning.select() == TuningSpec.Select.FINAL_VALIDATION_LOSS
                    ? String.format(Locale.ROOT, "val loss %.3f", result.finalValidationLoss())
                    : String.format(Locale.ROOT, "val acc %.3f", result.finalValidationAccuracy());
            XYChart panel = ChartTheme.xyChart(PANEL_WIDTH, PANEL_HEIGHT, "Best-" + (i + 1) + " (" + score + ")",
                    hyperparameters(outcome.trial()), null);
            panel.getStyler().setLegendVisible(false);
            panel.getStyler().setYAxisMin(0.0);
            panel.getStyler().setYAxisMax(1.0);
            panel.getStyler().setYAxisDecimalPattern("0.0");
            panel.getStyler().setXAxisDecimalPattern("0");
            panel.getStyler().setChartTitleFont(ChartTheme.TICK_FONT);
            panel.getStyler().setAxisTitleFont(ChartTheme.TICK_FONT);
            Color color = ChartTheme.colorFor(outcome.trial().base().name());
            line(panel, "validation", result.evalIterations(), result.validationAccuracy(), color, null);
            line(panel, "train", result.evalIterations(), result.trainAccuracy(), color, new float[] {5f, 4f});
            panels.add(panel);
        }
        return ChartGrid.of(panels, Math.min(COLUMNS, panels.size())).withTitle("Validation (solid) and train"
                + " (dashed) accuracy of the best trials: " + title);
    }

    /** {@code sgd lr=0.00316, λ=1.2e-06}: what the trial drew. */
    static String hyperparameters(Trial trial) {
        String spec = trial.optimizer().brief();
        return spec + (trial.tunesWeightDecay() ? String.format(Locale.ROOT, ", λ=%.3g", trial.weightDecay()) : "");
    }

    private static void line(XYChart chart, String name, int[] at, double[] values, Color color, float[] dashes) {
        TrainTestAccuracyChart.line(chart, name, at, values, color, dashes, 1.5f, PANEL_DASHED_POINTS);
    }

    /** Null when no optimizer's trials differ in learning rate. */
    static XYChart sensitivity(TuningPlan plan, TuningPlan.Choice choice, String title) {
        TuningSpec.Select select = plan.spec().tuning().select();
        boolean loss = select == TuningSpec.Select.FINAL_VALIDATION_LOSS;
        Map<OptimizerSpec, List<TuningPlan.TrialOutcome>> byOptimizer = new LinkedHashMap<>();
        for (TuningPlan.TrialOutcome outcome : choice.outcomes()) {
            byOptimizer.computeIfAbsent(outcome.trial().base(), base -> new ArrayList<>()).add(outcome);
        }
        boolean varies = byOptimizer.values().stream().anyMatch(outcomes -> outcomes.stream()
                .map(outcome -> outcome.trial().optimizer().learningRate()).distinct().count() > 1);
        if (!varies) {
            return null;
        }
        XYChart chart = ChartTheme.xyChart(WIDTH, HEIGHT, "Tuning trials: " + title, "learning rate (log scale)",
                metric(select));
        chart.getStyler().setXAxisLogarithmic(true);
        if (loss) {
            // Log scale: the valleys differ by a few hundredths near 0.1, the failed trials sit near ln 10.
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisMin(lossAxisMin(choice.outcomes()));
            chart.getStyler().setYAxisMax(lossAxisMax(choice.outcomes()));
            chart.getStyler().setYAxisDecimalPattern("0.###");
        } else {
            chart.getStyler().setYAxisMin(0.0);
            chart.getStyler().setYAxisMax(1.0);
            chart.getStyler().setYAxisDecimalPattern("0.00");
        }
        chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
        for (Map.Entry<OptimizerSpec, List<TuningPlan.TrialOutcome>> entry : byOptimizer.entrySet()) {
            List<TuningPlan.TrialOutcome> sorted = new ArrayList<>(entry.getValue());
            sorted.sort(Comparator.comparingDouble(outcome -> outcome.trial().optimizer().learningRate()));
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (TuningPlan.TrialOutcome outcome : sorted) {
                double value = value(outcome.run().result(), loss);
                if (Double.isFinite(value)) {
                    x.add(outcome.trial().optimizer().learningRate());
                    y.add(loss ? Math.min(value, LOSS_AXIS_CAP) : value);
                }
            }
            if (x.isEmpty()) {
                continue;
            }
            Color color = ChartTheme.colorFor(entry.getKey().name());
            XYSeries series = chart.addSeries(entry.getKey().family(), x, y);
            series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            series.setLineColor(color);
            series.setLineStyle(new BasicStroke(1f));
            series.setMarkerColor(color);
            series.setMarker(ChartTheme.markerFor(entry.getKey().name()));
            TuningPlan.TrialOutcome chosen = choice.best().get(entry.getKey());
            double chosenValue = value(chosen.run().result(), loss);
            if (Double.isFinite(chosenValue)) {
                XYSeries ring = chart.addSeries(entry.getKey().family() + " (chosen)",
                        new double[] {chosen.trial().optimizer().learningRate()},
                        new double[] {loss ? Math.min(chosenValue, LOSS_AXIS_CAP) : chosenValue});
                ring.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
                ring.setShowInLegend(false);
                ring.setMarker(new RingMarker());
                ring.setMarkerColor(color);
            }
        }
        return chart;
    }

    private static double value(RunResult result, boolean loss) {
        if (result.diverged()) {
            return Double.NaN;
        }
        return loss ? result.finalValidationLoss() : result.finalValidationAccuracy();
    }

    /** A little below the lowest finite loss, so that the valleys fill the chart. */
    private static double lossAxisMin(List<TuningPlan.TrialOutcome> outcomes) {
        double lowest = Double.POSITIVE_INFINITY;
        for (TuningPlan.TrialOutcome outcome : outcomes) {
            double value = value(outcome.run().result(), true);
            if (Double.isFinite(value) && value > 0) {
                lowest = Math.min(lowest, value);
            }
        }
        return Double.isFinite(lowest) ? lowest / 1.5 : 0.01;
    }

    private static double lossAxisMax(List<TuningPlan.TrialOutcome> outcomes) {
        double highest = 0;
        for (TuningPlan.TrialOutcome outcome : outcomes) {
            double value = value(outcome.run().result(), true);
            if (Double.isFinite(value)) {
                highest = Math.max(highest, value);
            }
        }
        return Math.max(0.1, Math.min(LOSS_AXIS_CAP, Math.ceil(highest * 10) / 10));
    }
}
