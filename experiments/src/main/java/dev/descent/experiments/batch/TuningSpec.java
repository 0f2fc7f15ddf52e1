package dev.descent.experiments.batch;

import java.util.List;

/**
 * The {@code "tuning"} block of a spec: a fair hyperparameter search before an optimizer comparison (the protocol
 * of DeepOBS, AlgoPerf and Schmidt et al.'s "Descending through a Crowded Valley", 2021). Every optimizer of the
 * spec gets the same number of {@link #trials} drawn from the same {@link #ranges} (random search) or laid on a
 * grid, each trial one run on {@link #seed} with the spec's validation split held out of the training set; the
 * best trial per optimizer by {@link #select} is then rerun on the spec's {@code seeds}, and only those reruns are
 * reported on the test set.
 *
 * @param trials  trials per optimizer, ≥ 1
 * @param search  how trials are drawn
 * @param select  what picks the best trial
 * @param ranges  the hyperparameters searched; {@link ParameterRange#DEFAULT_LR} when the spec gives none
 * @param seed    the seed of every trial's run (initial weights, batches) and of the random search's draws
 */
public record TuningSpec(int trials, Search search, Select select, List<ParameterRange> ranges, long seed) {

    public TuningSpec {
        ranges = List.copyOf(ranges);
    }

    /** How the trials' hyperparameters are chosen. */
    public enum Search {
        /** Independent draws from each range (Bergstra &amp; Bengio 2012; the book's §6.5). */
        RANDOM("random"),
        /**
         * ⌊trials^(1/k)⌋ evenly spaced values per range (log-spaced on log ranges), every combination: all of the
         * trials with one range.
         */
        GRID("grid");

        private final String label;

        Search(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What makes one trial better than another; a diverged trial is worse than every finished one. */
    public enum Select {
        /** The lowest validation loss at the last evaluation. */
        FINAL_VALIDATION_LOSS("final_validation_loss"),
        /** The highest validation accuracy at the last evaluation (the book's §6.5 ranks by it). */
        VALIDATION_ACCURACY("validation_accuracy");

        private final String label;

        Select(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
