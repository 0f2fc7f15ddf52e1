package dev.descent.experiments.compare;

import dev.descent.experiments.train.TrainingSetup;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

/**
 * A validated comparison: the training setup every optimizer shares, the optimizers as canonical specs (no two
 * equal), where the data comes from and how many runs train at once.
 *
 * @param setup      data set, net, loop and seed, shared by every run
 * @param optimizers canonical optimizer specs, in the order given
 * @param dataDir    the explicit data directory, or null for the data set's default one
 * @param threads    runs trained at the same time, at least 1
 */
public record CompareSettings(TrainingSetup setup, List<String> optimizers, Path dataDir, int threads) {

    public CompareSettings {
        optimizers = List.copyOf(optimizers);
        if (optimizers.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs at least one optimizer");
        }
        if (new HashSet<>(optimizers).size() != optimizers.size()) {
            throw new IllegalArgumentException("optimizer specs repeat in " + optimizers);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }
}
