package dev.descent.optimizers;

/**
 * Warm-up, stable, decay (WSD): linear warm-up, the full rate for most of the run, then a linear decay to 0 over
 * the last fraction {@code decay} of the run (Hu et al. 2024, "MiniCPM", §4).
 *
 * <p>Multiplier at iteration i of T (from 1), with W warm-up iterations and D = decay·T decay iterations:
 * <pre>
 *   min( min(1, i/W),  min(1, (T − i)/D) )      (0 at i = T; no warm-up factor when W = 0)
 * </pre>
 *
 * <p>Defaults: warmup 0, decay 0.2. Spec: {@code wsd:warmup=0,decay=0.2}.
 */
final class WarmupStableDecaySchedule extends LearningRateSchedule {

    static final String NAME = "wsd";
    static final double DEFAULT_WARMUP = 0;
    static final double DEFAULT_DECAY = 0.2;

    private final long warmup;
    private final double decay;

    WarmupStableDecaySchedule(double warmup, double decay) {
        super(NAME);
        this.warmup = count("warmup", warmup, 0);
        this.decay = unitInterval("decay", decay, true);
    }

    @Override
    double compute(long iteration, long totalIterations) {
        double cooldown = Math.min(1, (totalIterations - iteration) / (decay * totalIterations));
        return Math.min(warmup(iteration, warmup), cooldown);
    }

    @Override
    public boolean needsLength() {
        return true;
    }
}
