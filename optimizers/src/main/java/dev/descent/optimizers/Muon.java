package dev.descent.optimizers;

import java.util.HashMap;
import java.util.Map;

/**
 * Muon (MomentUm Orthogonalized by Newton–Schulz): for each weight matrix, Nesterov momentum whose update is
 * replaced by the nearest (semi-)orthogonal matrix, so every direction of the matrix moves at the same rate;
 * biases and other vectors are trained by AdamW.
 *
 * <p>Rule for a 2-D weight W of shape (fan_in, fan_out) (this project stores W row-major as (in, out)):
 * <pre>
 *   B = μ·B + (1−μ)·G                          momentum buffer
 *   U = (1−μ)·G + μ·B                          Nesterov look-ahead
 *   O = NewtonSchulz5(U)                       ns_steps quintic iterations on U/‖U‖_F, see {@link NewtonSchulz}
 *   W = W·(1 − lr·λ) − lr·√max(1, fan_out/fan_in)·O
 * </pre>
 * For every other parameter (1-D, or any key whose shape was not given through {@link #plan}), AdamW with
 * Jordan's auxiliary-Adam settings, t counting update calls from 1:
 * <pre>
 *   m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²;  β1 = 0.9, β2 = 0.95
 *   W = W·(1 − adam_lr·λ) − adam_lr · (m/(1−β1ᵗ)) / (√(v/(1−β2ᵗ)) + 1e-10)
 * </pre>
 * B, m, v start at 0. A learning-rate schedule multiplies both lr and adam_lr.
 *
 * <p>How it differs from the original (github.com/KellerJordan/Muon, {@code Muon} and {@code MuonWithAuxAdam}):
 * Newton–Schulz runs in float32, not bfloat16; the matrices here are (in, out), the transpose of PyTorch's
 * (out, in), which the shape factor accounts for (the iteration itself commutes with transposition). PyTorch has no
 * Muon; the parity test checks it against a NumPy float64 transcription.
 *
 * <p>Memory: one float per matrix entry (B), plus Newton–Schulz work space per distinct matrix shape (three
 * copies of the matrix and two (r×r) Gram matrices, r = min(fan_in, fan_out)) and one update buffer as long as the
 * largest matrix; two floats per vector entry (m, v).
 *
 * <p>Defaults (Jordan's): lr 0.02, momentum 0.95, ns_steps 5, adam_lr 0.001, weight_decay 0.
 * Spec: {@code muon:lr=0.02,momentum=0.95,ns_steps=5,adam_lr=0.001,weight_decay=0}.
 *
 * <p>Source: Jordan, Jin, Boza, You, Cesista, Newhouse &amp; Bernstein 2024, "Muon: An optimizer for hidden layers
 * in neural networks", kellerjordan.github.io/posts/muon.
 */
public final class Muon extends BaseOptimizer {

    /** Spec name. */
    public static final String NAME = "muon";
    /** Jordan's defaults, in canonical order: lr, momentum μ, ns_steps, adam_lr, weight decay λ. */
    public static final double[] DEFAULTS = {0.02, 0.95, 5, 0.001, 0};
    /** The auxiliary AdamW's β1, β2 and ε for vectors ({@code MuonWithAuxAdam}'s defaults). */
    static final double ADAM_BETA1 = 0.9;
    static final double ADAM_BETA2 = 0.95;
    static final float ADAM_EPS = 1e-10f;

    private static final String MOMENTUM = "momentum";
    private static final String NS_STEPS = "ns_steps";
    private static final String ADAM_LR = "adam_lr";

    private final double learningRate;
    private final double adamLearningRate;
    private final double weightDecay;
    private final int nsSteps;
    private final float mu;
    private final float oneMinusMu;
    private final float adamBeta1 = (float) ADAM_BETA1;
    private final float adamBeta2 = (float) ADAM_BETA2;
    private final float adamOneMinusBeta1 = (float) (1 - ADAM_BETA1);
    private final float adamOneMinusBeta2 = (float) (1 - ADAM_BETA2);
    /** Work space per matrix shape, made on first use. */
    private final Map<String, NewtonSchulz> workspaces = new HashMap<>();
    private float[] update = new float[0];

    private long t;
    private double lr;
    private float matrixDecay;
    private float adamLr;
    private float adamDecay;
    private float adamBiasCorrection1;
    private float adamBiasCorrection2;

