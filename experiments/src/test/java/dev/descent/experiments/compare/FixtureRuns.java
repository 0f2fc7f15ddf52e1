package dev.descent.experiments.compare;

import dev.descent.experiments.train.EvaluationSet;
import dev.descent.experiments.train.Sampling;
import dev.descent.experiments.train.TrainingSetup;
import dev.descent.mnist.Fixture;
import dev.descent.mnist.MnistData;
import dev.descent.network.Activation;
import dev.descent.optimizers.Optimizers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The committed MNIST fixture (1000 train, 1000 test real records), loaded once, and setups on it. */
final class FixtureRuns {
    private static MnistData data;
    private static EvaluationSet test;

    private FixtureRuns() {
    }

    static synchronized MnistData data() {
        if (data == null) {
            try {
                data = Fixture.load();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return data;
    }

    static synchronized EvaluationSet test() {
        if (test == null) {
            test = EvaluationSet.of(data().test());
        }
        return test;
    }

    /** The book's net and sampling with the given loop length, batch, evaluation interval and seed. */
    static TrainingSetup setup(int iterations, int batchSize, int evalEvery, long seed) {
        return new TrainingSetup("mnist", TrainingSetup.BOOK_HIDDEN_SIZES, Activation.RELU, "he", 0, iterations,
                batchSize, Sampling.WITH_REPLACEMENT, evalEvery, seed);
    }

    static CompareSettings settings(TrainingSetup setup, int threads, String... specs) {
        List<String> canonical = List.of(specs).stream().map(spec -> Optimizers.parse(spec).toString()).toList();
        return new CompareSettings(setup, canonical, null, threads);
    }
}
