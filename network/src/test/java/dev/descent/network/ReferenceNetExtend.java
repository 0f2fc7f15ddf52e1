package dev.descent.network;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The slow, obvious twin of {@link MultiLayerNetExtend}: the same network in double precision with arrays
 * of arrays and the book's formulas written out, sharing no code with the float32 net. BatchNorm's
 * backward follows the book's computational graph step by step (dx̂ → dxc → dstd → dvar → dμ), not the
 * collapsed formula of the float layer. Dropout masks are given (the ones the float net drew), so the
 * loss is a deterministic function of the parameters and central differences apply.
 */
final class ReferenceNetExtend {

    private static final double BN_EPSILON = 10e-7;   // the book's sqrt(var + 10e-7)

    private final double[][][] weights;   // W[l] is (n_l, n_{l+1})
    private final double[][] biases;      // b[l] is (n_{l+1})
    private final double[][] gammas;      // γ[l] is (n_{l+1}) per hidden layer, or null without BatchNorm
    private final double[][] betas;
    private final double[][] runningMeans;
    private final double[][] runningVars;
    private final Activation activation;
    private final double lambda;
    private final double dropoutRatio;
    private final double epsilon;         // added inside the log of the loss
    private boolean[][][] masks;          // masks[l] is (N, n_{l+1}) per hidden layer, or null

    /** Copies parameters and running averages of {@code net}; {@code epsilon} is 1e-7, or 0 for gradient checks. */
    ReferenceNetExtend(MultiLayerNetExtend net, double epsilon) {
        int layers = net.layerCount();
        int[] sizes = new int[layers + 1];
        sizes[0] = net.inputSize();
        int[] hidden = net.hiddenSizes();
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[layers] = net.outputSize();
        weights = new double[layers][][];
        biases = new double[layers][];
        boolean bn = net.useBatchNorm();
        gammas = bn ? new double[layers - 1][] : null;
        betas = bn ? new double[layers - 1][] : null;
        runningMeans = bn ? new double[layers - 1][] : null;
        runningVars = bn ? new double[layers - 1][] : null;
        for (int l = 0; l < layers; l++) {
            float[] w = net.params().get("W" + (l + 1));
            weights[l] = new double[sizes[l]][sizes[l + 1]];
            for (int i = 0; i < sizes[l]; i++) {
                for (int j = 0; j < sizes[l + 1]; j++) {
                    weights[l][i][j] = w[i * sizes[l + 1] + j];
                }
            }
            biases[l] = toDouble(net.params().get("b" + (l + 1)));
            if (bn && l < layers - 1) {
                gammas[l] = toDouble(net.params().get("gamma" + (l + 1)));
                betas[l] = toDouble(net.params().get("beta" + (l + 1)));
                runningMeans[l] = toDouble(net.runningMean(l + 1));
                runningVars[l] = toDouble(net.runningVariance(l + 1));
            }
        }
        this.activation = net.activation();
        this.lambda = net.weightDecayLambda();
        this.dropoutRatio = net.dropoutRatio();
        this.epsilon = epsilon;
    }

