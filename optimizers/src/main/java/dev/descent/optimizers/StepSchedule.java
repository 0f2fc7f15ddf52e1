package dev.descent.optimizers;

/**
 * Step decay: the learning rate is multiplied by γ after every N iterations.
 *
 * <p>Multiplier at iteration i (from 1): {@code γ^⌊(i−1)/N⌋}, so iterations 1…N run at the full rate, N+1…2N at
 * γ times it. This is {@code torch.optim.lr_scheduler.StepLR(step_size=N, gamma=γ)} stepped once per iteration.
 *
 * <p>Defaults: every 1000, gamma 0.1. Spec: {@code step:every=1000,gamma=0.1}.
 */
final class StepSchedule extends LearningRateSchedule {

    static final String NAME = "step";
    static final double DEFAULT_EVERY = 1000;
    static final double DEFAULT_GAMMA = 0.1;

    private final long every;
    private final double gamma;

    StepSchedule(double every, double gamma) {
        super(NAME);
        this.every = count("every", every, 1);
        this.gamma = unitInterval("gamma", gamma, true);
    }

    @Override
    double compute(long iteration, long totalIterations) {
        return Math.pow(gamma, (iteration - 1) / every);
    }

    @Override
    public boolean needsLength() {
        return false;
    }
}
