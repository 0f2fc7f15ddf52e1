package dev.descent.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The spec value: texts written out by hand, round trips, and the learning-rate grid helper. */
class OptimizerSpecTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "adam                         | adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07 | adam:lr=0.001         | adam",
        "ADAM : beta1 = 0.8           | adam:lr=0.001,beta1=0.8,beta2=0.999,eps=1e-07 | adam:lr=0.001,beta1=0.8 | adam:beta1=0.8",
        "momentum:momentum=0.5,lr=0.1 | momentum:lr=0.1,momentum=0.5                  | momentum:lr=0.1,momentum=0.5 | momentum:momentum=0.5",
        "sgd:lr=0.01                  | sgd:lr=0.01                                    | sgd:lr=0.01           | sgd",
    })
    void textsByHand(String text, String canonical, String brief, String family) {
        OptimizerSpec spec = OptimizerSpec.parse(text);
        assertEquals(canonical, spec.canonical());
        assertEquals(canonical, spec.toString());
        assertEquals(brief, spec.brief());
        assertEquals(family, spec.family());
        assertEquals(spec, OptimizerSpec.parse(spec.canonical()));
        assertEquals(spec.hashCode(), OptimizerSpec.parse(spec.canonical()).hashCode());
    }

    @Test
    void hyperparametersInCanonicalOrder() {
        OptimizerSpec spec = OptimizerSpec.parse("rmsprop:eps=1e-8,decay=0.9");
        assertEquals(List.of("lr", "decay", "eps"), List.copyOf(spec.hyperparameters().keySet()));
        assertEquals(Map.of("lr", 0.01, "decay", 0.9, "eps", 1e-8), spec.hyperparameters());
        assertThrows(UnsupportedOperationException.class, () -> spec.hyperparameters().put("lr", 1.0));
        assertEquals(0.01, spec.learningRate());
    }

    @Test
    void createMakesFreshEqualOptimizers() {
        OptimizerSpec spec = OptimizerSpec.parse("adam:lr=0.3");
        Optimizer first = spec.create();
        Optimizer second = spec.create();
        assertNotSame(first, second);
        assertEquals(first, second);
        assertEquals(spec, OptimizerSpec.of(first));
    }

    @Test
    void withChangesOneKeyAndValidates() {
        OptimizerSpec spec = OptimizerSpec.parse("adam");
        assertEquals("adam:lr=0.01,beta1=0.9,beta2=0.999,eps=1e-07", spec.with("lr", 0.01).canonical());
        assertNotEquals(spec, spec.with("lr", 0.01));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> spec.with("momentum", 0.9));
        assertTrue(unknown.getMessage().contains("unknown key 'momentum' for adam"), unknown.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> spec.with("beta1", 1.5));
        assertTrue(range.getMessage().contains("beta1 must be in [0, 1)"), range.getMessage());
    }
}
