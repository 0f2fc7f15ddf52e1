package dev.descent.experiments.train;

import dev.descent.mnist.BatchSampler;
import dev.descent.mnist.EpochSampler;
import dev.descent.mnist.WithReplacementSampler;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a run draws its training batches. */
public enum Sampling {
    /** Each batch drawn uniformly with replacement, as the book's {@code np.random.choice(train_size, batch_size)}. */
    WITH_REPLACEMENT("with-replacement"),
    /** Shuffled epochs: every example once per epoch. */
    EPOCHS("epochs");

    private final String label;

    Sampling(String label) {
        this.label = label;
    }

    /** The spelling used on the command line and in result files. */
    public String label() {
        return label;
    }

    public BatchSampler sampler(int datasetSize, int batchSize, long seed) {
        return switch (this) {
            case WITH_REPLACEMENT -> new WithReplacementSampler(datasetSize, batchSize, seed);
            case EPOCHS -> new EpochSampler(datasetSize, batchSize, seed);
        };
    }

    public static Sampling parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (Sampling sampling : values()) {
            if (sampling.label.equals(wanted)) {
                return sampling;
            }
        }
        throw new IllegalArgumentException("unknown sampling '" + text + "'; valid: "
                + Arrays.stream(values()).map(Sampling::label).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
