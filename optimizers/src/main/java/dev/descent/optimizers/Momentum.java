package dev.descent.optimizers;

/**
 * Momentum SGD: a velocity that accumulates past gradients, like a ball rolling downhill with friction.
 *
 * <p>Rule: {@code v = μ·v − lr·g; W += v}, with v starting at 0.
 *
 * <p>Memory: one float per parameter (v).
 *
 * <p>Defaults: lr 0.01, momentum 0.9. Spec: {@code momentum:lr=0.01,momentum=0.9}.
 *
 * <p>Source: 『ゼロから作るDeep Learning』 §6.1.4; Polyak 1964, "Some methods of speeding up the convergence
 * of iteration methods".
 */
public final class Momentum extends BaseOptimizer {

    /** Spec name. */
    public static final String NAME = "momentum";
    /** The book's default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    /** The book's default momentum μ. */
    public static final double DEFAULT_MOMENTUM = 0.9;

    private static final String MOMENTUM = "momentum";

    private final double learningRate;
    /** This update's lr (learning rate × schedule multiplier), rounded once. */
    private float lr;
    private final float mu;

    /** Momentum with the book's defaults. */
    public Momentum() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_MOMENTUM);
    }

    /**
     * Momentum with the given learning rate and the default momentum.
     *
     * @param learningRate step size, {@code > 0} and finite
     * @throws IllegalArgumentException naming the value if it is out of range
     */
    public Momentum(double learningRate) {
        this(learningRate, DEFAULT_MOMENTUM);
    }

    /**
     * @param learningRate step size, {@code > 0} and finite
     * @param momentum the fraction μ of the velocity kept each step, in [0, 1)
     * @throws IllegalArgumentException naming the value if one is out of range
     */
    public Momentum(double learningRate, double momentum) {
        super(NAME, 1);
        this.learningRate = positive(LR, learningRate);
        this.mu = (float) fraction(MOMENTUM, momentum);
    }

    @Override
    void beginUpdate() {
        lr = (float) (learningRate * learningRateScale());
    }

    @Override
    void apply(float[] W, float[] dW, float[][] state) {
        float[] v = state[0];
        float lr = this.lr;
        float mu = this.mu;
        for (int i = 0; i < W.length; i++) {
            v[i] = mu * v[i] - lr * dW[i];
            W[i] += v[i];
        }
    }
}
