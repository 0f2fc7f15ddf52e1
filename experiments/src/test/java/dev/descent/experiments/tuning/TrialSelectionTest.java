package dev.descent.experiments.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.experiments.batch.TuningSpec;
import dev.descent.experiments.train.RunResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The best trial on hand-built results: lowest final validation loss or highest accuracy; diverged last. */
class TrialSelectionTest {

    /** A finished trial of two evaluations whose last validation accuracy and loss are given. */
    private static RunResult trial(double accuracy, double loss) {
        return new RunResult("sgd:lr=0.01", new double[] {2.0, 1.0}, new int[] {0, 1}, new double[] {0.1, 0.2}, -1,
                true, 1, 1, new double[0], new double[] {0.1, accuracy}, new double[] {2.3, loss});
    }

    private static RunResult diverged() {
        // Its last recorded numbers look best of all, but it diverged: the net is no longer a net.
        return new RunResult("sgd:lr=10", new double[] {2.0}, new int[] {0}, new double[] {0.1}, 1, true, 1, 1,
                new double[0], new double[] {0.99}, new double[] {0.01});
    }

    @Test
    void theLowestFinalValidationLossWins() {
        List<RunResult> results = List.of(trial(0.90, 0.40), trial(0.95, 0.35), diverged(), trial(0.97, 0.36));
        assertEquals(Optional.of(1), TrialSelection.best(TuningSpec.Select.FINAL_VALIDATION_LOSS, results));
    }

    @Test
    void theHighestFinalValidationAccuracyWins() {
        List<RunResult> results = List.of(trial(0.90, 0.40), trial(0.95, 0.35), diverged(), trial(0.97, 0.36));
        assertEquals(Optional.of(3), TrialSelection.best(TuningSpec.Select.VALIDATION_ACCURACY, results));
    }

    @Test
    void tiesGoToTheEarlierTrialAndDivergedTrialsComeLast() {
        List<RunResult> tied = List.of(diverged(), trial(0.9, 0.5), trial(0.9, 0.5));
        assertEquals(Optional.of(1), TrialSelection.best(TuningSpec.Select.FINAL_VALIDATION_LOSS, tied));
        assertEquals(Optional.of(1), TrialSelection.best(TuningSpec.Select.VALIDATION_ACCURACY, tied));
        assertEquals(Double.NEGATIVE_INFINITY, TrialSelection.score(TuningSpec.Select.VALIDATION_ACCURACY,
                diverged()));
        assertEquals(-0.5, TrialSelection.score(TuningSpec.Select.FINAL_VALIDATION_LOSS, trial(0.9, 0.5)));
        // All diverged: the first is as good as any, and a choice is still made.
        assertEquals(Optional.of(0), TrialSelection.best(TuningSpec.Select.FINAL_VALIDATION_LOSS,
                List.of(diverged(), diverged())));
        assertEquals(Optional.empty(), TrialSelection.best(TuningSpec.Select.FINAL_VALIDATION_LOSS, List.of()));
    }
}
