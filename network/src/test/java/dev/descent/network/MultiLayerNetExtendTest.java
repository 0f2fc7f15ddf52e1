package dev.descent.network;

import dev.descent.network.matrix.Matrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.network.layers.Mode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link MultiLayerNetExtend}: the book's keys and initial values, equality with {@link MultiLayerNet}
 * when BatchNorm and Dropout are off, evaluation mode being deterministic and row-by-row, and bad input.
 */
class MultiLayerNetExtendTest {

    private static MultiLayerNetExtend net(boolean batchNorm, double dropout, long seed) {
        return new MultiLayerNetExtend(7, new int[] {6, 5}, 4, Activation.RELU, WeightInit.he(), 0.01, batchNorm,
                dropout, seed);
    }

    @Test
    void paramsAreKeyedAsTheBookNamesThem() {
        MultiLayerNetExtend net = new MultiLayerNetExtend(784, new int[] {100, 50}, 10, Activation.RELU,
                WeightInit.he(), 0, true, 0.2, 1);
        Map<String, float[]> p = net.params();
        assertEquals(List.of("W1", "b1", "gamma1", "beta1", "W2", "b2", "gamma2", "beta2", "W3", "b3"),
                List.copyOf(p.keySet()));
        float[] ones = new float[100];
        Arrays.fill(ones, 1f);
        assertArrayEquals(ones, p.get("gamma1"), "γ starts at 1");
        assertArrayEquals(new float[100], p.get("beta1"), "β starts at 0");
        assertEquals(50, p.get("gamma2").length);
        assertArrayEquals(new float[100], net.runningMean(1), "running mean starts at 0, as in the book");
        assertArrayEquals(new float[50], net.runningVariance(2), "running variance starts at 0, as in the book");
        assertEquals("MultiLayerNetExtend(784-100-50-10, activation=relu, weightInit=he, lambda=0.0, "
                + "batchNorm=true, dropout=0.2, seed=1)", net.toString());
        assertEquals(List.of("W1", "b1", "W2", "b2", "W3", "b3"),
                List.copyOf(net(false, 0.5, 1).params().keySet()), "no γ, β without BatchNorm");
    }

    @Test
    void gradientKeysAndArraysStayTheSame() {
        MultiLayerNetExtend net = net(true, 0.2, 3);
        TestData data = TestData.random(10, 7, 4, 4);
        Map<String, float[]> first = net.gradient(data.x, data.labels);
        assertEquals(net.params().keySet(), first.keySet());
        float[] dGamma = first.get("gamma2");
        Map<String, float[]> second = net.gradient(data.x, data.labels);
        assertSame(first, second);
        assertSame(dGamma, second.get("gamma2"));
        for (String key : net.params().keySet()) {
            assertEquals(net.params().get(key).length, second.get(key).length, key);
        }
    }

    /** MultiLayerNet is the oracle: with both features off the extended net must compute the same bits. */
    @Test
    void withoutBatchNormAndDropoutItIsMultiLayerNetBitForBit() {
        MultiLayerNet plain = new MultiLayerNet(7, new int[] {6, 5}, 4, Activation.SIGMOID, WeightInit.xavier(),
                0.1, 21);
        MultiLayerNetExtend extended = new MultiLayerNetExtend(7, new int[] {6, 5}, 4, Activation.SIGMOID,
                WeightInit.xavier(), 0.1, false, 0, 21);
        TestData data = TestData.random(9, 7, 4, 22);
        for (String key : plain.params().keySet()) {
            assertArrayEquals(plain.params().get(key), extended.params().get(key), "initial " + key);
        }
        for (int step = 0; step < 5; step++) {
            Map<String, float[]> a = plain.gradient(data.x, data.labels);
            Map<String, float[]> b = extended.gradient(data.x, data.labels);
            for (String key : a.keySet()) {
                assertArrayEquals(a.get(key), b.get(key), "step " + step + " d" + key);
                float[] p = plain.params().get(key);
                float[] q = extended.params().get(key);
                for (int i = 0; i < p.length; i++) {
                    p[i] -= 0.5f * a.get(key)[i];
                    q[i] -= 0.5f * b.get(key)[i];
                }
            }
            assertEquals(plain.loss(data.x, data.labels), extended.loss(data.x, data.labels), 0, "loss");
            assertEquals(plain.loss(data.x, data.labels), extended.loss(data.x, data.labels, Mode.TRAIN), 0);
        }
        assertArrayEquals(plain.predict(data.x).data, extended.predict(data.x).data);
        assertEquals(plain.accuracy(data.x, data.labels), extended.accuracy(data.x, data.labels), 0);
    }

