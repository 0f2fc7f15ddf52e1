package dev.descent.optimizers;

/**
 * Linear warm-up, then linear decay to the final multiplier {@code min} at the last iteration.
 *
 * <p>Multiplier at iteration i of T (from 1), with W warm-up iterations and p = (i − W)/(T − W):
 * <pre>
 *   i ≤ W:  i / W
 *   i > W:  1 − (1 − min)·p          (p = 1, so the multiplier is min, at i = T)
 * </pre>
 *
 * <p>Defaults: warmup 0, min 0. Spec: {@code linear:warmup=0,min=0}.
 */
final class LinearSchedule extends LearningRateSchedule {

    static final String NAME = "linear";
    static final double DEFAULT_WARMUP = 0;
    static final double DEFAULT_MIN = 0;

    private final long warmup;
    private final double min;

    LinearSchedule(double warmup, double min) {
        super(NAME);
        this.warmup = count("warmup", warmup, 0);
        this.min = unitInterval("min", min, false);
    }

    @Override
    double compute(long iteration, long totalIterations) {
        if (iteration <= warmup) {
            return warmup(iteration, warmup);
        }
        double p = (double) (iteration - warmup) / (totalIterations - warmup);
        return 1 - (1 - min) * p;
    }

    @Override
    public boolean needsLength() {
        return true;
    }
}
