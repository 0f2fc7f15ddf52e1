package dev.descent.experiments.train;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A live, thread-safe view of one run for progress displays: the worker writes a loss, then publishes the count;
 * a reader that sees count {@code n} sees the first {@code n} losses (the atomic's write-then-read ordering).
 */
public final class RunProgress {
    private final String optimizer;
    private final int iterations;
    private final double[] losses; // (iterations)
    private final AtomicInteger completed = new AtomicInteger();
    private volatile boolean finished;
    private volatile int divergedAt = -1;

    public RunProgress(String optimizer, int iterations) {
        this.optimizer = optimizer;
        this.iterations = iterations;
        this.losses = new double[iterations];
    }

    void record(int iteration, double loss) {
        losses[iteration] = loss;
        completed.set(iteration + 1);
    }

    void diverged(int iteration) {
        divergedAt = iteration;
    }

    void finish() {
        finished = true;
    }

    public String optimizer() {
        return optimizer;
    }

    public int iterations() {
        return iterations;
    }

    /** Iterations whose loss is recorded so far. */
    public int completed() {
        return completed.get();
    }

    /** The loss of a recorded iteration ({@code iteration < completed()}). */
    public double loss(int iteration) {
        if (iteration >= completed.get()) {
            throw new IllegalStateException("iteration " + iteration + " of " + optimizer + " is not recorded yet");
        }
        return losses[iteration];
    }

    /** True once the run has stopped, for whatever reason. */
    public boolean finished() {
        return finished;
    }

    /** The iteration whose loss was not finite, or -1. */
    public int divergedAt() {
        return divergedAt;
    }
}
