package dev.descent.optimizers;

/**
 * Nesterov momentum exactly as the book's published {@code common/optimizer.py} writes it: the velocity is
 * advanced first and the parameter then takes {@code μ²·v_new}. For reproducing the book's code; {@link Nesterov}
 * is Bengio et al.'s form, which uses the previous velocity and equals {@code torch.optim.SGD(nesterov=True)}.
 *
 * <p>Rule, per element, in this order:
 * <pre>
 *   v *= μ
 *   v −= lr·g
 *   W += μ²·v
 *   W −= (1+μ)·lr·g
 * </pre>
 * v starts at 0. Compared with {@link Nesterov}, each step adds μ²·(μ·v_old − lr·g) instead of μ²·v_old: the
 * gradient counts (1 + μ + μ²)·lr on its first step instead of (1+μ)·lr.
 *
 * <p>PyTorch has no such rule; the parity test checks it against a NumPy float64 transcription of the book's code.
 *
 * <p>Memory: one float per parameter (v).
 *
 * <p>Defaults (the book's): lr 0.01, momentum 0.9. Spec: {@code nesterov-book:lr=0.01,momentum=0.9}.
 *
 * <p>Source: 『ゼロから作るDeep Learning』, {@code common/optimizer.py}, class {@code Nesterov}.
 */
public final class NesterovBook extends BaseOptimizer {

    /** Spec name. */
    public static final String NAME = "nesterov-book";
    /** The book's defaults, in canonical order: lr, momentum μ. */
    public static final double[] DEFAULTS = {0.01, 0.9};

    private static final String MOMENTUM = "momentum";

    private final double learningRate;
    private final double momentum;
    private final float mu;
    private final float muSquared;

    private float lr;
    private float gradientStep;

    /** The book's Nesterov with its defaults. */
    public NesterovBook() {
        this(DEFAULTS[0], DEFAULTS[1]);
    }

    /**
     * @param learningRate step size, {@code > 0} and finite
     * @param momentum the fraction μ of the velocity kept each step, in [0, 1)
     * @throws IllegalArgumentException naming the value if one is out of range
     */
    public NesterovBook(double learningRate, double momentum) {
        super(NAME, 1);
        this.learningRate = positive(LR, learningRate);
        this.momentum = fraction(MOMENTUM, momentum);
        this.mu = (float) this.momentum;
        // The book multiplies these Python floats before they meet an array: one rounding each.
        this.muSquared = (float) (this.momentum * this.momentum);
    }

    @Override
    void beginUpdate() {
        double scaled = learningRate * learningRateScale();
        lr = (float) scaled;
        gradientStep = (float) ((1 + momentum) * scaled);
    }

    @Override
    void apply(float[] W, float[] dW, float[][] state) {
        float[] v = state[0];
        for (int i = 0; i < W.length; i++) {
            float g = dW[i];
            v[i] *= mu;
            v[i] -= lr * g;
            W[i] += muSquared * v[i];
            W[i] -= gradientStep * g;
        }
    }
}
