package dev.descent.optimizers;

/**
 * Adadelta: RMSProp whose step is rescaled by the root mean square of the past steps themselves, so the update
 * has the units of the parameter and the learning rate can stay 1.
 *
 * <p>Rule, per element:
 * <pre>
 *   s = ρ·s + (1−ρ)·g²                    leaky mean of squared gradients
 *   Δ = √(a + ε) / √(s + ε) · g            step
 *   a = ρ·a + (1−ρ)·Δ²                    leaky mean of squared steps
 *   W −= lr·Δ
 * </pre>
 * s and a start at 0.
 *
 * <p>How it differs from {@code torch.optim.Adadelta}: only in float32 rounding. Zeiler's paper has no learning
 * rate (lr = 1, the default here and in PyTorch).
 *
 * <p>Memory: two floats per parameter (s, a).
 *
 * <p>Defaults (PyTorch's): lr 1, rho 0.9, eps 1e-6. Spec: {@code adadelta:lr=1,rho=0.9,eps=1e-06}.
 *
 * <p>Source: Zeiler 2012, "ADADELTA: An adaptive learning rate method", arXiv:1212.5701, Algorithm 1;
 * {@code torch.optim.Adadelta}.
 */
public final class Adadelta extends BaseOptimizer {

    /** Spec name. */
    public static final String NAME = "adadelta";
    /** PyTorch's defaults, in canonical order: lr, ρ, ε. */
    public static final double[] DEFAULTS = {1, 0.9, 1e-6};

    private static final String RHO = "rho";

    private final double learningRate;
    private final float rho;
    private final float oneMinusRho;
    private final float eps;

    private float lr;

    /** Adadelta with PyTorch's defaults. */
    public Adadelta() {
        this(DEFAULTS[0], DEFAULTS[1], DEFAULTS[2]);
    }

    /**
     * @param learningRate multiplier of the step, {@code > 0} and finite
     * @param rho the fraction ρ of both running means kept each step, in [0, 1)
     * @param eps added inside both square roots, {@code > 0} and finite
     * @throws IllegalArgumentException naming the value if one is out of range
     */
    public Adadelta(double learningRate, double rho, double eps) {
        super(NAME, 2);
        this.learningRate = positive(LR, learningRate);
        double rhoChecked = fraction(RHO, rho);
        this.eps = (float) positive(EPS, eps);
        this.rho = (float) rhoChecked;
        this.oneMinusRho = (float) (1 - rhoChecked);
    }

    @Override
    void beginUpdate() {
        lr = (float) (learningRate * learningRateScale());
    }

    @Override
    void apply(float[] W, float[] dW, float[][] state) {
        float[] s = state[0];
        float[] a = state[1];
        for (int i = 0; i < W.length; i++) {
            float g = dW[i];
            s[i] = rho * s[i] + oneMinusRho * g * g;
            float delta = (float) Math.sqrt(a[i] + eps) / (float) Math.sqrt(s[i] + eps) * g;
            a[i] = rho * a[i] + oneMinusRho * delta * delta;
            W[i] -= lr * delta;
        }
    }
}
