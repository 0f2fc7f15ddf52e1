package dev.descent.optimizers;

/**
 * RAdam: Adam that turns its adaptive step off while the second moment rests on too few samples to trust, and
 * then rectifies the step's variance, instead of needing a learning-rate warm-up.
 *
 * <p>Rule, once per {@link #update} call and then per element, t counting update calls from 1:
 * <pre>
 *   m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²
 *   ρ∞ = 2/(1−β2) − 1;   ρₜ = ρ∞ − 2t·β2ᵗ/(1−β2ᵗ)
 *   if ρₜ &gt; 5:  r = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ))
 *               W −= lr·r·√(1−β2ᵗ)/(1−β1ᵗ) · m / (√v + ε)
 *   else:       W −= lr/(1−β1ᵗ) · m                     (momentum SGD; the first 5 steps with the defaults)
 * </pre>
 * m and v start at 0.
 *
 * <p>How it differs from {@code torch.optim.RAdam}: only in float32 rounding (the scalars are folded into one,
 * computed in double). Like PyTorch, ε is added to the uncorrected √v.
 *
 * <p>Memory: two floats per parameter (m, v) and one step counter.
 *
 * <p>Defaults (PyTorch's): lr 0.001, β1 0.9, β2 0.999, eps 1e-8. Spec: {@code radam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-08}.
 *
 * <p>Source: Liu et al. 2020, "On the variance of the adaptive learning rate and beyond", ICLR, Algorithm 2;
 * {@code torch.optim.RAdam}.
 */
public final class RAdam extends BaseOptimizer {

    /** Spec name. */
    public static final String NAME = "radam";
    /** PyTorch's defaults, in canonical order: lr, β1, β2, ε. */
    public static final double[] DEFAULTS = {0.001, 0.9, 0.999, 1e-8};
    /** ρₜ above which the adaptive step is used (PyTorch's and the paper's threshold). */
    private static final double RECTIFY_ABOVE = 5;

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final float beta1f;
    private final float beta2f;
    private final float oneMinusBeta1;
    private final float oneMinusBeta2;
    private final float eps;

    private long t;
    private boolean adaptive;
    private float stepSize;

    /** RAdam with PyTorch's defaults. */
    public RAdam() {
        this(DEFAULTS[0], DEFAULTS[1], DEFAULTS[2], DEFAULTS[3]);
    }

    /**
     * @param learningRate step size, {@code > 0} and finite
     * @param beta1 decay of the first moment, in [0, 1)
     * @param beta2 decay of the second moment, in [0, 1)
     * @param eps added to √v, {@code > 0} and finite
     * @throws IllegalArgumentException naming the value if one is out of range
     */
    public RAdam(double learningRate, double beta1, double beta2, double eps) {
        super(NAME, 2);
        this.learningRate = positive(LR, learningRate);
        this.beta1 = fraction(BETA1, beta1);
        this.beta2 = fraction(BETA2, beta2);
        this.eps = (float) positive(EPS, eps);
        this.beta1f = (float) this.beta1;
        this.beta2f = (float) this.beta2;
        this.oneMinusBeta1 = (float) (1 - this.beta1);
        this.oneMinusBeta2 = (float) (1 - this.beta2);
    }

    @Override
    void beginUpdate() {
        t++;
        double lr = learningRate * learningRateScale();
        double biasCorrection1 = 1 - Math.pow(beta1, t);
        double biasCorrection2 = 1 - Math.pow(beta2, t);
        double rhoInf = 2 / (1 - beta2) - 1;
        double rhoT = rhoInf - 2 * t * Math.pow(beta2, t) / biasCorrection2;
        adaptive = rhoT > RECTIFY_ABOVE;
        if (adaptive) {
            double rect = Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
            stepSize = (float) (lr * rect * Math.sqrt(biasCorrection2) / biasCorrection1);
        } else {
            stepSize = (float) (lr / biasCorrection1);
        }
    }

    @Override
    void apply(float[] W, float[] dW, float[][] state) {
        float[] m = state[0];
        float[] v = state[1];
        for (int i = 0; i < W.length; i++) {
            float g = dW[i];
            m[i] = beta1f * m[i] + oneMinusBeta1 * g;
            v[i] = beta2f * v[i] + oneMinusBeta2 * g * g;
            W[i] -= adaptive ? stepSize * m[i] / ((float) Math.sqrt(v[i]) + eps) : stepSize * m[i];
        }
    }
}