    @Test
    void evaluationIsDeterministicRowByRowAndChangesNothing() {
        MultiLayerNetExtend net = net(true, 0.3, 5);
        TestData data = TestData.random(12, 7, 4, 6);
        for (int step = 0; step < 3; step++) {
            net.gradient(data.x, data.labels);   // moves the running averages away from 0
        }
        float[] mean = net.runningMean(1);
        float[] firstScores = net.predict(data.x).data.clone();
        double loss = net.loss(data.x, data.labels);
        assertArrayEquals(firstScores, net.predict(data.x).data, "same input, same bits");
        assertEquals(loss, net.loss(data.x, data.labels), 0);
        assertArrayEquals(mean, net.runningMean(1), "evaluation must not move the running averages");

        // Row 4 alone, and rows 4..6 as a batch of 3, give the same bits as inside the batch of 12.
        Matrix one = new Matrix(1, 7, Arrays.copyOfRange(data.x.data, 4 * 7, 5 * 7));
        assertArrayEquals(Arrays.copyOfRange(firstScores, 4 * 4, 5 * 4), net.predict(one).data);
        Matrix three = new Matrix(3, 7, Arrays.copyOfRange(data.x.data, 4 * 7, 7 * 7));
        assertArrayEquals(Arrays.copyOfRange(firstScores, 4 * 4, 7 * 4), net.predict(three).data);

        // Training-mode forwards depend on the batch: row 4's training-mode loss differs alone and in the batch.
        assertNotEquals(net.loss(one, new int[] {data.labels[4]}, Mode.TRAIN),
                net.loss(three, Arrays.copyOfRange(data.labels, 4, 5 + 2), Mode.TRAIN));
    }

    @Test
    void evaluationCallsBetweenStepsDoNotChangeTheTraining() {
        TestData data = TestData.blobs(64, 7, 4, 9);
        MultiLayerNetExtend quiet = net(true, 0.2, 8);
        MultiLayerNetExtend busy = net(true, 0.2, 8);
        for (int step = 0; step < 10; step++) {
            sgdStep(quiet, data);
            sgdStep(busy, data);
            busy.predict(data.x);
            busy.loss(data.x, data.labels);
            busy.accuracy(data.x, data.labels);
        }
        for (String key : quiet.params().keySet()) {
            assertArrayEquals(quiet.params().get(key), busy.params().get(key), key);
        }
        assertArrayEquals(quiet.runningVariance(2), busy.runningVariance(2));
    }

    @Test
    void dropoutMasksComeFromTheSeed() {
        TestData data = TestData.random(10, 7, 4, 4);
        MultiLayerNetExtend a = net(false, 0.5, 1);
        MultiLayerNetExtend b = net(false, 0.5, 1);
        MultiLayerNetExtend c = net(false, 0.5, 2);
        a.gradient(data.x, data.labels);
        b.gradient(data.x, data.labels);
        c.gradient(data.x, data.labels);
        boolean differs = false;
        for (int i = 0; i < 10 * 6; i++) {
            assertEquals(a.dropoutKept(1, i), b.dropoutKept(1, i), "mask[" + i + "]");
            differs |= a.dropoutKept(1, i) != c.dropoutKept(1, i);
        }
        assertTrue(differs, "another seed should draw other masks");
        // And a second step draws a new mask.
        boolean[] before = new boolean[60];
        for (int i = 0; i < 60; i++) {
            before[i] = a.dropoutKept(1, i);
        }
        a.gradient(data.x, data.labels);
        boolean changed = false;
        for (int i = 0; i < 60; i++) {
            changed |= before[i] != a.dropoutKept(1, i);
        }
        assertTrue(changed, "each training forward draws a new mask");
    }

    @Test
    void badSettingsAndCallsAreReported() {
        IllegalArgumentException ratio = assertThrows(IllegalArgumentException.class, () -> net(false, 1, 1));
        assertTrue(ratio.getMessage().startsWith("dropoutRatio 1.0 must be in [0, 1)"), ratio.getMessage());
        assertThrows(IllegalArgumentException.class, () -> net(false, -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> net(false, Double.NaN, 1));
        IllegalStateException noNorm = assertThrows(IllegalStateException.class, () -> net(false, 0, 1).runningMean(1));
        assertTrue(noNorm.getMessage().contains("without BatchNorm"), noNorm.getMessage());
        IllegalArgumentException layer = assertThrows(IllegalArgumentException.class, () -> net(true, 0, 1).runningMean(3));
        assertTrue(layer.getMessage().contains("1..2"), layer.getMessage());
        MultiLayerNetExtend net = net(true, 0.1, 1);
        TestData data = TestData.random(3, 7, 4, 1);
        assertThrows(IllegalArgumentException.class, () -> net.loss(data.x, data.labels, null));
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> net.gradient(new Matrix(2, 8), new int[] {0, 1}));
        assertTrue(width.getMessage().startsWith("x has 8 columns, net expects 7"), width.getMessage());
        data.x.data[5] = Float.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> net.predict(data.x));
        assertTrue(nan.getMessage().startsWith("x[0][5] is NaN"), nan.getMessage());
        assertFalse(Float.isNaN(net.params().get("gamma1")[0]), "a rejected batch leaves the net usable");
    }

    private static void sgdStep(MultiLayerNetExtend net, TestData data) {
        Map<String, float[]> grads = net.gradient(data.x, data.labels);
        for (Map.Entry<String, float[]> e : net.params().entrySet()) {
            float[] p = e.getValue();
            float[] g = grads.get(e.getKey());
            for (int j = 0; j < p.length; j++) {
                p[j] -= 0.1f * g[j];
            }
        }
    }
}
