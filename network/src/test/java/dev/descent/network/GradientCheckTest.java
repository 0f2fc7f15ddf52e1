package dev.descent.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Gradient check in two steps: the double-precision {@link ReferenceNet}'s backprop against its own
 * central differences (h = 1e-4, relative error < 1e-6 per key), then the float32 net's analytic
 * gradients against that reference (relative error < 1e-3 per key). Relative error of a key is
 * ‖a − b‖₂ / max(‖a‖₂, ‖b‖₂), over all elements of the key.
 */
class GradientCheckTest {

    private static final double H = 1e-4;

    @ParameterizedTest(name = "{0}, lambda={1}")
    @CsvSource({"relu, 0", "relu, 0.1", "sigmoid, 0", "sigmoid, 0.1"})
    void analyticGradientsMatchTheDoubleReference(String activationName, double lambda) {
        Activation activation = Activation.parse(activationName);
        WeightInit init = activation == Activation.RELU ? WeightInit.he() : WeightInit.xavier();
        MultiLayerNet net = new MultiLayerNet(7, new int[] {6, 5}, 4, activation, init, lambda, 42);
        randomizeBiases(net);
        TestData data = TestData.random(5, 7, 4, 7);
        double[][] x = data.xAsDouble();

        // The backward formula (y − t)/N is the exact derivative of the loss without the 1e-7 guard,
        // so the reference's own check uses ε = 0.
        ReferenceNet exact = new ReferenceNet(net, 0);
        Map<String, double[]> analytic = exact.gradient(x, data.labels);
        Map<String, double[]> numerical = exact.numericalGradient(x, data.labels, H);
        assertEquals(net.params().keySet(), analytic.keySet());
        for (String key : analytic.keySet()) {
            double error = relativeError(analytic.get(key), numerical.get(key));
            assertTrue(error < 1e-6, "reference " + key + ": backprop vs central differences, relative error " + error);
        }

        Map<String, float[]> grads = net.gradient(data.x, data.labels);
        assertEquals(net.params().keySet(), grads.keySet());
        for (String key : analytic.keySet()) {
            double[] fromNet = toDouble(grads.get(key));
            assertEquals(analytic.get(key).length, fromNet.length, key);
            double error = relativeError(analytic.get(key), fromNet);
            assertTrue(error < 1e-3, "float32 " + key + " vs double reference: relative error " + error);
        }

        double referenceLoss = new ReferenceNet(net, 1e-7).loss(x, data.labels);
        double loss = net.loss(data.x, data.labels);
        assertEquals(referenceLoss, loss, 1e-5 * referenceLoss, "loss (with the 1e-7 guard and weight decay)");
    }

    /** Non-zero biases, so their gradients and their effect on the forward pass are exercised too. */
    private static void randomizeBiases(MultiLayerNet net) {
        int l = 1;
        for (float[] b = net.params().get("b1"); b != null; b = net.params().get("b" + (++l))) {
            for (int j = 0; j < b.length; j++) {
                b[j] = 0.1f * ((j * 7 + l * 3) % 5 - 2);
            }
        }
    }

    static double relativeError(double[] a, double[] b) {
        double diff = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        double scale = Math.sqrt(Math.max(normA, normB));
        assertTrue(scale > 1e-12, "gradient is all zeros; the test set-up exercises nothing");
        return Math.sqrt(diff) / scale;
    }

    private static double[] toDouble(float[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        return y;
    }
}
