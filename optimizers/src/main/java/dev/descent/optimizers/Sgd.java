package dev.descent.optimizers;

/**
 * Plain stochastic gradient descent: a step of fixed size against the gradient.
 *
 * <p>Rule: {@code W −= lr·g}.
 *
 * <p>Memory: no state.
 *
 * <p>Default: lr 0.01. Spec: {@code sgd:lr=0.01}.
 *
 * <p>Source: 『ゼロから作るDeep Learning』 §6.1.2 (Robbins &amp; Monro 1951 for the method).
 */
public final class Sgd extends BaseOptimizer {

    /** Spec name. */
    public static final String NAME = "sgd";
    /** The book's default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    private final double learningRate;
    /** This update's lr (learning rate × schedule multiplier), rounded once. */
    private float lr;

    /** SGD with the book's default learning rate. */
    public Sgd() {
        this(DEFAULT_LEARNING_RATE);
    }

    /**
     * @param learningRate step size, {@code > 0} and finite
     * @throws IllegalArgumentException naming the value if it is out of range
     */
    public Sgd(double learningRate) {
        super(NAME, 0);
        this.learningRate = positive(LR, learningRate);
    }

    @Override
    void beginUpdate() {
        lr = (float) (learningRate * learningRateScale());
    }

    @Override
    void apply(float[] W, float[] dW, float[][] state) {
        float lr = this.lr;
        for (int i = 0; i < W.length; i++) {
            W[i] -= lr * dW[i];
        }
    }
}
