package dev.descent.experiments.tuning;

import dev.descent.experiments.batch.ParameterRange;
import dev.descent.experiments.batch.TuningSpec;
import dev.descent.optimizers.OptimizerSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The trials of one optimizer: {@link TuningSpec#trials()} points of the tuning's ranges.
 *
 * <p>Random search draws every trial's values independently, range by range in the spec's order, from a
 * {@link SplittableRandom} seeded by the tuning's seed and the optimizer's canonical spec (a SHA-256 of both), so
 * each optimizer has its own reproducible stream: adding another optimizer to the spec changes no other's trials.
 * A log range [a, b] is 10^u with u uniform on [log10 a, log10 b], as the book's {@code 10 ** np.random.uniform(-6,
 * -2)}; a uniform range is a + u·(b − a). Grid search takes ⌊trials^(1/k)⌋ evenly spaced points of each of its k
 * ranges (log-spaced on log ranges, both bounds included), every combination, the first range varying slowest.
 *
 * <p>Drawn values are rounded to {@value #SIGNIFICANT_DIGITS} significant digits before they become a spec, so
 * labels stay readable ({@code lr=0.000316}); the draw itself ({@link #draw}) is the unrounded number.
 */
public final class TrialDraws {
    /** Digits kept of a drawn value: finer than any difference a tuning of 100 trials can tell. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private TrialDraws() {
    }

    /**
     * The trials of {@code base}.
     *
     * @throws IllegalArgumentException when a drawn value is out of the rule's range
     */
    public static List<Trial> of(TuningSpec tuning, OptimizerSpec base) {
        List<ParameterRange> ranges = tuning.ranges().stream()
                .filter(range -> range.isNetworkWeightDecay() || base.hyperparameters().containsKey(range.key()))
                .toList();
        List<double[]> points = tuning.search() == TuningSpec.Search.RANDOM
                ? randomPoints(tuning.trials(), ranges, base, new SplittableRandom(streamSeed(tuning.seed(), base)))
                : gridPoints(tuning.trials(), ranges, base);
        List<Trial> trials = new ArrayList<>();
        for (int t = 0; t < points.size(); t++) {
            OptimizerSpec spec = base;
            double weightDecay = Double.NaN;
            for (int r = 0; r < ranges.size(); r++) {
                double value = round(points.get(t)[r]);
                if (ranges.get(r).isNetworkWeightDecay()) {
                    weightDecay = value;
                } else {
                    spec = spec.with(ranges.get(r).key(), value);
                }
            }
            trials.add(new Trial(base, t, spec, weightDecay));
        }
        return trials;
    }

    /** One value of {@code range} for {@code base} from a uniform number u in [0, 1). */
    public static double draw(ParameterRange range, OptimizerSpec base, double u) {
        double[] bounds = bounds(range, base);
        if (range.scale() == ParameterRange.Scale.UNIFORM) {
            return bounds[0] + u * (bounds[1] - bounds[0]);
        }
        double low = Math.log10(bounds[0]);
        double high = Math.log10(bounds[1]);
        return Math.pow(10, low + u * (high - low));
    }

    /** [low, high] of {@code range} for {@code base}: a decades range is centred on the base's own value. */
    public static double[] bounds(ParameterRange range, OptimizerSpec base) {
        if (range.scale() != ParameterRange.Scale.DECADES) {
            return new double[] {range.low(), range.high()};
        }
        double centre = base.hyperparameters().get(range.key());
        double factor = Math.pow(10, range.low());
        return new double[] {centre / factor, centre * factor};
    }

    /** The value rounded to {@value #SIGNIFICANT_DIGITS} significant digits. */
    public static double round(double value) {
        return new BigDecimal(value).round(new MathContext(SIGNIFICANT_DIGITS)).doubleValue();
    }

    private static List<double[]> randomPoints(int trials, List<ParameterRange> ranges, OptimizerSpec base,
                                               SplittableRandom random) {
        List<double[]> points = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            double[] point = new double[ranges.size()];
            for (int r = 0; r < ranges.size(); r++) {
                point[r] = draw(ranges.get(r), base, random.nextDouble());
            }
            points.add(point);
        }
        return points;
    }

    private static List<double[]> gridPoints(int trials, List<ParameterRange> ranges, OptimizerSpec base) {
        int k = ranges.size();
        int perRange = perRange(trials, k);
        List<double[]> points = new ArrayList<>();
        points.add(new double[k]);
        for (int r = 0; r < k; r++) {
            List<double[]> longer = new ArrayList<>();
            for (double[] point : points) {
                for (int i = 0; i < perRange; i++) {
                    double[] next = point.clone();
                    // Both bounds included; one point alone sits in the middle (the geometric middle on a log scale).
                    next[r] = draw(ranges.get(r), base, perRange == 1 ? 0.5 : (double) i / (perRange - 1));
                    longer.add(next);
                }
            }
            points = longer;
        }
        return points;
    }

    /** ⌊trials^(1/k)⌋, computed in integers so that 100 trials over 2 ranges is 10 per range, not 9. */
    static int perRange(int trials, int ranges) {
        if (ranges == 0) {
            return 1;
        }
        int n = 1;
        while (Math.pow(n + 1, ranges) <= trials) {
            n++;
        }
        return n;
    }

    /** The seed of one optimizer's draws: SHA-256 of the tuning seed and the canonical spec. */
    static long streamSeed(long seed, OptimizerSpec base) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
            digest.update(base.canonical().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest.digest()).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
