package dev.descent.optimizers;

/**
 * Adam: momentum on the gradient (first moment m) scaled per parameter by the root of a leaky mean of squared
 * gradients (second raw moment v), with both running means corrected for starting at zero.
 *
 * <p>Rule, in the paper's "efficient" order, once per {@link #update} call and then per element:
 * <pre>
 *   t += 1
 *   lr_t = lr·√(1−β2ᵗ) / (1−β1ᵗ)          bias corrections folded into one scalar (double)
 *   m += (1−β1)·(g − m)                     first moment
 *   v += (1−β2)·(g² − v)                    second raw moment
 *   W −= lr_t·m / (√v + eps)
 * </pre>
 * m and v start at 0; t counts update calls of this optimizer (one counter for all keys, as in the book).
 *
 * <p>How this differs from PyTorch's {@code torch.optim.Adam}: PyTorch corrects each moment first,
 * {@code m̂ = m/(1−β1ᵗ)}, {@code v̂ = v/(1−β2ᵗ)}, and steps {@code W −= lr·m̂/(√v̂ + ε)} with ε = 1e-8. Here ε is
 * added to the uncorrected √v and the correction is folded into lr_t, which equals PyTorch's step with ε
 * replaced by {@code eps/√(1−β2ᵗ)} (about 3.2e-6 at t = 1 with the defaults, falling to 1e-7 as t grows), and
 * the default eps is 1e-7. With float32 and a different order of operations, the two agree closely but not
 * bit for bit.
 *
 * <p>Memory: two floats per parameter (m, v) and one step counter.
 *
 * <p>Defaults: lr 0.001, β1 0.9, β2 0.999, eps 1e-7 ({@link Optimizers#DEFAULT_EPS}).
 * Spec: {@code adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07}.
 *
 * <p>Source: 『ゼロから作るDeep Learning』 §6.1.6; Kingma &amp; Ba 2015, "Adam: A method for stochastic
 * optimization", ICLR, §2 (the efficient version of Algorithm 1).
 */
public final class Adam extends BaseOptimizer {

    /** Spec name. */
    public static final String NAME = "adam";
    /** The book's default learning rate. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    /** The book's default decay β1 of the first moment. */
    public static final double DEFAULT_BETA1 = 0.9;
    /** The book's default decay β2 of the second moment. */
    public static final double DEFAULT_BETA2 = 0.999;

    private static final String BETA1 = "beta1";
    private static final String BETA2 = "beta2";

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final float oneMinusBeta1;
    private final float oneMinusBeta2;
    private final float eps;

    /** Update calls so far. */
    private long t;
    /** This call's lr_t, computed in double and rounded once. */
    private float lrT;

    /** Adam with the book's defaults. */
    public Adam() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_BETA1, DEFAULT_BETA2, Optimizers.DEFAULT_EPS);
    }

    /**
     * Adam with the given learning rate and the default β1, β2 and eps.
     *
     * @param learningRate step size, {@code > 0} and finite
     * @throws IllegalArgumentException naming the value if it is out of range
     */
    public Adam(double learningRate) {
        this(learningRate, DEFAULT_BETA1, DEFAULT_BETA2, Optimizers.DEFAULT_EPS);
    }

    /**
     * @param learningRate step size before scaling, {@code > 0} and finite
     * @param beta1 decay β1 of the first moment, in [0, 1)
     * @param beta2 decay β2 of the second moment, in [0, 1)
     * @param eps added to √v so zero gradients stay finite, {@code > 0} and finite
     * @throws IllegalArgumentException naming the value if one is out of range
     */
    public Adam(double learningRate, double beta1, double beta2, double eps) {
        super(NAME, 2);
        this.learningRate = positive(LR, learningRate);
        this.beta1 = fraction(BETA1, beta1);
        this.beta2 = fraction(BETA2, beta2);
        this.eps = (float) positive(EPS, eps);
        this.oneMinusBeta1 = (float) (1 - this.beta1);
        this.oneMinusBeta2 = (float) (1 - this.beta2);
    }

    @Override
    void beginUpdate() {
        t++;
        lrT = (float) (learningRate * learningRateScale() * Math.sqrt(1.0 - Math.pow(beta2, t)) / (1.0 - Math.pow(beta1, t)));
    }

    @Override
    void apply(float[] W, float[] dW, float[][] state) {
        float[] m = state[0];
        float[] v = state[1];
        float lrT = this.lrT;
        float oneMinusBeta1 = this.oneMinusBeta1;
        float oneMinusBeta2 = this.oneMinusBeta2;
        float eps = this.eps;
        for (int i = 0; i < W.length; i++) {
            float g = dW[i];
            m[i] += oneMinusBeta1 * (g - m[i]);
            v[i] += oneMinusBeta2 * (g * g - v[i]);
            W[i] -= lrT * m[i] / ((float) Math.sqrt(v[i]) + eps);
        }
    }
}
