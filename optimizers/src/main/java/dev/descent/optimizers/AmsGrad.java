package dev.descent.optimizers;

/**
 * AMSGrad: Adam whose step divides by the largest second moment seen so far, so a parameter's effective step size
 * never grows back after a burst of large gradients (the fix for Adam's non-convergence example).
 *
 * <p>Rule, once per {@link #update} call and then per element, t counting update calls from 1:
 * <pre>
 *   m = β1·m + (1−β1)·g
 *   v = β2·v + (1−β2)·g²
 *   v_max = max(v_max, v)
 *   W −= (lr/(1−β1ᵗ)) · m / (√v_max/√(1−β2ᵗ) + ε)
 * </pre>
 * m, v and v_max start at 0.
 *
 * <p>How it differs from {@code torch.optim.Adam(amsgrad=True)}: only in float32 rounding (scalars computed in
 * double, rounded once per update). Like PyTorch, the maximum is taken over the raw v and bias-corrected after,
 * as in the paper's Algorithm 2 without bias correction plus PyTorch's correction of the denominator.
 *
 * <p>Memory: three floats per parameter (m, v, v_max) and one step counter.
 *
 * <p>Defaults (PyTorch's): lr 0.001, β1 0.9, β2 0.999, eps 1e-8. Spec: {@code amsgrad:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-08}.
 *
 * <p>Source: Reddi, Kale &amp; Kumar 2018, "On the convergence of Adam and beyond", ICLR, Algorithm 2;
 * {@code torch.optim.Adam(amsgrad=True)}.
 */
public final class AmsGrad extends BaseOptimizer {

    /** Spec name. */
    public static final String NAME = "amsgrad";
    /** PyTorch's defaults, in canonical order: lr, β1, β2, ε. */
    public static final double[] DEFAULTS = {0.001, 0.9, 0.999, 1e-8};

    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final float beta1f;
    private final float beta2f;
    private final float oneMinusBeta1;
    private final float oneMinusBeta2;
    private final float eps;

    private long t;
    private float stepSize;
    private float biasCorrection2Sqrt;

    /** AMSGrad with PyTorch's defaults. */
    public AmsGrad() {
        this(DEFAULTS[0], DEFAULTS[1], DEFAULTS[2], DEFAULTS[3]);
    }

    /**
     * @param learningRate step size, {@code > 0} and finite
     * @param beta1 decay of the first moment, in [0, 1)
     * @param beta2 decay of the second moment, in [0, 1)
     * @param eps added to √v̂_max, {@code > 0} and finite
     * @throws IllegalArgumentException naming the value if one is out of range
     */
    public AmsGrad(double learningRate, double beta1, double beta2, double eps) {
        super(NAME, 3);
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
        stepSize = (float) (learningRate * learningRateScale() / (1 - Math.pow(beta1, t)));
        biasCorrection2Sqrt = (float) Math.sqrt(1 - Math.pow(beta2, t));
    }

    @Override
    void apply(float[] W, float[] dW, float[][] state) {
        float[] m = state[0];
        float[] v = state[1];
        float[] vMax = state[2];
        for (int i = 0; i < W.length; i++) {
            float g = dW[i];
            m[i] = beta1f * m[i] + oneMinusBeta1 * g;
            v[i] = beta2f * v[i] + oneMinusBeta2 * g * g;
            vMax[i] = Math.max(vMax[i], v[i]);
            W[i] -= stepSize * m[i] / ((float) Math.sqrt(vMax[i]) / biasCorrection2Sqrt + eps);
        }
    }
}
