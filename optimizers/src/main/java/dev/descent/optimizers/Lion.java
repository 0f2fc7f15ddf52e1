package dev.descent.optimizers;

/**
 * Lion (evoLved sIgn mOmeNtum): a step of the same size lr for every parameter, in the direction of the sign of an
 * interpolation between the momentum and the gradient; found by program search.
 *
 * <p>Rule, per element (the paper's Algorithm 2):
 * <pre>
 *   c = β1·m + (1−β1)·g                 interpolation
 *   W −= lr·(sign(c) + λ·W)             sign step and decoupled weight decay, evaluated as W = W·(1−lr·λ) − lr·sign(c)
 *   m = β2·m + (1−β2)·g                 momentum, updated after the step with its own β2
 * </pre>
 * m starts at 0; sign(0) = 0, so a zero gradient on the first step moves nothing but the decay.
 *
 * <p>PyTorch has no Lion; the parity test checks it against a NumPy float64 transcription of Algorithm 2.
 *
 * <p>Memory: one float per parameter (m).
 *
 * <p>Defaults (the paper's): lr 1e-4, β1 0.9, β2 0.99, weight_decay 0. Spec:
 * {@code lion:lr=0.0001,beta1=0.9,beta2=0.99,weight_decay=0}. The paper suggests an lr 3–10× smaller than AdamW's
 * and a λ 3–10× larger.
 *
 * <p>Source: Chen et al. 2023, "Symbolic discovery of optimization algorithms", NeurIPS, Algorithm 2.
 */
public final class Lion extends BaseOptimizer {

    /** Spec name. */
    public static final String NAME = "lion";
    /** The paper's defaults, in canonical order: lr, β1, β2, weight decay λ. */
    public static final double[] DEFAULTS = {1e-4, 0.9, 0.99, 0};

    private final double learningRate;
    private final double weightDecay;
    private final float beta1;
    private final float beta2;
    private final float oneMinusBeta1;
    private final float oneMinusBeta2;

    private float lr;
    private float decay;

    /** Lion with the paper's defaults. */
    public Lion() {
        this(DEFAULTS[0], DEFAULTS[1], DEFAULTS[2], DEFAULTS[3]);
    }

    /**
     * @param learningRate size of every step, {@code > 0} and finite
     * @param beta1 weight of the momentum in the interpolation, in [0, 1)
     * @param beta2 decay of the momentum, in [0, 1)
     * @param weightDecay decoupled decay λ, {@code >= 0}
     * @throws IllegalArgumentException naming the value if one is out of range
     */
    public Lion(double learningRate, double beta1, double beta2, double weightDecay) {
        super(NAME, 1);
        this.learningRate = positive(LR, learningRate);
        double beta1Checked = fraction(BETA1, beta1);
        double beta2Checked = fraction(BETA2, beta2);
        this.weightDecay = nonNegative(WEIGHT_DECAY, weightDecay);
        this.beta1 = (float) beta1Checked;
        this.beta2 = (float) beta2Checked;
        this.oneMinusBeta1 = (float) (1 - beta1Checked);
        this.oneMinusBeta2 = (float) (1 - beta2Checked);
    }

    @Override
    void beginUpdate() {
        double scaled = learningRate * learningRateScale();
        lr = (float) scaled;
        decay = (float) (1 - scaled * weightDecay);
    }

    @Override
    void apply(float[] W, float[] dW, float[][] state) {
        float[] m = state[0];
        for (int i = 0; i < W.length; i++) {
            float g = dW[i];
            float c = beta1 * m[i] + oneMinusBeta1 * g;
            // lr·sign(c) without Math.signum, which the JIT does not vectorise: ±lr by c's sign bit, 0 for c = 0,
            // NaN for a NaN c (as lr·signum(c) gives).
            float step = c != c ? c : c == 0 ? 0f : Math.copySign(lr, c);
            W[i] = W[i] * decay - step;
            m[i] = beta2 * m[i] + oneMinusBeta2 * g;
        }
    }
}
