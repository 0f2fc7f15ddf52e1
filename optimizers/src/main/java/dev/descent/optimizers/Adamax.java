package dev.descent.optimizers;

/**
 * Adamax: Adam with the infinity norm, a leaky running maximum of |g|, in place of the root mean square.
 *
 * <p>Rule, once per {@link #update} call and then per element, t counting update calls from 1:
 * <pre>
 *   m = β1·m + (1−β1)·g
 *   u = max(β2·u, |g| + ε)
 *   W −= (lr/(1−β1ᵗ)) · m / u
 * </pre>
 * m and u start at 0.
 *
 * <p>How it differs from {@code torch.optim.Adamax}: only in float32 rounding. Like PyTorch, ε is added to |g|
 * inside the maximum (the paper has no ε; it keeps u above 0 for a zero gradient on the first step).
 *
 * <p>Memory: two floats per parameter (m, u) and one step counter.
 *
 * <p>Defaults (PyTorch's): lr 0.002, β1 0.9, β2 0.999, eps 1e-8. Spec: {@code adamax:lr=0.002,beta1=0.9,beta2=0.999,eps=1e-08}.
 *
 * <p>Source: Kingma &amp; Ba 2015, "Adam: A method for stochastic optimization", ICLR, §7.1 and Algorithm 2;
 * {@code torch.optim.Adamax}.
 */
public final class Adamax extends BaseOptimizer {

    /** Spec name. */
    public static final String NAME = "adamax";
    /** PyTorch's defaults, in canonical order: lr, β1, β2, ε. */
    public static final double[] DEFAULTS = {0.002, 0.9, 0.999, 1e-8};

    private final double learningRate;
    private final double beta1;
    private final float beta1f;
    private final float beta2f;
    private final float oneMinusBeta1;
    private final float eps;

    private long t;
    private float stepSize;

    /** Adamax with PyTorch's defaults. */
    public Adamax() {
        this(DEFAULTS[0], DEFAULTS[1], DEFAULTS[2], DEFAULTS[3]);
    }

    /**
     * @param learningRate step size, {@code > 0} and finite
     * @param beta1 decay of the first moment, in [0, 1)
     * @param beta2 decay of the running maximum, in [0, 1)
     * @param eps added to |g|, {@code > 0} and finite
     * @throws IllegalArgumentException naming the value if one is out of range
     */
    public Adamax(double learningRate, double beta1, double beta2, double eps) {
        super(NAME, 2);
        this.learningRate = positive(LR, learningRate);
        this.beta1 = fraction(BETA1, beta1);
        this.beta2f = (float) fraction(BETA2, beta2);
        this.eps = (float) positive(EPS, eps);
        this.beta1f = (float) this.beta1;
        this.oneMinusBeta1 = (float) (1 - this.beta1);
    }

    @Override
    void beginUpdate() {
        t++;
        stepSize = (float) (learningRate * learningRateScale() / (1 - Math.pow(beta1, t)));
    }

    @Override
    void apply(float[] W, float[] dW, float[][] state) {
        float[] m = state[0];
        float[] u = state[1];
        for (int i = 0; i < W.length; i++) {
            float g = dW[i];
            m[i] = beta1f * m[i] + oneMinusBeta1 * g;
            u[i] = Math.max(beta2f * u[i], Math.abs(g) + eps);
            W[i] -= stepSize * m[i] / u[i];
        }
    }
}
