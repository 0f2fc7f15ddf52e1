package dev.descent.experiments.pipeline;

import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.Variant;
import dev.descent.experiments.common.UserError;
import dev.descent.experiments.train.TrainingSetup;
import java.util.List;
import java.util.Locale;

/**
 * What an experiment will cost, estimated before anything is loaded or created, and a refusal with the estimate
 * when it is beyond a limit: a run count above {@code --max-runs}, or more memory than the JVM may use. A sweep of a
 * million settings or {@code --hidden 1000000} then fails in a second with numbers, not after hours with an
 * {@link OutOfMemoryError}.
 *
 * <p>Memory: every run's curves are kept until the summary is written (8 bytes a loss, 12 an evaluation), and each
 * training thread holds one net: its parameters with their gradients and up to three optimizer state arrays (5
 * floats a parameter), and the activations of a batch (about 4 floats a unit: output, mask or cache, gradient);
 * the data set is kept once, as packed bytes.
 * Time: {@link #MS_PER_ITERATION_PER_MILLION_PARAMETERS} per million parameters, measured for the book's net.
 */
public final class Budget {
    /** The default of {@code --max-runs}. */
    public static final int DEFAULT_MAX_RUNS = 10_000;
    /** About 1.2 ms per iteration for the book's 0.12 M parameters (the README's speed section), scaled linearly. */
    static final double MS_PER_ITERATION_PER_MILLION_PARAMETERS = 10.0;
    private static final int INPUT_SIZE = 784;
    private static final int OUTPUT_SIZE = 10;
    private static final long FLOATS_PER_PARAMETER = 5;
    /**
     * MNIST's 70,000 images and labels, kept as runs of non-zero bytes: about 200 bytes an image (81 % zeros) and
     * a label. Fashion-MNIST's, about half zeros, take up to about 500 bytes an image ({@link #FASHION_DATA_BYTES}).
     */
    private static final long DATA_BYTES = 70_000L * (220 + 1);
    private static final long FASHION_DATA_BYTES = 70_000L * (500 + 1);
    private static final long FLOATS_PER_UNIT = 4;
    private static final double USABLE_HEAP = 0.9;

    private Budget() {
    }

    /**
     * @param maxRuns       the run limit; {@code maxRunsOption} names how to raise it
     * @param maxMemory     bytes the JVM may use ({@link Runtime#maxMemory()})
     * @param sizeSources   how the message names what sets the size, e.g. {@code --iterations, --hidden}
     * @throws UserError with the estimate and what to change
     */
    public static void check(ExperimentSpec spec, int threads, int maxRuns, String maxRunsOption, long maxMemory,
                      String sizeSources) {
        long runs = (long) spec.variants().size() * spec.optimizers().size() * spec.seeds().size();
        // A tuning runs its trials before the reruns on the seeds.
        long trials = spec.tuning() == null ? 0 : (long) spec.optimizers().size() * spec.tuning().trials();
        runs += trials;
        long largestNet = 0;
        long largestActivations = 0;
        long dataBytes = DATA_BYTES;
        for (Variant variant : spec.variants()) {
            TrainingSetup setup = spec.setup(variant, spec.seeds().get(0));
            dataBytes = "mnist".equals(setup.dataset()) ? dataBytes : FASHION_DATA_BYTES;
            largestNet = Math.max(largestNet, parameters(setup.hiddenSizes()));
            largestActivations = Math.max(largestActivations, units(setup.hiddenSizes()) * spec.batchSize());
        }
        double hours = runs * (double) spec.iterations() * MS_PER_ITERATION_PER_MILLION_PARAMETERS
            * (largestNet / 1e6) / Math.max(1, threads) / 3.6e6;
        long curves = runs * (8L * spec.iterations() + 12L * (spec.iterations() / Math.max(1, spec.evalEvery()) + 2));
        long training = Math.min(threads, runs) * 4 * (FLOATS_PER_PARAMETER * largestNet
            + FLOATS_PER_UNIT * largestActivations);
        long bytes = dataBytes + curves + training;
        String estimate = String.format(Locale.ROOT, "%,d run%s (%d variant%s × %d optimizer setting%s × %d"
                + " seed%s%s) of %,d iterations on a net of %,d parameters: about %s of computing on %d thread%s and %s"
                + " of memory",
            runs, plural(runs), spec.variants().size(), plural(spec.variants().size()), spec.optimizers().size(),
            plural(spec.optimizers().size()), spec.seeds().size(), plural(spec.seeds().size()),
            trials == 0 ? "" : String.format(Locale.ROOT, ", plus %,d tuning trials", trials), spec.iterations(),
            largestNet, duration(hours), threads, plural(threads), size(bytes));
        if (runs > maxRuns) {
            throw new UserError(spec.name() + " has " + estimate + "; that is more than " + maxRunsOption + " "
                + maxRuns + ". HINT: make the grid or the seed list smaller, or raise " + maxRunsOption
                + " if you mean it");
        }
        if (bytes > maxMemory * USABLE_HEAP) {
            throw new UserError(spec.name() + " has " + estimate + ", more than the " + size(maxMemory)
                + " this JVM may use. HINT: lower " + sizeSources + " or the number of runs, or give the JVM more"
                + " memory: DESCENT_JAVA_OPTS=-Xmx" + Math.max(1, (long) Math.ceil(bytes / USABLE_HEAP / (1L << 30)))
                + "g ./descent …");
        }
    }

    static long parameters(List<Integer> hidden) {
        long total = 0;
        long in = INPUT_SIZE;
        for (int width : hidden) {
            total += in * width + width;
            in = width;
        }
        return total + in * OUTPUT_SIZE + OUTPUT_SIZE;
    }

    private static long units(List<Integer> hidden) {
        long total = INPUT_SIZE + OUTPUT_SIZE;
        for (int width : hidden) {
            total += width;
        }
        return total;
    }

    private static String plural(long count) {
        return count == 1 ? "" : "s";
    }

    static String duration(double hours) {
        if (hours < 1.0 / 60) {
            return "less than a minute";
        }
        return hours < 1 ? String.format(Locale.ROOT, "%.0f min", hours * 60)
            : String.format(Locale.ROOT, "%,.0f h", hours);
    }

    static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
            : String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
    }
}
