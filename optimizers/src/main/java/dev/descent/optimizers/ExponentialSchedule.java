package dev.descent.optimizers;

/**
 * Exponential decay: the learning rate is multiplied by γ after every iteration.
 *
 * <p>Multiplier at iteration i (from 1): {@code γ^(i−1)}. This is
 * {@code torch.optim.lr_scheduler.ExponentialLR(gamma=γ)} stepped once per iteration.
 *
 * <p>Default: gamma 0.999 (a factor 0.135 after 2000 iterations). Spec: {@code exp:gamma=0.999}.
 */
final class ExponentialSchedule extends LearningRateSchedule {

    static final String NAME = "exp";
    static final double DEFAULT_GAMMA = 0.999;

    private final double gamma;

    ExponentialSchedule(double gamma) {
        super(NAME);
        this.gamma = unitInterval("gamma", gamma, true);
    }

    @Override
    double compute(long iteration, long totalIterations) {
        return Math.pow(gamma, iteration - 1);
    }

    @Override
    public boolean needsLength() {
        return false;
    }
}
