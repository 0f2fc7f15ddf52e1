package dev.descent.experiments.tuning;

import dev.descent.experiments.batch.TuningSpec;
import dev.descent.experiments.train.RunResult;
import java.util.List;
import java.util.Optional;

/**
 * Which trial of an optimizer is best, by the tuning's {@link TuningSpec.Select} rule on its validation numbers at
 * the last evaluation: the lowest validation loss, or the highest validation accuracy. A trial that diverged (or
 * whose number is not finite) is worse than every trial that finished; among equals the earlier trial wins, so the
 * choice never depends on anything but the numbers and the trial order.
 */
public final class TrialSelection {

    private TrialSelection() {
    }

    /**
     * The score of one trial, larger is better: minus the final validation loss, or the final validation accuracy;
     * −∞ for a diverged trial or a missing number.
     */
    public static double score(TuningSpec.Select select, RunResult result) {
        if (result.diverged()) {
            return Double.NEGATIVE_INFINITY;
        }
        double value = select == TuningSpec.Select.FINAL_VALIDATION_LOSS ? -result.finalValidationLoss()
                : result.finalValidationAccuracy();
        return Double.isFinite(value) ? value : Double.NEGATIVE_INFINITY;
    }

    /**
     * The index of the best of {@code results} (one optimizer's trials, in trial order), or empty when there are
     * none.
     */
    public static Optional<Integer> best(TuningSpec.Select select, List<RunResult> results) {
        int best = -1;
        double bestScore = Double.NaN;
        for (int i = 0; i < results.size(); i++) {
            double score = score(select, results.get(i));
            // Strictly better only: a later trial with the same score does not replace an earlier one.
            if (best < 0 || score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(best);
    }
}
