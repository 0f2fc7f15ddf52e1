package dev.descent.experiments.compare;

import dev.descent.experiments.cli.OptimizerSpecs;
import dev.descent.experiments.io.TextTable;
import dev.descent.experiments.train.RunResult;
import java.util.Locale;

/**
 * The table {@code descent compare} prints at the end, within 80 columns: optimizer, final loss (mean of the last
 * 100 recorded losses), final test accuracy, training time per iteration and a note for runs that diverged or
 * were stopped. When a spec is longer than {@value #SPEC_WIDTH} characters, every spec is shown in its short form
 * (defaults left out, see {@link SpecLabels}) so the column reads alike; the files keep the full specs.
 */
final class SummaryTable {
    /** Room left for the optimizer column once the numbers and the longest note take theirs out of 80. */
    static final int SPEC_WIDTH = 27;

    private SummaryTable() {
    }

    static String render(ComparisonResult result) {
        boolean shortened = result.runs().stream().anyMatch(run -> run.optimizer().length() > SPEC_WIDTH);
        // The note column only when some run has a note, so a clean comparison shows no empty column.
        boolean notes = result.runs().stream().anyMatch(run -> !note(run).isEmpty());
        TextTable table = notes
                ? new TextTable("optimizer", "final loss", "test acc %", "ms/iter", "note")
                : new TextTable("optimizer", "final loss", "test acc %", "ms/iter");
        table.rightAlign(1, 2, 3);
        for (RunResult run : result.runs()) {
            String label = shortened
                    ? SpecLabels.cut(OptimizerSpecs.brief(run.optimizer()), SPEC_WIDTH)
                    : run.optimizer();
            String loss = number("%.4f", run.finalLoss());
            String accuracy = number("%.2f", 100 * run.finalAccuracy());
            String msPerIteration = number("%.2f", run.msPerIteration());
            if (notes) {
                table.add(label, loss, accuracy, msPerIteration, note(run));
            } else {
                table.add(label, loss, accuracy, msPerIteration);
            }
        }
        StringBuilder text = new StringBuilder(table.render());
        if (shortened) {
            text.append("(specs shortened to lr and non-default values; summary.json has the full specs)\n");
        }
        text.append(String.format(Locale.ROOT, "total wall time %.1f s", result.wallSeconds()));
        text.append('\n');
        if (!result.complete()) {
            text.append("interrupted: the runs were stopped early; the files hold what was computed and\n"
                    + "summary.json says \"complete\": false\n");
        }
        return text.toString();
    }

    private static String note(RunResult run) {
        if (run.diverged()) {
            return "diverged at " + run.divergedAt();
        }
        if (!run.complete()) {
            return "stopped at " + run.losses().length;
        }
        return "";
    }

    private static String number(String format, double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "-";
    }
}
