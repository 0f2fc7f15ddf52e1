package dev.descent.optimizers;

/**
 * Nesterov's accelerated gradient: momentum that corrects its step with the gradient where the velocity is
 * heading, written so that the gradient is taken at the current parameters.
 *
 * <p>Rule (the corrected form, in this order): {@code W += μ²·v; W −= (1+μ)·lr·g; v = μ·v − lr·g}, with v
 * starting at 0. The first two lines use the velocity of the previous step; only then is v advanced. This is
 * Bengio et al.'s reformulation {@code W += −μ·v_old + (1+μ)·v_new} expanded. The book's published
 * {@code common/optimizer.py} advances v first and then adds {@code μ²·v_new}, which is not that formula;
 * this project uses the corrected order.
 *
 * <p>Memory: one float per parameter (v).
 *
 * <p>Defaults: lr 0.01, momentum 0.9. Spec: {@code nesterov:lr=0.01,momentum=0.9}.
 *
 * <p>Source: 『ゼロから作るDeep Learning』 §6.1 ({@code common/optimizer.py}); Nesterov 1983, "A method for
 * solving the convex programming problem with convergence rate O(1/k²)"; Bengio, Boulanger-Lewandowski &amp;
 * Pascanu 2012, "Advances in optimizing recurrent networks" (arXiv:1212.0901), for the form used here.
 */
public final class Nesterov extends BaseOptimizer {

    /** Spec name. */
    public static final String NAME = "nesterov";
    /** The book's default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    /** The book's default momentum μ. */
    public static final double DEFAULT_MOMENTUM = 0.9;

    private static final String MOMENTUM = "momentum";

    private final double learningRate;
    private final double momentum;
    private final float mu;
    private final float muSquared;
    /** This update's lr and (1+μ)·lr, with the schedule's multiplier, each rounded once. */
    private float lr;
    private float gradientStep;

    /** Nesterov with the book's defaults. */
    public Nesterov() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_MOMENTUM);
    }

    /**
     * Nesterov with the given learning rate and the default momentum.
     *
     * @param learningRate step size, {@code > 0} and finite
     * @throws IllegalArgumentException naming the value if it is out of range
     */
    public Nesterov(double learningRate) {
        this(learningRate, DEFAULT_MOMENTUM);
    }

    /**
     * @param learningRate step size, {@code > 0} and finite
     * @param momentum the fraction μ of the velocity kept each step, in [0, 1)
     * @throws IllegalArgumentException naming the value if one is out of range
     */
    public Nesterov(double learningRate, double momentum) {
        super(NAME, 1);
        double learningRateChecked = positive(LR, learningRate);
        double momentumChecked = fraction(MOMENTUM, momentum);
        this.learningRate = learningRateChecked;
        this.momentum = momentumChecked;
        this.mu = (float) momentumChecked;
        // The book multiplies these scalars before they meet an array, so they are one rounding each here too.
        this.muSquared = (float) (momentumChecked * momentumChecked);
    }

    @Override
    void beginUpdate() {
        double scaledLearningRate = learningRate * learningRateScale();
        lr = (float) scaledLearningRate;
        gradientStep = (float) ((1 + momentum) * scaledLearningRate);
    }

    @Override
    void apply(float[] W, float[] dW, float[][] state) {
        float[] v = state[0];
        float lr = this.lr;
        float mu = this.mu;
        float muSquared = this.muSquared;
        float gradientStep = this.gradientStep;
        for (int i = 0; i < W.length; i++) {
            float g = dW[i];
            float vOld = v[i];
            W[i] += muSquared * vOld;
            W[i] -= gradientStep * g;
            v[i] = mu * vOld - lr * g;
        }
    }
}
