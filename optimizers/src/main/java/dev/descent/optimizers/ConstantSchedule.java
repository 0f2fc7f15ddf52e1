package dev.descent.optimizers;

/**
 * The constant schedule: multiplier 1 at every iteration. The default; canonical specs leave it out, and
 * {@code adam@constant} is the same optimizer as {@code adam}.
 */
final class ConstantSchedule extends LearningRateSchedule {

    /** Spec name. */
    static final String NAME = "constant";

    ConstantSchedule() {
        super(NAME);
    }

    @Override
    double compute(long iteration, long totalIterations) {
        return 1;
    }

    @Override
    public boolean needsLength() {
        return false;
    }
}
