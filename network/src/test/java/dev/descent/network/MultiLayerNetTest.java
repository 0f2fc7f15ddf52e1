package dev.descent.network;

import dev.descent.network.matrix.Matrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Construction, initialisation, the params/grads maps, forward results and evaluation. */
class MultiLayerNetTest {

    private static MultiLayerNet small(long seed) {
        return new MultiLayerNet(7, new int[] {6, 5}, 4, Activation.RELU, WeightInit.he(), 0, seed);
    }

    @Test
    void paramsAreKeyedInLayerOrderWithTheBookShapes() {
        MultiLayerNet net = new MultiLayerNet(784, new int[] {100, 50}, 10, Activation.RELU, WeightInit.he(), 0, 1);
        Map<String, float[]> p = net.params();
        assertEquals(List.of("W1", "b1", "W2", "b2", "W3", "b3"), List.copyOf(p.keySet()));
        assertEquals(784 * 100, p.get("W1").length);
        assertEquals(100, p.get("b1").length);
        assertEquals(100 * 50, p.get("W2").length);
        assertEquals(50 * 10, p.get("W3").length);
        assertEquals(10, p.get("b3").length);
        assertArrayEquals(new float[100], p.get("b1"), "biases start at zero");
        assertEquals(3, net.layerCount());
        assertArrayEquals(new int[] {100, 50}, net.hiddenSizes());
        assertEquals("MultiLayerNet(784-100-50-10, activation=relu, weightInit=he, lambda=0.0, seed=1)", net.toString());
    }

    @Test
    void weightStdFollowsTheInitRule() {
        // Sample std of 78 400 N(0, σ²) draws is within 2% of σ with overwhelming probability
        // (its relative standard error is 1/√(2·78 400) ≈ 0.25%).
        MultiLayerNet he = new MultiLayerNet(784, new int[] {100}, 10, Activation.RELU, WeightInit.he(), 0, 3);
        assertEquals(Math.sqrt(2.0 / 784), std(he.params().get("W1")), 0.02 * Math.sqrt(2.0 / 784));
        MultiLayerNet xavier = new MultiLayerNet(784, new int[] {100}, 10, Activation.SIGMOID, WeightInit.xavier(), 0, 3);
        assertEquals(Math.sqrt(1.0 / 784), std(xavier.params().get("W1")), 0.02 * Math.sqrt(1.0 / 784));
        MultiLayerNet fixed = new MultiLayerNet(784, new int[] {100}, 10, Activation.RELU, WeightInit.std(0.01), 0, 3);
        assertEquals(0.01, std(fixed.params().get("W1")), 0.02 * 0.01);
        assertEquals(0.0, mean(fixed.params().get("W1")), 0.01 * 0.05, "mean within 5 standard errors of 0");
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        Map<String, float[]> a = small(11).params();
        Map<String, float[]> b = small(11).params();
        Map<String, float[]> c = small(12).params();
        for (String key : a.keySet()) {
            assertArrayEquals(a.get(key), b.get(key), key);
        }
        assertFalse(java.util.Arrays.equals(a.get("W1"), c.get("W1")));
    }

    @Test
    void paramsAndGradsAreTheSameLiveObjectsEveryCall() {
        MultiLayerNet net = small(5);
        TestData data = TestData.random(8, 7, 4, 1);
        Map<String, float[]> params = net.params();
        assertSame(params, net.params());
        Map<String, float[]> grads = net.gradient(data.x, data.labels);
        assertSame(grads, net.gradient(data.x, data.labels));
        assertEquals(params.keySet(), grads.keySet());
        for (String key : params.keySet()) {
            assertSame(params.get(key), net.params().get(key));
            assertEquals(params.get(key).length, grads.get(key).length, key);
        }
        assertThrows(UnsupportedOperationException.class, () -> params.put("W1", new float[1]));
    }

