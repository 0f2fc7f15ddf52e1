package dev.descent.experiments.report;

import dev.descent.experiments.batch.ExperimentSummary;
import dev.descent.experiments.batch.ParameterRange;
import dev.descent.experiments.batch.TuningSpec;
import dev.descent.experiments.train.RunResult;
import dev.descent.experiments.tuning.TrialDraws;
import dev.descent.experiments.tuning.TuningFiles;
import dev.descent.experiments.tuning.TuningPlan;
import dev.descent.optimizers.OptimizerSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a tuning adds to an experiment's results: {@code trials.csv}, {@code tuning.json}, the trials' charts
 * ({@link TuningCharts}) and the report's "Tuning" section (the protocol, each optimizer's chosen setting, and
 * every trial ranked). The reruns of the chosen settings are the report's ordinary results.
 */
public final class TuningSection {

    private TuningSection() {
    }

    /** Writes the tuning's files and charts into {@code outDir}; returns the charts in report order. */
    public static List<ChartFile> write(Path outDir, TuningPlan plan, TuningPlan.Choice choice,
                                        ExperimentSummary reruns) throws IOException {
        TuningFiles.write(outDir, plan, choice);
        return TuningCharts.write(outDir, plan, choice, BatchCharts.title(reruns));
    }

    /** The report section, HTML. */
    public static String html(TuningPlan plan, TuningPlan.Choice choice) {
        TuningSpec tuning = plan.spec().tuning();
        StringBuilder page = new StringBuilder();
        page.append("<h2 id=\"tuning\">Tuning</h2>\n<p class=\"note\">");
        page.append(String.format(Locale.ROOT, "Every optimizer had the same budget: %d trials (%s search), each one"
                        + " run on seed %d, trained on the training set without its last %,d examples, which are the"
                        + " validation set (never the test set). The best trial per optimizer by %s at the last"
                        + " evaluation (diverged trials last, ties to the earlier trial) was rerun on the seeds %s;"
                        + " the results above are those reruns, the only runs reported on the test set. Files: <a"
                        + " href=\"%s\">%s</a>, <a href=\"%s\">%s</a>.",
                tuning.trials(), tuning.search().label(), tuning.seed(), plan.spec().validation(),
                tuning.select().label().replace('_', ' '), plan.spec().seeds().stream().map(String::valueOf)
                        .collect(Collectors.joining(", ")), TuningFiles.TUNING_JSON, TuningFiles.TUNING_JSON,
                TuningFiles.TRIALS_CSV, TuningFiles.TRIALS_CSV));
        page.append("</p>\n<div class=\"table\"><table>\n<thead><tr><th>optimizer</th><th>ranges</th><th>chosen</th>"
                + "<th class=\"num\">trial</th><th class=\"num\">validation loss</th><th class=\"num\">validation"
                + " accuracy</th><th class=\"num\">diverged trials</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<OptimizerSpec, TuningPlan.TrialOutcome> entry : choice.best().entrySet()) {
            OptimizerSpec base = entry.getKey();
            TuningPlan.TrialOutcome best = entry.getValue();
            RunResult result = best.run().result();
            long diverged = choice.outcomes().stream().filter(outcome -> outcome.trial().base().equals(base))
                    .filter(outcome -> outcome.run().result().diverged()).count();
            page.append("<tr><td>").append(Html.escape(base.brief())).append("</td><td>")
                    .append(Html.escape(ranges(tuning, base))).append("</td><td>")
                    .append(Html.escape(TuningCharts.hyperparameters(best.trial()))).append("</td>");
            num(page, String.valueOf(best.trial().index() + 1));
            num(page, Html.number(result.finalValidationLoss(), 4));
            num(page, Html.number(result.finalValidationAccuracy(), 4));
            num(page, String.valueOf(diverged));
            page.append("</tr>\n");
        }
        page.append("</tbody>\n</table></div>\n");
        boolean one = choice.best().size() == 1;
        for (OptimizerSpec base : choice.best().keySet()) {
            List<TuningPlan.TrialOutcome> own = choice.outcomes().stream()
                    .filter(outcome -> outcome.trial().base().equals(base))
                    .sorted(java.util.Comparator.comparingInt(TuningPlan.TrialOutcome::rank)).toList();
            page.append(one ? "<details open>" : "<details>").append("<summary>All ").append(own.size())
                    .append(" trials of ").append(Html.escape(base.brief())).append(", ranked</summary>\n")
                    .append("<div class=\"table\"><table>\n<thead><tr><th class=\"num\">rank</th><th class=\"num\">"
                            + "trial</th><th>hyperparameters</th><th class=\"num\">validation loss</th>"
                            + "<th class=\"num\">validation accuracy</th><th class=\"num\">train accuracy</th>"
                            + "</tr></thead>\n<tbody>\n");
            for (TuningPlan.TrialOutcome outcome : own) {
                RunResult result = outcome.run().result();
                page.append("<tr><td class=\"num").append(outcome.rank() == 1 ? " best" : "").append("\">")
                        .append(outcome.rank()).append("</td>");
                num(page, String.valueOf(outcome.trial().index() + 1));
                page.append("<td>").append(Html.escape(TuningCharts.hyperparameters(outcome.trial())))
                        .append(result.diverged() ? " <em>(diverged at " + result.divergedAt() + ")</em>" : "")
                        .append("</td>");
                num(page, result.diverged() ? "–" : Html.number(result.finalValidationLoss(), 4));
                num(page, result.diverged() ? "–" : Html.number(result.finalValidationAccuracy(), 4));
                num(page, Double.isFinite(result.finalTrainAccuracy())
                        ? Html.number(result.finalTrainAccuracy(), 4) : "–");
                page.append("</tr>\n");
            }
            page.append("</tbody>\n</table></div>\n</details>\n");
        }
        return page.toString();
    }

    /** {@code lr log [1e-06, 0.01]; network.weight_decay log [1e-08, 0.0001]}, bounds resolved for {@code base}. */
    static String ranges(TuningSpec tuning, OptimizerSpec base) {
        return tuning.ranges().stream()
                .filter(range -> range.isNetworkWeightDecay() || base.hyperparameters().containsKey(range.key()))
                .map(range -> {
                    double[] bounds = TrialDraws.bounds(range, base);
                    return String.format(Locale.ROOT, "%s %s [%.3g, %.3g]", range.key(),
                            range.scale() == ParameterRange.Scale.UNIFORM ? "uniform" : "log", bounds[0], bounds[1]);
                }).collect(Collectors.joining("; "));
    }

    private static void num(StringBuilder page, String text) {
        page.append("<td class=\"num\">").append(text).append("</td>");
    }
}