    /** Copies the masks of the net's last training forward on a batch of {@code rows} rows. */
    void useMasksOf(MultiLayerNetExtend net, int rows) {
        int hidden = weights.length - 1;
        masks = new boolean[hidden][][];
        for (int l = 0; l < hidden; l++) {
            int width = biases[l].length;
            masks[l] = new boolean[rows][width];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < width; j++) {
                    masks[l][i][j] = net.dropoutKept(l + 1, i * width + j);
                }
            }
        }
    }

    /** The training-mode loss (batch statistics, the given masks): mean cross-entropy plus ½λΣW². */
    double trainingLoss(double[][] x, int[] t) {
        double[][] y = softmax(forward(x, true, null));
        double loss = 0;
        for (int i = 0; i < x.length; i++) {
            loss -= Math.log(y[i][t[i]] + epsilon);
        }
        loss /= x.length;
        double squares = 0;
        for (double[][] w : weights) {
            for (double[] row : w) {
                for (double v : row) {
                    squares += v * v;
                }
            }
        }
        return loss + 0.5 * lambda * squares;
    }

    /** The evaluation-mode scores (N, classes): running averages, dropout as scaling by 1 − ratio. */
    double[][] evaluationScores(double[][] x) {
        return forward(x, false, null);
    }

    /** What backward needs of one hidden layer, kept by a training forward. */
    private static final class Tape {
        double[][] input;    // input of the Affine
        double[][] xc;       // x − μ (BatchNorm)
        double[][] xn;       // x̂
        double[] std;        // √(σ² + ε)
        double[][] act;      // activation output
    }

    private double[][] forward(double[][] x, boolean train, Tape[] tapes) {
        double[][] h = x;
        int hidden = weights.length - 1;
        for (int l = 0; l <= hidden; l++) {
            Tape tape = tapes == null ? null : (tapes[l] = new Tape());
            if (tape != null) {
                tape.input = h;
            }
            double[][] a = affine(h, l);
            if (l == hidden) {
                return a;
            }
            if (gammas != null) {
                a = train ? batchNormTrain(a, l, tape) : batchNormEvaluation(a, l);
            }
            for (double[] row : a) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = activation == Activation.RELU ? Math.max(0, row[j]) : 1 / (1 + Math.exp(-row[j]));
                }
            }
            if (tape != null) {
                tape.act = a;
            }
            if (dropoutRatio > 0) {
                double[][] dropped = new double[a.length][a[0].length];
                for (int i = 0; i < a.length; i++) {
                    for (int j = 0; j < a[i].length; j++) {
                        dropped[i][j] = train ? (masks[l][i][j] ? a[i][j] : 0) : a[i][j] * (1 - dropoutRatio);
                    }
                }
                a = dropped;
            }
            h = a;
        }
        throw new AssertionError("unreachable");
    }

    private double[][] affine(double[][] h, int l) {
        double[][] a = new double[h.length][biases[l].length];
        for (int i = 0; i < h.length; i++) {
            for (int j = 0; j < biases[l].length; j++) {
                double sum = biases[l][j];
                for (int p = 0; p < h[i].length; p++) {
                    sum += h[i][p] * weights[l][p][j];
                }
                a[i][j] = sum;
            }
        }
        return a;
    }

    private double[][] batchNormTrain(double[][] a, int l, Tape tape) {
        int n = a.length;
        int d = a[0].length;
        double[][] out = new double[n][d];
        double[][] xc = new double[n][d];
        double[][] xn = new double[n][d];
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            double mu = 0;
            for (double[] row : a) {
                mu += row[j];
            }
            mu /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                xc[i][j] = a[i][j] - mu;
                var += xc[i][j] * xc[i][j];
            }
            var /= n;
            std[j] = Math.sqrt(var + BN_EPSILON);
            for (int i = 0; i < n; i++) {
                xn[i][j] = xc[i][j] / std[j];
                out[i][j] = gammas[l][j] * xn[i][j] + betas[l][j];
            }
        }
        if (tape != null) {
            tape.xc = xc;
            tape.xn = xn;
            tape.std = std;
        }
        return out;
    }

    private double[][] batchNormEvaluation(double[][] a, int l) {
        double[][] out = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                double xn = (a[i][j] - runningMeans[l][j]) / Math.sqrt(runningVars[l][j] + BN_EPSILON);
                out[i][j] = gammas[l][j] * xn + betas[l][j];
            }
        }
        return out;
    }

    /** Backpropagation of the training-mode loss; keys W1, b1, gamma1, beta1, … like the float net. */
    Map<String, double[]> gradient(double[][] x, int[] t) {
        int layers = weights.length;
        Tape[] tapes = new Tape[layers];
        double[][] y = softmax(forward(x, true, tapes));
        int n = x.length;
        double[][] dout = new double[n][];
        for (int i = 0; i < n; i++) {
            dout[i] = new double[y[i].length];
            for (int j = 0; j < y[i].length; j++) {
                dout[i][j] = (y[i][j] - (j == t[i] ? 1 : 0)) / n;
            }
        }
        double[][] dW = new double[layers][];
        double[][] db = new double[layers][];
        double[][] dGamma = new double[layers][];
        double[][] dBeta = new double[layers][];
        for (int l = layers - 1; l >= 0; l--) {
            double[][] in = tapes[l].input;
            int rows = weights[l].length;
            int cols = biases[l].length;
            dW[l] = new double[rows * cols];
            db[l] = new double[cols];
            for (int p = 0; p < rows; p++) {
                for (int j = 0; j < cols; j++) {
                    double sum = 0;
                    for (int i = 0; i < n; i++) {
                        sum += in[i][p] * dout[i][j];
                    }
                    dW[l][p * cols + j] = sum + lambda * weights[l][p][j];
                }
            }
            for (int j = 0; j < cols; j++) {
                for (int i = 0; i < n; i++) {
                    db[l][j] += dout[i][j];
                }
            }
            if (l == 0) {
                break;
            }
            // dx = dout·Wᵀ, then back through Dropout, the activation and BatchNorm of hidden layer l − 1
            Tape below = tapes[l - 1];
            double[][] dh = new double[n][rows];
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < rows; p++) {
                    double sum = 0;
                    for (int j = 0; j < cols; j++) {
                        sum += dout[i][j] * weights[l][p][j];
                    }
                    if (dropoutRatio > 0 && !masks[l - 1][i][p]) {
                        sum = 0;
                    }
                    double out = below.act[i][p];
                    dh[i][p] = activation == Activation.RELU ? (out > 0 ? sum : 0) : sum * (1 - out) * out;
                }
            }
            if (gammas != null) {
                dh = batchNormBackward(dh, l - 1, below, dGamma, dBeta);
            }
            dout = dh;
        }
        Map<String, double[]> grads = new LinkedHashMap<>();
        for (int l = 0; l < layers; l++) {
            grads.put("W" + (l + 1), dW[l]);
            grads.put("b" + (l + 1), db[l]);
            if (gammas != null && l < layers - 1) {
                grads.put("gamma" + (l + 1), dGamma[l]);
                grads.put("beta" + (l + 1), dBeta[l]);
            }
        }
        return grads;
    }

    /** The book's BatchNormalization.__backward, line by line, in double. */
    private double[][] batchNormBackward(double[][] dout, int l, Tape tape, double[][] dGamma, double[][] dBeta) {
        int n = dout.length;
        int d = dout[0].length;
        dGamma[l] = new double[d];
        dBeta[l] = new double[d];
        double[][] dx = new double[n][d];
        for (int j = 0; j < d; j++) {
            double std = tape.std[j];
            double dstd = 0;
            double[] dxc = new double[n];
            for (int i = 0; i < n; i++) {
                dBeta[l][j] += dout[i][j];                               // dbeta = dout.sum(axis=0)
                dGamma[l][j] += tape.xn[i][j] * dout[i][j];              // dgamma = sum(xn * dout)
                double dxn = gammas[l][j] * dout[i][j];                  // dxn = gamma * dout
                dxc[i] = dxn / std;                                      // dxc = dxn / std
                dstd -= dxn * tape.xc[i][j] / (std * std);               // dstd = -sum(dxn * xc / std²)
            }
            double dvar = 0.5 * dstd / std;                              // dvar = 0.5 * dstd / std
            double dmu = 0;
            for (int i = 0; i < n; i++) {
                dxc[i] += (2.0 / n) * tape.xc[i][j] * dvar;              // dxc += (2/N) xc dvar
                dmu += dxc[i];                                           // dmu = sum(dxc)
            }
            for (int i = 0; i < n; i++) {
                dx[i][j] = dxc[i] - dmu / n;                             // dx = dxc - dmu / N
            }
        }
        return dx;
    }

    /** Central differences (L(θ+h) − L(θ−h)) / 2h of the training-mode loss for every parameter. */
    Map<String, double[]> numericalGradient(double[][] x, int[] t, double h) {
        Map<String, double[]> grads = new LinkedHashMap<>();
        for (int l = 0; l < weights.length; l++) {
            int cols = biases[l].length;
            double[] dW = new double[weights[l].length * cols];
            for (int p = 0; p < weights[l].length; p++) {
                centralDifferences(x, t, h, weights[l][p], dW, p * cols);
            }
            grads.put("W" + (l + 1), dW);
            double[] db = new double[cols];
            centralDifferences(x, t, h, biases[l], db, 0);
            grads.put("b" + (l + 1), db);
            if (gammas != null && l < weights.length - 1) {
                double[] dGamma = new double[cols];
                centralDifferences(x, t, h, gammas[l], dGamma, 0);
                grads.put("gamma" + (l + 1), dGamma);
                double[] dBeta = new double[cols];
                centralDifferences(x, t, h, betas[l], dBeta, 0);
                grads.put("beta" + (l + 1), dBeta);
            }
        }
        return grads;
    }

    /** Central differences for each element of {@code values}, written to out[offset + j]. */
    private void centralDifferences(double[][] x, int[] t, double h, double[] values, double[] out, int offset) {
        for (int j = 0; j < values.length; j++) {
            double saved = values[j];
            values[j] = saved + h;
            double plus = trainingLoss(x, t);
            values[j] = saved - h;
            double minus = trainingLoss(x, t);
            values[j] = saved;
            out[offset + j] = (plus - minus) / (2 * h);
        }
    }

    private static double[][] softmax(double[][] a) {
        double[][] y = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : a[i]) {
                max = Math.max(max, v);
            }
            double sum = 0;
            y[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                y[i][j] = Math.exp(a[i][j] - max);
                sum += y[i][j];
            }
            for (int j = 0; j < a[i].length; j++) {
                y[i][j] /= sum;
            }
        }
        return y;
    }

    private static double[] toDouble(float[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        return y;
    }
}
