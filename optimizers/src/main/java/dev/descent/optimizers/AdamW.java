package dev.descent.optimizers;

/**
 * AdamW: Adam with decoupled weight decay, in PyTorch's form, where the decay shrinks the weights directly instead
 * of being added to the gradient (so it is not divided by √v̂).
 *
 * <p>Rule, once per {@link #update} call and then per element, t counting update calls from 1:
 * <pre>
 *   W *= 1 − lr·λ                              decoupled weight decay
 *   m = β1·m + (1−β1)·g                        first moment
 *   v = β2·v + (1−β2)·g²                       second raw moment
 *   W −= (lr/(1−β1ᵗ)) · m / (√v/√(1−β2ᵗ) + ε)   bias-corrected step, ε added to √v̂
 * </pre>
 * m and v start at 0.
 *
 * <p>How it differs from {@code torch.optim.AdamW}: only in float32 rounding (the scalars lr/(1−β1ᵗ), √(1−β2ᵗ)
 * and 1 − lr·λ are computed in double and rounded once per update). It differs from this project's {@link Adam},
 * which is the book's: ε there is added to the uncorrected √v and the default ε is 1e-7.
 *
 * <p>Memory: two floats per parameter (m, v) and one step counter.
 *
 * <p>Defaults (PyTorch's): lr 0.001, β1 0.9, β2 0.999, eps 1e-8, weight_decay 0.01.
 * Spec: {@code adamw:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0.01}.
 *
 * <p>Source: Loshchilov &amp; Hutter 2019, "Decoupled weight decay regularization", ICLR, Algorithm 2;
 * {@code torch.optim.AdamW}.
 */
public final class AdamW extends BaseOptimizer {

    /** Spec name. */
    public static final String NAME = "adamw";
    /** PyTorch's defaults, in canonical order: lr, β1, β2, ε, weight decay λ. */
    public static final double[] DEFAULTS = {0.001, 0.9, 0.999, 1e-8, 0.01};

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double weightDecay;
    private final float beta1f;
    private final float beta2f;
    private final float oneMinusBeta1;
    private final float oneMinusBeta2;
    private final float eps;

    private long t;
    /** This update's scalars, each computed in double and rounded once. */
    private float decay;
    private float stepSize;
    private float biasCorrection2Sqrt;

    /** AdamW with PyTorch's defaults. */
    public AdamW() {
        this(DEFAULTS[0], DEFAULTS[1], DEFAULTS[2], DEFAULTS[3], DEFAULTS[4]);
    }

    /**
     * @param learningRate step size, {@code > 0} and finite
     * @param beta1 decay of the first moment, in [0, 1)
     * @param beta2 decay of the second moment, in [0, 1)
     * @param eps added to √v̂, {@code > 0} and finite
     * @param weightDecay decoupled decay λ per unit of learning rate, {@code >= 0}
     * @throws IllegalArgumentException naming the value if one is out of range
     */
    public AdamW(double learningRate, double beta1, double beta2, double eps, double weightDecay) {
        super(NAME, 2);
        this.learningRate = positive(LR, learningRate);
        this.beta1 = fraction(BETA1, beta1);
        this.beta2 = fraction(BETA2, beta2);
        this.eps = (float) positive(EPS, eps);
        this.weightDecay = nonNegative(WEIGHT_DECAY, weightDecay);
        this.beta1f = (float) this.beta1;
        this.beta2f = (float) this.beta2;
        this.oneMinusBeta1 = (float) (1 - this.beta1);
        this.oneMinusBeta2 = (float) (1 - this.beta2);
    }

    @Override
    void beginUpdate() {
        t++;
        double lr = learningRate * learningRateScale();
        decay = (float) (1 - lr * weightDecay);
        stepSize = (float) (lr / (1 - Math.pow(beta1, t)));
        biasCorrection2Sqrt = (float) Math.sqrt(1 - Math.pow(beta2, t));
    }

    @Override
    void apply(float[] W, float[] dW, float[][] state) {
        float[] m = state[0];
        float[] v = state[1];
        for (int i = 0; i < W.length; i++) {
            float g = dW[i];
            W[i] *= decay;
            m[i] = beta1f * m[i] + oneMinusBeta1 * g;
            v[i] = beta2f * v[i] + oneMinusBeta2 * g * g;
            W[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) / biasCorrection2Sqrt + eps);
        }
    }
}