    @Test
    void updatingParamsInPlaceChangesPredictions() {
        MultiLayerNet net = small(5);
        TestData data = TestData.random(3, 7, 4, 2);
        float[] before = net.predict(data.x).data.clone();
        float[] w3 = net.params().get("W3");
        float[] b3 = net.params().get("b3");
        java.util.Arrays.fill(w3, 0f);
        for (int j = 0; j < b3.length; j++) {
            b3[j] = j + 0.5f;
        }
        // With W3 = 0 the scores are the last bias, whatever the input.
        Matrix scores = net.predict(data.x);
        assertNotEquals(before[0], scores.data[0]);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(j + 0.5f, scores.get(i, j));
            }
        }
    }

    @Test
    void predictMatchesTheDoubleReference() {
        for (Activation activation : Activation.values()) {
            MultiLayerNet net = new MultiLayerNet(7, new int[] {6, 5}, 4, activation, WeightInit.xavier(), 0, 8);
            TestData data = TestData.random(9, 7, 4, 3);
            double[][] expected = new ReferenceNet(net, 1e-7).scores(data.xAsDouble(), null);
            Matrix scores = net.predict(data.x);
            assertEquals(9, scores.rows);
            assertEquals(4, scores.cols);
            for (int i = 0; i < 9; i++) {
                for (int j = 0; j < 4; j++) {
                    assertEquals(expected[i][j], scores.get(i, j), 1e-5, activation + " score [" + i + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void accuracyOverManyChunksEqualsArgmaxOfOneBigPredict() {
        MultiLayerNet net = small(9);
        TestData data = TestData.random(2500, 7, 4, 4);   // chunks of 1000, 1000, 500
        Matrix scores = net.predict(data.x);
        int[] argmax = new int[2500];
        byte[] argmaxBytes = new byte[2500];
        int agreeWithRandomLabels = 0;
        for (int i = 0; i < 2500; i++) {
            for (int j = 1; j < 4; j++) {
                if (scores.get(i, j) > scores.get(i, argmax[i])) {
                    argmax[i] = j;
                }
            }
            argmaxBytes[i] = (byte) argmax[i];
            if (argmax[i] == data.labels[i]) {
                agreeWithRandomLabels++;
            }
        }
        assertEquals(1.0, net.accuracy(data.x, argmax));
        assertEquals(1.0, net.accuracy(data.x, argmaxBytes));
        assertEquals(agreeWithRandomLabels / 2500.0, net.accuracy(data.x, data.labels));
        int[] wrong = argmax.clone();
        for (int i = 0; i < wrong.length; i++) {
            wrong[i] = (wrong[i] + 1) % 4;
        }
        assertEquals(0.0, net.accuracy(data.x, wrong));
    }

    @Test
    void byteLabelsGiveTheSameResultsAsIntLabels() {
        MultiLayerNet a = small(4);
        MultiLayerNet b = small(4);
        TestData data = TestData.random(6, 7, 4, 5);
        byte[] bytes = new byte[6];
        for (int i = 0; i < 6; i++) {
            bytes[i] = (byte) data.labels[i];
        }
        Map<String, float[]> ga = a.gradient(data.x, data.labels);
        Map<String, float[]> gb = b.gradient(data.x, bytes);
        for (String key : ga.keySet()) {
            assertArrayEquals(ga.get(key), gb.get(key), key);
        }
        assertEquals(a.loss(data.x, data.labels), b.loss(data.x, bytes));
    }

    @Test
    void switchingBatchSizesKeepsResultsExact() {
        // More batch sizes than the net caches: evicted stacks are rebuilt and give the same numbers.
        MultiLayerNet net = small(6);
        TestData[] sets = new TestData[6];
        double[] losses = new double[6];
        for (int s = 0; s < 6; s++) {
            sets[s] = TestData.random(3 + s, 7, 4, 10 + s);
            losses[s] = net.loss(sets[s].x, sets[s].labels);
        }
        for (int s = 5; s >= 0; s--) {
            assertEquals(losses[s], net.loss(sets[s].x, sets[s].labels), "batch of " + (3 + s));
        }
    }

    @Test
    void lossWithWeightDecayAddsHalfLambdaSumOfSquaredWeights() {
        MultiLayerNet plain = new MultiLayerNet(7, new int[] {6}, 4, Activation.RELU, WeightInit.he(), 0, 2);
        MultiLayerNet decayed = new MultiLayerNet(7, new int[] {6}, 4, Activation.RELU, WeightInit.he(), 0.5, 2);
        java.util.Arrays.fill(decayed.params().get("b1"), 3f);   // biases are not penalised ...
        java.util.Arrays.fill(plain.params().get("b1"), 3f);     // ... so equal biases cancel out
        TestData data = TestData.random(4, 7, 4, 6);
        double squares = 0;
        for (String key : List.of("W1", "W2")) {
            for (float v : plain.params().get(key)) {
                squares += (double) v * v;
            }
        }
        assertEquals(plain.loss(data.x, data.labels) + 0.25 * squares, decayed.loss(data.x, data.labels), 1e-9);
    }

    @Test
    void netsWithoutHiddenLayersWork() {
        MultiLayerNet net = new MultiLayerNet(3, new int[0], 2, Activation.SIGMOID, WeightInit.std(0.5), 0, 1);
        TestData data = TestData.random(4, 3, 2, 1);
        Map<String, float[]> grads = net.gradient(data.x, data.labels);
        assertEquals(List.of("W1", "b1"), List.copyOf(grads.keySet()));
        assertEquals(1, net.layerCount());
        double[] reference = new ReferenceNet(net, 0).gradient(data.xAsDouble(), data.labels).get("W1");
        for (int i = 0; i < reference.length; i++) {
            assertEquals(reference[i], grads.get("W1")[i], 1e-6);
        }
    }

    @Test
    void rejectsBadConstructorArguments() {
        assertEquals("hiddenSizes[1] = 0 must be at least 1", assertThrows(IllegalArgumentException.class,
                () -> new MultiLayerNet(4, new int[] {3, 0}, 2, Activation.RELU, WeightInit.he(), 0, 1)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new MultiLayerNet(4, new int[] {3}, 2, Activation.RELU, WeightInit.he(), -0.1, 1))
                .getMessage().startsWith("weightDecayLambda -0.1 must be"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new MultiLayerNet(0, new int[] {3}, 2, Activation.RELU, WeightInit.he(), 0, 1))
                .getMessage().startsWith("inputSize 0"));
    }

    private static double mean(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    private static double std(float[] x) {
        double m = mean(x);
        double sum = 0;
        for (float v : x) {
            sum += (v - m) * (v - m);
        }
        return Math.sqrt(sum / x.length);
    }
}
