package dev.descent.optimizers;

/**
 * NAdam: Adam with Nesterov momentum, looking ahead with the next step's momentum coefficient, and with Dozat's
 * momentum schedule μₜ that warms β1 up over the first few thousand steps.
 *
 * <p>Rule, once per {@link #update} call and then per element, t counting update calls from 1, ψ the momentum
 * decay:
 * <pre>
 *   μₜ = β1·(1 − ½·0.96^(t·ψ)),  μₜ₊₁ = β1·(1 − ½·0.96^((t+1)·ψ))      momentum schedule
 *   Πₜ = μ₁·…·μₜ                                                        (a running product, one for all keys)
 *   m = β1·m + (1−β1)·g
 *   v = β2·v + (1−β2)·g²
 *   d = √(v/(1−β2ᵗ)) + ε
 *   W −= lr·(1−μₜ)/(1−Πₜ) · g/d
 *   W −= lr·μₜ₊₁/(1−Πₜ·μₜ₊₁) · m/d
 * </pre>
 * m and v start at 0, Π₀ = 1.
 *
 * <p>How it differs from {@code torch.optim.NAdam}: it follows PyTorch 2.x. PyTorch 1.13 and older computed
 * {@code Πₜ·μₜ·μₜ₊₁} in the last line's denominator (μₜ counted twice; fixed by pytorch/pytorch#92699 in 2.0).
 * Otherwise only float32 rounding (scalars in double, rounded once per update).
 *
 * <p>Memory: two floats per parameter (m, v), a step counter and the product Π.
 *
 * <p>Defaults (PyTorch's): lr 0.002, β1 0.9, β2 0.999, eps 1e-8, momentum_decay 0.004.
 * Spec: {@code nadam:lr=0.002,beta1=0.9,beta2=0.999,eps=1e-08,momentum_decay=0.004}.
 *
 * <p>Source: Dozat 2016, "Incorporating Nesterov momentum into Adam", ICLR workshop; {@code torch.optim.NAdam}.
 */
public final class NAdam extends BaseOptimizer {

    /** Spec name. */
    public static final String NAME = "nadam";
    /** PyTorch's defaults, in canonical order: lr, β1, β2, ε, momentum decay ψ. */
    public static final double[] DEFAULTS = {0.002, 0.9, 0.999, 1e-8, 0.004};

    private static final String MOMENTUM_DECAY = "momentum_decay";

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double momentumDecay;
    private final float beta1f;
    private final float beta2f;
    private final float oneMinusBeta1;
    private final float oneMinusBeta2;
    private final float eps;

    private long t;
    private double muProduct = 1;
    private float biasCorrection2;
    private float gradientStep;
    private float momentumStep;

    /** NAdam with PyTorch's defaults. */
    public NAdam() {
        this(DEFAULTS[0], DEFAULTS[1], DEFAULTS[2], DEFAULTS[3], DEFAULTS[4]);
    }

    /**
     * @param learningRate step size, {@code > 0} and finite
     * @param beta1 decay of the first moment, in [0, 1)
     * @param beta2 decay of the second moment, in [0, 1)
     * @param eps added to √v̂, {@code > 0} and finite
     * @param momentumDecay ψ of the momentum schedule, {@code >= 0}
     * @throws IllegalArgumentException naming the value if one is out of range
     */
    public NAdam(double learningRate, double beta1, double beta2, double eps, double momentumDecay) {
        super(NAME, 2);
        this.learningRate = positive(LR, learningRate);
        this.beta1 = fraction(BETA1, beta1);
        this.beta2 = fraction(BETA2, beta2);
        this.eps = (float) positive(EPS, eps);
        this.momentumDecay = nonNegative(MOMENTUM_DECAY, momentumDecay);
        this.beta1f = (float) this.beta1;
        this.beta2f = (float) this.beta2;
        this.oneMinusBeta1 = (float) (1 - this.beta1);
        this.oneMinusBeta2 = (float) (1 - this.beta2);
    }

    @Override
    void beginUpdate() {
        t++;
        double lr = learningRate * learningRateScale();
        double mu = beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
        double muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay));
        muProduct *= mu;
        double muProductNext = muProduct * muNext;
        biasCorrection2 = (float) (1 - Math.pow(beta2, t));
        gradientStep = (float) (lr * (1 - mu) / (1 - muProduct));
        momentumStep = (float) (lr * muNext / (1 - muProductNext));
    }

    @Override
    void apply(float[] W, float[] dW, float[][] state) {
        float[] m = state[0];
        float[] v = state[1];
        for (int i = 0; i < W.length; i++) {
            float g = dW[i];
            m[i] = beta1f * m[i] + oneMinusBeta1 * g;
            v[i] = beta2f * v[i] + oneMinusBeta2 * g * g;
            float d = (float) Math.sqrt(v[i] / biasCorrection2) + eps;
            W[i] -= gradientStep * g / d;
            W[i] -= momentumStep * m[i] / d;
        }
    }
}