    /** Muon with Jordan's defaults. */
    public Muon() {
        this(DEFAULTS[0], DEFAULTS[1], DEFAULTS[2], DEFAULTS[3], DEFAULTS[4]);
    }

    /**
     * @param learningRate step size of the matrices, {@code > 0} and finite
     * @param momentum μ, in [0, 1)
     * @param nsSteps Newton–Schulz iterations, a whole number {@code >= 1}
     * @param adamLearningRate step size of the vectors' AdamW, {@code > 0} and finite
     * @param weightDecay decoupled decay λ of both parts, {@code >= 0}
     * @throws IllegalArgumentException naming the value if one is out of range
     */
    public Muon(double learningRate, double momentum, double nsSteps, double adamLearningRate, double weightDecay) {
        super(NAME, 1);
        this.learningRate = positive(LR, learningRate);
        double momentumChecked = fraction(MOMENTUM, momentum);
        this.nsSteps = count(NS_STEPS, nsSteps, 1);
        this.adamLearningRate = positive(ADAM_LR, adamLearningRate);
        this.weightDecay = nonNegative(WEIGHT_DECAY, weightDecay);
        this.mu = (float) momentumChecked;
        this.oneMinusMu = (float) (1 - momentumChecked);
    }

    @Override
    void beginUpdate() {
        t++;
        double scale = learningRateScale();
        lr = learningRate * scale;
        matrixDecay = (float) (1 - lr * weightDecay);
        double adam = adamLearningRate * scale;
        adamLr = (float) adam;
        adamDecay = (float) (1 - adam * weightDecay);
        adamBiasCorrection1 = (float) (1 - Math.pow(ADAM_BETA1, t));
        adamBiasCorrection2 = (float) (1 - Math.pow(ADAM_BETA2, t));
    }

    /** The (rows, columns) of {@code key} if the plan says it is a matrix of W's length, else null. */
    private int[] matrixShape(String key, float[] W) {
        int[] shape = shapeOf(key);
        if (shape == null || shape.length != 2) {
            return null;
        }
        if ((long) shape[0] * shape[1] != W.length) {
            throw new IllegalArgumentException(NAME + ".update: param '" + key + "' has length " + W.length
                    + " but its planned shape is [" + shape[0] + ", " + shape[1] + "]; give plan() the shapes of"
                    + " the arrays that update() receives");
        }
        return shape;
    }

    @Override
    int stateArrays(String key, float[] W) {
        return matrixShape(key, W) != null ? 1 : 2;
    }

    @Override
    void apply(String key, float[] W, float[] dW, float[][] state) {
        int[] shape = matrixShape(key, W);
        if (shape == null) {
            apply(W, dW, state);
            return;
        }
        int fanIn = shape[0];
        int fanOut = shape[1];
        float[] momentumBuffer = state[0];
        if (update.length < W.length) {
            update = new float[W.length];
        }
        float[] u = update;
        for (int i = 0; i < W.length; i++) {
            float g = dW[i];
            momentumBuffer[i] = mu * momentumBuffer[i] + oneMinusMu * g;
            u[i] = oneMinusMu * g + mu * momentumBuffer[i];
        }
        NewtonSchulz workspace = workspaces.computeIfAbsent(fanIn + "x" + fanOut, k -> new NewtonSchulz(fanIn, fanOut));
        workspace.orthogonalise(u, nsSteps, u);
        float step = (float) (lr * Math.sqrt(Math.max(1, (double) fanOut / fanIn)));
        float decay = matrixDecay;
        for (int i = 0; i < W.length; i++) {
            W[i] = W[i] * decay - step * u[i];
        }
    }

    /** The auxiliary AdamW step, for vectors. */
    @Override
    void apply(float[] W, float[] dW, float[][] state) {
        float[] m = state[0];
        float[] v = state[1];
        for (int i = 0; i < W.length; i++) {
            float g = dW[i];
            m[i] = adamBeta1 * m[i] + adamOneMinusBeta1 * g;
            v[i] = adamBeta2 * v[i] + adamOneMinusBeta2 * g * g;
            float step = (m[i] / adamBiasCorrection1) / ((float) Math.sqrt(v[i] / adamBiasCorrection2) + ADAM_EPS);
            W[i] = W[i] * adamDecay - adamLr * step;
        }
    }
}
