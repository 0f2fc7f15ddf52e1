package dev.descent.network;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The slow, obvious twin of {@link MultiLayerNet}: the same network in double precision, with arrays of
 * arrays, naive loops and the book's formulas written out, sharing no code with the float32 net.
 * Weights are copied from a float32 net so both compute the same function.
 */
final class ReferenceNet {

    private final double[][][] weights;   // W[l] is (n_l, n_{l+1})
    private final double[][] biases;      // b[l] is (n_{l+1})
    private final Activation activation;
    private final double lambda;
    private final double epsilon;         // added inside the log of the loss

    /** Copies the parameters of {@code net}; {@code epsilon} is the book's 1e-7, or 0 for gradient checks. */
    ReferenceNet(MultiLayerNet net, double epsilon) {
        int layers = net.layerCount();
        int[] sizes = new int[layers + 1];
        sizes[0] = net.inputSize();
        int[] hidden = net.hiddenSizes();
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[layers] = net.outputSize();
        weights = new double[layers][][];
        biases = new double[layers][];
        for (int l = 0; l < layers; l++) {
            float[] w = net.params().get("W" + (l + 1));
            float[] b = net.params().get("b" + (l + 1));
            weights[l] = new double[sizes[l]][sizes[l + 1]];
            biases[l] = new double[sizes[l + 1]];
            for (int i = 0; i < sizes[l]; i++) {
                for (int j = 0; j < sizes[l + 1]; j++) {
                    weights[l][i][j] = w[i * sizes[l + 1] + j];
                }
            }
            for (int j = 0; j < sizes[l + 1]; j++) {
                biases[l][j] = b[j];
            }
        }
        this.activation = net.activation();
        this.lambda = net.weightDecayLambda();
        this.epsilon = epsilon;
    }

    /** Mean cross-entropy plus ½λΣW²; x is (N, D). */
    double loss(double[][] x, int[] t) {
        double[][] y = softmax(scores(x, null));
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

    /** The scores (N, classes) before softmax. */
    double[][] scores(double[][] x, double[][][] activationsOut) {
        double[][] h = x;
        for (int l = 0; l < weights.length; l++) {
            if (activationsOut != null) {
                activationsOut[l] = h;
            }
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
            if (l < weights.length - 1) {
                for (double[] row : a) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = activation == Activation.RELU ? Math.max(0, row[j]) : 1 / (1 + Math.exp(-row[j]));
                    }
                }
            }
            h = a;
        }
        return h;
    }

    /** Backpropagation, written out per layer in double; keys W1, b1, … like the float net. */
    Map<String, double[]> gradient(double[][] x, int[] t) {
        int layers = weights.length;
        double[][][] inputs = new double[layers][][];   // input of Affine l
        double[][] y = softmax(scores(x, inputs));
        int n = x.length;
        double[][] dout = new double[n][];
        for (int i = 0; i < n; i++) {
            dout[i] = new double[y[i].length];
            for (int j = 0; j < y[i].length; j++) {
                dout[i][j] = (y[i][j] - (j == t[i] ? 1 : 0)) / n;
            }
        }
        Map<String, double[]> grads = new LinkedHashMap<>();
        double[][] dW = new double[layers][];
        double[][] db = new double[layers][];
        for (int l = layers - 1; l >= 0; l--) {
            double[][] in = inputs[l];
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
            if (l > 0) {
                // dx = dout·Wᵀ, then through the activation whose output is `in`
                double[][] dx = new double[n][rows];
                for (int i = 0; i < n; i++) {
                    for (int p = 0; p < rows; p++) {
                        double sum = 0;
                        for (int j = 0; j < cols; j++) {
                            sum += dout[i][j] * weights[l][p][j];
                        }
                        double out = in[i][p];
                        dx[i][p] = activation == Activation.RELU ? (out > 0 ? sum : 0) : sum * (1 - out) * out;
                    }
                }
                dout = dx;
            }
        }
        for (int l = 0; l < layers; l++) {
            grads.put("W" + (l + 1), dW[l]);
            grads.put("b" + (l + 1), db[l]);
        }
        return grads;
    }

    /** Central differences (L(θ+h) − L(θ−h)) / 2h for every parameter. */
    Map<String, double[]> numericalGradient(double[][] x, int[] t, double h) {
        Map<String, double[]> grads = new LinkedHashMap<>();
        for (int l = 0; l < weights.length; l++) {
            double[] dW = new double[weights[l].length * biases[l].length];
            for (int p = 0; p < weights[l].length; p++) {
                for (int j = 0; j < biases[l].length; j++) {
                    double saved = weights[l][p][j];
                    weights[l][p][j] = saved + h;
                    double plus = loss(x, t);
                    weights[l][p][j] = saved - h;
                    double minus = loss(x, t);
                    weights[l][p][j] = saved;
                    dW[p * biases[l].length + j] = (plus - minus) / (2 * h);
                }
            }
            double[] db = new double[biases[l].length];
            for (int j = 0; j < biases[l].length; j++) {
                double saved = biases[l][j];
                biases[l][j] = saved + h;
                double plus = loss(x, t);
                biases[l][j] = saved - h;
                double minus = loss(x, t);
                biases[l][j] = saved;
                db[j] = (plus - minus) / (2 * h);
            }
            grads.put("W" + (l + 1), dW);
            grads.put("b" + (l + 1), db);
        }
        return grads;
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
}
