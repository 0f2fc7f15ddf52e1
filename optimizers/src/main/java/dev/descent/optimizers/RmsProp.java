package dev.descent.optimizers;

/**
 * RMSProp: AdaGrad with a leaky sum, so old gradients fade and the step size does not shrink to nothing.
 *
 * <p>Rule: {@code h = ρ·h + (1−ρ)·g²; W −= lr·g / (√h + eps)}, with h starting at 0, evaluated as the book
 * does: {@code h *= ρ; h += (1−ρ)·g·g}.
 *
 * <p>Memory: one float per parameter (h).
 *
 * <p>Defaults: lr 0.01, decay ρ 0.99, eps 1e-7 ({@link Optimizers#DEFAULT_EPS}).
 * Spec: {@code rmsprop:lr=0.01,decay=0.99,eps=1e-07}.
 *
 * <p>Source: 『ゼロから作るDeep Learning』 §6.1.5; Tieleman &amp; Hinton 2012, "Lecture 6.5 — RMSProp",
 * COURSERA: Neural Networks for Machine Learning.
 */
public final class RmsProp extends BaseOptimizer {

    /** Spec name. */
    public static final String NAME = "rmsprop";
    /** The book's default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    /** The book's default decay rate ρ. */
    public static final double DEFAULT_DECAY = 0.99;

    private static final String DECAY = "decay";

    private final double learningRate;
    /** This update's lr (learning rate × schedule multiplier), rounded once. */
    private float lr;
    private final float rho;
    private final float oneMinusRho;
    private final float eps;

    /** RMSProp with the book's defaults. */
    public RmsProp() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_DECAY, Optimizers.DEFAULT_EPS);
    }

    /**
     * RMSProp with the given learning rate and the default decay and eps.
     *
     * @param learningRate step size, {@code > 0} and finite
     * @throws IllegalArgumentException naming the value if it is out of range
     */
    public RmsProp(double learningRate) {
        this(learningRate, DEFAULT_DECAY, Optimizers.DEFAULT_EPS);
    }

    /**
     * @param learningRate step size before scaling, {@code > 0} and finite
     * @param decay the fraction ρ of h kept each step, in [0, 1)
     * @param eps added to √h so zero gradients stay finite, {@code > 0} and finite
     * @throws IllegalArgumentException naming the value if one is out of range
     */
    public RmsProp(double learningRate, double decay, double eps) {
        super(NAME, 1);
        this.learningRate = positive(LR, learningRate);
        double decayChecked = fraction(DECAY, decay);
        this.eps = (float) positive(EPS, eps);
        this.rho = (float) decayChecked;
        this.oneMinusRho = (float) (1 - decayChecked);
    }

    @Override
    void beginUpdate() {
        lr = (float) (learningRate * learningRateScale());
    }

    @Override
    void apply(float[] W, float[] dW, float[][] state) {
        float[] h = state[0];
        float lr = this.lr;
        float rho = this.rho;
        float oneMinusRho = this.oneMinusRho;
        float eps = this.eps;
        for (int i = 0; i < W.length; i++) {
            float g = dW[i];
            h[i] *= rho;
            h[i] += oneMinusRho * g * g;
            W[i] -= lr * g / ((float) Math.sqrt(h[i]) + eps);
        }
    }
}
