package dev.descent.network;

import dev.descent.network.matrix.Matrix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Activation, WeightInit and Matrix: parsing, round trips and their error messages. */
class ParsingTest {

    @Test
    void activationParsesIgnoringCaseAndRoundTrips() {
        assertEquals(Activation.RELU, Activation.parse("ReLU"));
        assertEquals(Activation.SIGMOID, Activation.parse(" sigmoid "));
        for (Activation a : Activation.values()) {
            assertEquals(a, Activation.parse(a.toString()));
        }
        assertEquals("unknown activation 'tanh': expected one of relu, sigmoid",
                assertThrows(IllegalArgumentException.class, () -> Activation.parse("tanh")).getMessage());
    }

    @Test
    void weightInitStds() {
        assertEquals(Math.sqrt(2.0 / 50), WeightInit.parse("he").std(50));
        assertEquals(Math.sqrt(1.0 / 50), WeightInit.parse("XAVIER").std(50));
        assertEquals(0.01, WeightInit.parse("0.01").std(50));
        assertEquals("he", WeightInit.he().toString());
        assertEquals("xavier", WeightInit.xavier().toString());
        assertEquals("0.01", WeightInit.std(0.01).toString());
        assertEquals(WeightInit.std(0.01), WeightInit.parse(WeightInit.std(0.01).toString()));
    }

    @Test
    void weightInitRejectsNonsense() {
        String hint = "expected 'he', 'xavier' or a positive number (the std of every layer), e.g. 0.01";
        for (String bad : new String[] {"relu", "-0.1", "0", "NaN", "Infinity", ""}) {
            assertEquals("weight init '" + bad + "' is not valid: " + hint,
                    assertThrows(IllegalArgumentException.class, () -> WeightInit.parse(bad)).getMessage(), bad);
        }
    }

    @Test
    void matrixWrapsExactLengthsOnly() {
        float[] data = {1, 2, 3, 4, 5, 6};
        Matrix m = new Matrix(2, 3, data);
        assertEquals(6f, m.get(1, 2));
        m.set(0, 1, 9f);
        assertEquals(9f, data[1], "wraps, does not copy");
        assertEquals("(2, 3)", m.shape());
        assertEquals("data has 6 floats, a (2, 2) matrix needs exactly 4",
                assertThrows(IllegalArgumentException.class, () -> new Matrix(2, 2, data)).getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(2, 0));
        assertEquals(Matrix.fromRows(new float[][] {{1, 9, 3}, {4, 5, 6}}).data[1], 9f);
    }
}
