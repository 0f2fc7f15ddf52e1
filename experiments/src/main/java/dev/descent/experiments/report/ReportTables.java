package dev.descent.experiments.report;

import dev.descent.experiments.batch.ExperimentSummary;
import dev.descent.experiments.batch.Setting;
import dev.descent.experiments.batch.SettingSummary;
import dev.descent.experiments.stats.BaselineTest;
import dev.descent.experiments.stats.TimeToTarget;
import java.awt.Color;
import java.util.Locale;
import java.util.Map;

/** The report's two tables: the results per setting, and each setting tested against the baseline. */
final class ReportTables {
    /** p-values below this are highlighted; a convention, not a verdict. */
    static final double SIGNIFICANCE = 0.05;

    private ReportTables() {
    }

    static void summary(StringBuilder page, ExperimentSummary summary, Map<Setting, Color> colors) {
        boolean target = summary.spec().targetAccuracy().isPresent();
        double bestLoss = summary.settings().stream().filter(s -> s.finalLoss().count() > 0)
                .mapToDouble(s -> s.finalLoss().mean()).min().orElse(Double.NaN);
        double bestAccuracy = summary.settings().stream().filter(s -> s.finalAccuracy().count() > 0)
                .mapToDouble(s -> s.finalAccuracy().mean()).max().orElse(Double.NaN);
        page.append("<p class=\"note\">Mean ± sample standard deviation (n − 1) over seeds. Final loss: mean of the"
                + " last 100 training losses of a run; final accuracy: the last test-set evaluation. Diverged seeds"
                + " (loss became NaN or infinite) are left out of these means and counted in their own column.");
        if (target) {
            page.append(" Time to target: the median over seeds of the first evaluated iteration with test accuracy"
                    + " ≥ ").append(Html.number(summary.spec().targetAccuracy().getAsDouble(), 4)).append(", a seed"
                    + " that never got there counting as +∞ (so the median is “not reached” when half or more"
                    + " failed); seconds are updates × that run’s training time per update.");
        }
        page.append("</p>\n<div class=\"table\"><table>\n<thead><tr><th>setting</th><th class=\"num\">seeds</th>"
                + "<th class=\"num\">diverged</th><th class=\"num\">final loss</th><th class=\"num\">final accuracy"
                + "</th><th class=\"num\">ms / iteration</th>");
        if (target) {
            page.append("<th class=\"num\">iterations to target</th><th class=\"num\">seconds to target</th>");
        }
        page.append("</tr></thead>\n<tbody>\n");
        for (SettingSummary setting : summary.settings()) {
            Color color = colors.get(setting.setting());
            page.append("<tr><td>").append(swatch(color)).append(Html.escape(setting.label()))
                    .append(summary.baseline().map(b -> b == setting).orElse(false) ? " <em>(baseline)</em>" : "")
                    .append("<span class=\"spec\">").append(Html.escape(setting.setting().optimizer().canonical()))
                    .append("</span></td>");
            cell(page, setting.runs().size() + (setting.complete() ? "" : " of " + setting.expectedSeeds()), false);
            int diverged = setting.divergedSeeds().size();
            page.append("<td class=\"num").append(diverged > 0 ? " bad" : "").append("\">").append(diverged)
                    .append("</td>");
            cell(page, Html.meanStd(setting.finalLoss().mean(), setting.finalLoss().std(), 4),
                    setting.finalLoss().count() > 0 && setting.finalLoss().mean() == bestLoss);
            cell(page, Html.meanStd(setting.finalAccuracy().mean(), setting.finalAccuracy().std(), 4),
                    setting.finalAccuracy().count() > 0 && setting.finalAccuracy().mean() == bestAccuracy);
            cell(page, Html.meanStd(setting.msPerIteration().mean(), setting.msPerIteration().std(), 2), false);
            if (target) {
                TimeToTarget time = setting.timeToTarget();
                if (time == null) {
                    cell(page, "–", false);
                    cell(page, "–", false);
                } else {
                    String reached = " (" + time.reached() + "/" + time.seeds() + ")";
                    cell(page, (time.medianReached() ? String.format(Locale.ROOT, "%.0f", time.medianIterations())
                            : "not reached") + reached, false);
                    cell(page, time.medianReached() ? Html.number(time.medianSeconds(), 2) + " s" : "–", false);
                }
            }
            page.append("</tr>\n");
        }
        page.append("</tbody>\n</table></div>\n");
    }

    static void statistics(StringBuilder page, ExperimentSummary summary) {
        page.append("<p class=\"note\">Each setting’s final losses across seeds against the baseline’s: Welch’s"
                + " two-sided t-test (unequal variances; diverged seeds left out) and the two-sided Mann–Whitney U"
                + " test (diverged seeds ranked as the worst losses; Commons Math uses the normal approximation),"
                + " both from Apache Commons Math. Δ is the setting’s mean final loss minus the baseline’s:"
                + " negative means lower loss than the baseline. p &lt; ").append(SIGNIFICANCE)
                .append(" is in bold green. Seeds are shared across settings (same initial weights, same batches),"
                        + " so these unpaired tests are conservative.</p>\n");
        if (summary.baselineNote() != null) {
            page.append("<p><strong>").append(Html.escape(summary.baselineNote())).append("</strong></p>\n");
        }
        if (summary.tests().isEmpty() || summary.spec().seeds().size() < BaselineTest.MIN_SEEDS) {
            return;
        }
        page.append("<div class=\"table\"><table>\n<thead><tr><th>setting</th><th class=\"num\">Δ final loss</th>"
                + "<th class=\"num\">Welch p</th><th class=\"num\">Mann–Whitney p</th><th>note</th></tr></thead>\n"
                + "<tbody>\n");
        for (SettingSummary setting : summary.settings()) {
            BaselineTest test = summary.tests().get(setting.setting());
            if (test == null) {
                continue;
            }
            page.append("<tr><td>").append(Html.escape(setting.label())).append("</td>");
            cell(page, Double.isFinite(test.meanDifference())
                    ? String.format(Locale.ROOT, "%+.4f", test.meanDifference()) : "–", false);
            pCell(page, test.welchP());
            pCell(page, test.mannWhitneyP());
            String note = test.welchReason() != null ? test.welchReason()
                    : test.mannWhitneyReason() != null ? test.mannWhitneyReason() : "";
            page.append("<td class=\"note\">").append(Html.escape(note)).append("</td></tr>\n");
        }
        page.append("</tbody>\n</table></div>\n");
    }

    private static void cell(StringBuilder page, String html, boolean best) {
        page.append("<td class=\"num").append(best ? " best" : "").append("\">").append(html).append("</td>");
    }

    private static void pCell(StringBuilder page, double p) {
        boolean significant = Double.isFinite(p) && p < SIGNIFICANCE;
        page.append("<td class=\"num").append(significant ? " sig" : "").append("\">").append(Html.pValue(p))
                .append("</td>");
    }

    private static String swatch(Color color) {
        if (color == null) {
            return "";
        }
        return String.format(Locale.ROOT, "<span class=\"swatch\" style=\"background:#%02x%02x%02x\"></span>",
                color.getRed(), color.getGreen(), color.getBlue());
    }
}
