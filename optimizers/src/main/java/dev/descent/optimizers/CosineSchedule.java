package dev.descent.optimizers;

/**
 * Linear warm-up, then half a cosine from 1 down to the final multiplier {@code min} at the last iteration
 * (Loshchilov &amp; Hutter 2017, "SGDR", without restarts; Goyal et al. 2017 for the linear warm-up).
 *
 * <p>Multiplier at iteration i of T (from 1), with W warm-up iterations and p = (i − W)/(T − W):
 * <pre>
 *   i ≤ W:  i / W
 *   i > W:  min + (1 − min)·(1 + cos(π·p))/2      (min at i = T)
 * </pre>
 *
 * <p>Defaults: warmup 0, min 0. Spec: {@code cosine:warmup=0,min=0}.
 */
final class CosineSchedule extends LearningRateSchedule {

    static final String NAME = "cosine";
    static final double DEFAULT_WARMUP = 0;
    static final double DEFAULT_MIN = 0;

    private final long warmup;
    private final double min;

    CosineSchedule(double warmup, double min) {
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
        return min + (1 - min) * (1 + Math.cos(Math.PI * p)) / 2;
    }

    @Override
    public boolean needsLength() {
        return true;
    }
}
