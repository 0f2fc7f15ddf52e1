package dev.descent.network;

import dev.descent.network.matrix.Matrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad batches get an IllegalArgumentException naming what was wrong, and leave the net usable. */
class BadInputTest {

    private final MultiLayerNet net =
            new MultiLayerNet(784, new int[] {20}, 10, Activation.RELU, WeightInit.he(), 0, 1);

    private static String message(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    @Test
    void wrongInputWidth() {
        Matrix x = new Matrix(2, 785);
        int[] labels = {0, 1};
        String expected = "x has 785 columns, net expects 784";
        assertTrue(message(() -> net.gradient(x, labels)).startsWith(expected));
        assertTrue(message(() -> net.loss(x, labels)).startsWith(expected));
        assertTrue(message(() -> net.predict(x)).startsWith(expected));
        assertTrue(message(() -> net.accuracy(x, labels)).startsWith(expected));
    }

    @Test
    void emptyBatch() {
        assertTrue(message(() -> net.gradient(new Matrix(0, 784), new int[0])).startsWith("empty batch: x has 0 rows"));
        assertTrue(message(() -> net.accuracy(new Matrix(0, 784), new int[0])).startsWith("empty batch"));
    }

    @Test
    void labelOutOfRangeNamesIndexAndValue() {
        Matrix x = new Matrix(3, 784);
        assertTrue(message(() -> net.gradient(x, new int[] {0, 9, 10}))
                .startsWith("labels[2] = 10 is out of range: the net has 10 classes, so labels must be in 0..9"));
        assertTrue(message(() -> net.loss(x, new int[] {-1, 0, 0})).startsWith("labels[0] = -1 is out of range"));
        assertTrue(message(() -> net.gradient(x, new byte[] {0, (byte) 200, 1}))
                .startsWith("labels[1] = 200 is out of range"));
    }

    @Test
    void labelCountMustMatchRows() {
        assertEquals("labels has 2 entries but x has 3 rows; each row needs exactly one class label",
                message(() -> net.gradient(new Matrix(3, 784), new int[] {0, 1})));
    }

    @Test
    void nanOrInfinityInInputNamesRowAndColumn() {
        Matrix x = new Matrix(4, 784);
        x.set(2, 300, Float.NaN);
        int[] labels = {0, 1, 2, 3};
        assertTrue(message(() -> net.gradient(x, labels)).startsWith("x[2][300] is NaN: inputs must be finite"));
        assertTrue(message(() -> net.predict(x)).startsWith("x[2][300] is NaN"));
        x.set(2, 300, 0f);
        x.set(0, 0, Float.NEGATIVE_INFINITY);
        assertTrue(message(() -> net.accuracy(x, labels)).startsWith("x[0][0] is -Infinity"));
    }

    @Test
    void nanInInputIsFoundEvenWhenItsWeightsAreZero() {
        // fma(NaN, 0, c) is NaN, so zero weights cannot hide a NaN input from the check.
        java.util.Arrays.fill(net.params().get("W1"), 0f);
        Matrix x = new Matrix(1, 784);
        x.set(0, 5, Float.NaN);
        assertTrue(message(() -> net.predict(x)).startsWith("x[0][5] is NaN"));
    }

    @Test
    void aRejectedBatchLeavesTheNetUsable() {
        TestData good = TestData.random(4, 784, 10, 3);
        Map<String, float[]> first = copy(net.gradient(good.x, good.labels));
        Matrix bad = new Matrix(4, 784);
        bad.set(1, 1, Float.NaN);
        message(() -> net.gradient(bad, good.labels));
        Map<String, float[]> again = net.gradient(good.x, good.labels);
        for (String key : first.keySet()) {
            assertArrayEquals(first.get(key), again.get(key), key);
        }
    }

    private static Map<String, float[]> copy(Map<String, float[]> grads) {
        Map<String, float[]> copy = new java.util.LinkedHashMap<>();
        grads.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }
}
