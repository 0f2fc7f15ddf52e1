package dev.descent.network;

import dev.descent.network.matrix.Matrix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.network.layers.Mode;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Gradient check of {@link MultiLayerNetExtend} with BatchNorm and Dropout, as {@link GradientCheckTest}
 * does for {@link MultiLayerNet}: the double {@link ReferenceNetExtend}'s backprop (the book's BatchNorm
 * graph step by step) against its own central differences (h = 1e-4, relative error &lt; 1e-6 per key),
 * then the float32 net's gradients against that reference (relative error &lt; 1e-3 per key). Dropout's
 * masks are the ones the float net drew in that {@code gradient} call, fixed in the reference. Then the
 * training-mode loss, and the evaluation-mode scores with the net's running averages.
 */
class GradientCheckExtendTest {

    private static final double H = 1e-4;
    private static final int N = 8;

    @ParameterizedTest(name = "{0}, batchNorm={1}, dropout={2}, lambda={3}")
    @CsvSource({
        "relu, true, 0, 0",
        "sigmoid, true, 0, 0.1",
        "relu, false, 0.3, 0",
        "sigmoid, false, 0.5, 0",
        "relu, true, 0.2, 0.1",
        "sigmoid, true, 0.2, 0",
    })
    void analyticGradientsMatchTheDoubleReference(String activationName, boolean batchNorm, double dropout,
                                                  double lambda) {
        Activation activation = Activation.parse(activationName);
        WeightInit init = activation == Activation.RELU ? WeightInit.he() : WeightInit.xavier();
        MultiLayerNetExtend net = new MultiLayerNetExtend(7, new int[] {6, 5}, 4, activation, init, lambda,
                batchNorm, dropout, 42);
        randomizeVectors(net);
        TestData data = TestData.random(N, 7, 4, 7);
        double[][] x = data.xAsDouble();

        Map<String, float[]> grads = net.gradient(data.x, data.labels);
        assertEquals(net.params().keySet(), grads.keySet());

        // (y − t)/N is the exact derivative of the loss without the 1e-7 guard, so the check uses ε = 0.
        ReferenceNetExtend exact = new ReferenceNetExtend(net, 0);
        if (dropout > 0) {
            exact.useMasksOf(net, N);
        }
        Map<String, double[]> analytic = exact.gradient(x, data.labels);
        Map<String, double[]> numerical = exact.numericalGradient(x, data.labels, H);
        assertEquals(net.params().keySet(), analytic.keySet());
        for (String key : analytic.keySet()) {
            double[] fromNet = toDouble(grads.get(key));
            assertEquals(analytic.get(key).length, fromNet.length, key);
            if (batchNorm && key.matches("b[0-9]+") && !key.equals("b" + net.layerCount())) {
                // A bias right before BatchNorm cancels in x − μ: its exact gradient is 0 (hand-derived),
                // so only rounding noise is left in every implementation.
                assertTrue(maxAbs(analytic.get(key)) < 1e-12, key + " reference " + maxAbs(analytic.get(key)));
                assertTrue(maxAbs(numerical.get(key)) < 1e-8, key + " numerical " + maxAbs(numerical.get(key)));
                assertTrue(maxAbs(fromNet) < 1e-6, key + " float32 " + maxAbs(fromNet));
                continue;
            }
            double reference = GradientCheckTest.relativeError(analytic.get(key), numerical.get(key));
            assertTrue(reference < 1e-6, "reference " + key + ": backprop vs central differences, relative error "
                    + reference);
            double error = GradientCheckTest.relativeError(analytic.get(key), fromNet);
            assertTrue(error < 1e-3, "float32 " + key + " vs double reference: relative error " + error);
        }

        // The training-mode loss (it draws new masks, which the reference then copies).
        double loss = net.loss(data.x, data.labels, Mode.TRAIN);
        ReferenceNetExtend guarded = new ReferenceNetExtend(net, 1e-7);
        if (dropout > 0) {
            guarded.useMasksOf(net, N);
        }
        double referenceLoss = guarded.trainingLoss(x, data.labels);
        assertEquals(referenceLoss, loss, 1e-5 * referenceLoss, "training-mode loss");

        // Evaluation mode: the running averages the two training forwards left, dropout as scaling.
        double[][] expected = new ReferenceNetExtend(net, 1e-7).evaluationScores(x);
        Matrix scores = net.predict(data.x);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(expected[i][j], scores.get(i, j), 1e-4 * (1 + Math.abs(expected[i][j])),
                        "evaluation score [" + i + "][" + j + "]");
            }
        }
    }

    /**
     * Non-trivial b, γ and β, so their gradients and their effect on the forward pass are exercised. None
     * is 0: a row whose hidden units are all dropped or cut by ReLU reaches the next ReLU as exactly its
     * bias, and a zero bias would put it on ReLU's kink, where central differences disagree with backprop.
     */
    private static void randomizeVectors(MultiLayerNetExtend net) {
        int k = 0;
        for (Map.Entry<String, float[]> e : net.params().entrySet()) {
            if (e.getKey().startsWith("W")) {
                continue;
            }
            float[] v = e.getValue();
            float base = e.getKey().startsWith("gamma") ? 1f : 0f;
            for (int j = 0; j < v.length; j++) {
                v[j] = base + 0.1f * ((j * 7 + k * 3) % 5 - 2) + 0.05f;
            }
            k++;
        }
    }

    private static double maxAbs(double[] x) {
        double max = 0;
        for (double v : x) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static double[] toDouble(float[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        return y;
    }
}
