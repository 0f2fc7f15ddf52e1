package dev.descent.optimizers;

/**
 * AdaGrad: a learning rate per parameter that shrinks with the sum of that parameter's squared gradients, so
 * parameters that have moved a lot take smaller steps.
 *
 * <p>Rule: {@code h += g²; W −= lr·g / (√h + eps)}, with h starting at 0.
 *
 * <p>Memory: one float per parameter (h).
 *
 * <p>Defaults: lr 0.01, eps 1e-7 ({@link Optimizers#DEFAULT_EPS}). Spec: {@code adagrad:lr=0.01,eps=1e-07}.
 *
 * <p>Source: 『ゼロから作るDeep Learning』 §6.1.5; Duchi, Hazan &amp; Singer 2011, "Adaptive subgradient methods
 * for online learning and stochastic optimization", JMLR 12.
 */
public final class AdaGrad extends BaseOptimizer {

    /** Spec name. */
    public static final String NAME = "adagrad";
    /** The book's default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    private final double learningRate;
    /** This update's lr (learning rate × schedule multiplier), rounded once. */
    private float lr;
    private final float eps;

    /** AdaGrad with the book's defaults. */
    public AdaGrad() {
        this(DEFAULT_LEARNING_RATE, Optimizers.DEFAULT_EPS);
    }

    /**
     * AdaGrad with the given learning rate and the default eps.
     *
     * @param learningRate step size, {@code > 0} and finite
     * @throws IllegalArgumentException naming the value if it is out of range
     */
    public AdaGrad(double learningRate) {
        this(learningRate, Optimizers.DEFAULT_EPS);
    }

    /**
     * @param learningRate step size before scaling, {@code > 0} and finite
     * @param eps added to √h so the first steps and zero gradients stay finite, {@code > 0} and finite
     * @throws IllegalArgumentException naming the value if one is out of range
     */
    public AdaGrad(double learningRate, double eps) {
        super(NAME, 1);
        this.learningRate = positive(LR, learningRate);
        this.eps = (float) positive(EPS, eps);
    }

    @Override
    void beginUpdate() {
        lr = (float) (learningRate * learningRateScale());
    }

    @Override
    void apply(float[] W, float[] dW, float[][] state) {
        float[] h = state[0];
        float lr = this.lr;
        float eps = this.eps;
        for (int i = 0; i < W.length; i++) {
            float g = dW[i];
            h[i] += g * g;
            W[i] -= lr * g / ((float) Math.sqrt(h[i]) + eps);
        }
    }
}
