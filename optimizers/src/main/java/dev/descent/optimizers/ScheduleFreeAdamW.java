package dev.descent.optimizers;

import java.util.Map;

/**
 * Schedule-free AdamW: instead of decaying the learning rate, keep a weighted average x of the iterates z and take
 * gradients at an interpolation y between them; x is the answer, and matches a tuned schedule without knowing the
 * run's length.
 *
 * <p>Rule (the paper's Algorithm 1), once per {@link #update} call and then per element, t counting update calls
 * from 1, with the parameters holding y:
 * <pre>
 *   γₜ = lr·min(1, t/warmup)·√(1−β2ᵗ)        step size with warm-up and Adam's bias correction
 *   cₜ = γ_maxₜ² / Σ_{i≤t} γ_maxᵢ²            averaging weight (γ_max the largest γ so far)
 *   v = β2·v + (1−β2)·g²                      g is the gradient at y
 *   d = g/(√v + ε) + λ·y
 *   z = z − γₜ·d
 *   x = (1−cₜ)·x + cₜ·z
 *   y = (1−β1)·z + β1·x
 * </pre>
 * z and x start at the initial parameters, v at 0. Evaluation (and the recorded training loss) uses x, offered
 * through {@link EvaluationWeights}.
 *
 * <p>How it differs from the reference (github.com/facebookresearch/schedule_free, {@code AdamWScheduleFree}):
 * the reference keeps y and z and moves y with {@code y.lerp_(z, c)} and a second step, recovering x only on
 * {@code eval()}; here x is stored, so swapping to x and back is exact in float32. Same arithmetic otherwise
 * (r = 0, weight_lr_power = 2). PyTorch has no schedule-free optimizer; the parity test checks it against a NumPy
 * float64 transcription of Algorithm 1.
 *
 * <p>Memory: three floats per parameter (z, x, v), a step counter, γ_max and Σγ_max².
 *
 * <p>Defaults (the reference's): lr 0.0025, β1 0.9, β2 0.999, eps 1e-8, weight_decay 0, warmup 0.
 * Spec: {@code sf-adamw:lr=0.0025,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0,warmup=0}.
 *
 * <p>Source: Defazio, Yang, Mehta, Mishchenko, Khaled &amp; Cutkosky 2024, "The road less scheduled", NeurIPS,
 * Algorithm 1.
 */
public final class ScheduleFreeAdamW extends BaseOptimizer implements EvaluationWeights {

    /** Spec name. */
    public static final String NAME = "sf-adamw";
    /** The reference's defaults, in canonical order: lr, β1, β2, ε, weight decay λ, warm-up steps. */
    public static final double[] DEFAULTS = {0.0025, 0.9, 0.999, 1e-8, 0, 0};

    private static final String WARMUP = "warmup";

    private final double learningRate;
    private final double beta2;
    private final int warmup;
    private final float beta1f;
    private final float oneMinusBeta1;
    private final float beta2f;
    private final float oneMinusBeta2;
    private final float eps;
    private final float weightDecay;

    private long t;
    private double maxStepSize;
    private double weightSum;
    private float stepSize;
    private float averagingWeight;
    private boolean evaluating;

    /** Schedule-free AdamW with the reference's defaults. */
    public ScheduleFreeAdamW() {
        this(DEFAULTS[0], DEFAULTS[1], DEFAULTS[2], DEFAULTS[3], DEFAULTS[4], DEFAULTS[5]);
    }

    /**
     * @param learningRate step size γ of z, {@code > 0} and finite
     * @param beta1 interpolation β1 between z and x, in [0, 1)
     * @param beta2 decay of the second moment, in [0, 1)
     * @param eps added to √v, {@code > 0} and finite
     * @param weightDecay λ, applied at y, {@code >= 0}
     * @param warmup linear warm-up steps, a whole number {@code >= 0}
     * @throws IllegalArgumentException naming the value if one is out of range
     */
    public ScheduleFreeAdamW(double learningRate, double beta1, double beta2, double eps, double weightDecay,
                             double warmup) {
        super(NAME, 3);
        this.learningRate = positive(LR, learningRate);
        double beta1Checked = fraction(BETA1, beta1);
        this.beta2 = fraction(BETA2, beta2);
        this.eps = (float) positive(EPS, eps);
        this.weightDecay = (float) nonNegative(WEIGHT_DECAY, weightDecay);
        this.warmup = count(WARMUP, warmup, 0);
        this.beta1f = (float) beta1Checked;
        this.oneMinusBeta1 = (float) (1 - beta1Checked);
        this.beta2f = (float) this.beta2;
        this.oneMinusBeta2 = (float) (1 - this.beta2);
    }

    /** State arrays: z, x, v; z and x start at the parameter. */
    @Override
    void initialiseState(float[] W, float[][] state) {
        System.arraycopy(W, 0, state[0], 0, W.length);
        System.arraycopy(W, 0, state[1], 0, W.length);
    }

    @Override
    void beginUpdate() {
        if (evaluating) {
            throw new IllegalStateException(NAME + ".update: the parameters hold the evaluation weights x;"
                    + " call useTrainingWeights(params) before the next update");
        }
        t++;
        double warm = warmup == 0 ? 1 : Math.min(1, (double) t / warmup);
        double gamma = learningRate * learningRateScale() * warm * Math.sqrt(1 - Math.pow(beta2, t));
        maxStepSize = Math.max(maxStepSize, gamma);
        double weight = maxStepSize * maxStepSize;
        weightSum += weight;
        stepSize = (float) gamma;
        averagingWeight = (float) (weightSum == 0 ? 0 : weight / weightSum);
    }

    @Override
    void apply(float[] W, float[] dW, float[][] state) {
        float[] z = state[0];
        float[] x = state[1];
        float[] v = state[2];
        float c = averagingWeight;
        float oneMinusC = 1 - c;
        for (int i = 0; i < W.length; i++) {
            float g = dW[i];
            v[i] = beta2f * v[i] + oneMinusBeta2 * g * g;
            float d = g / ((float) Math.sqrt(v[i]) + eps) + weightDecay * W[i];
            z[i] -= stepSize * d;
            x[i] = oneMinusC * x[i] + c * z[i];
            W[i] = interpolation(z[i], x[i]);
        }
    }

    /** y from z and x; one function so that {@link #useTrainingWeights} restores y bit for bit. */
    private float interpolation(float z, float x) {
        return oneMinusBeta1 * z + beta1f * x;
    }

    @Override
    public void useEvaluationWeights(Map<String, float[]> params) {
        if (evaluating) {
            throw new IllegalStateException(NAME + ": the evaluation weights are already in place");
        }
        evaluating = true;
        params.forEach((key, W) -> {
            float[][] state = existingState(key);
            if (state != null) {
                System.arraycopy(state[1], 0, W, 0, W.length);
            }
        });
    }

    @Override
    public void useTrainingWeights(Map<String, float[]> params) {
        if (!evaluating) {
            throw new IllegalStateException(NAME + ": the training weights are already in place");
        }
        evaluating = false;
        params.forEach((key, W) -> {
            float[][] state = existingState(key);
            if (state != null) {
                float[] z = state[0];
                float[] x = state[1];
                for (int i = 0; i < W.length; i++) {
                    W[i] = interpolation(z[i], x[i]);
                }
            }
        });
    }
}
