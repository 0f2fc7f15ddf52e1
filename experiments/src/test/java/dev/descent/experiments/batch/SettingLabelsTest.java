package dev.descent.experiments.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.optimizers.OptimizerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingLabelsTest {

    @Test
    void briefKeepsTheLearningRateAndWhatDiffersFromTheDefaults() {
        assertEquals("adam:lr=0.001", brief("adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07"));
        assertEquals("adam:lr=0.01,beta2=0.99", brief("adam:lr=0.01,beta1=0.9,beta2=0.99,eps=1e-07"));
        assertEquals("momentum:lr=0.01,momentum=0.5", brief("momentum:lr=0.01,momentum=0.5"));
        assertEquals("sgd:lr=0.01", brief("sgd:lr=0.01"));
    }

    private static String brief(String spec) {
        return OptimizerSpec.parse(spec).brief();
    }

    @Test
    void learningRateAndTheRest() {
        OptimizerSpec adam = OptimizerSpec.parse("adam:lr=0.0003,beta1=0.9,beta2=0.999,eps=1e-07");
        assertEquals(0.0003, adam.learningRate(), 0);
        // Settings that differ only in lr share their family (one line of the sensitivity chart); others do not.
        assertEquals("adam", adam.family());
        assertEquals(adam.family(), OptimizerSpec.parse("adam:lr=0.1").family());
        assertEquals("adam:beta2=0.99", OptimizerSpec.parse("adam:lr=0.1,beta2=0.99").family());
        assertEquals("sgd", OptimizerSpec.parse("sgd:lr=0.1").family());
    }

    @Test
    void labelsShowTheVariantWhenThereAreVariants() {
        ExperimentSpec oneOptimizer = SpecReader.parse("s.json", "s", """
                {"optimizers": ["sgd"], "variants": [{"name": "He"}, {"name": "Xavier",
                 "network": {"init": "xavier"}}]}""");
        assertEquals(List.of("He", "Xavier"), List.copyOf(SettingLabels.of(oneOptimizer).values()));
        ExperimentSpec two = SpecReader.parse("s.json", "s", """
                {"optimizers": ["sgd", "adam"], "variants": [{"name": "He"}]}""");
        assertEquals(List.of("He · sgd:lr=0.01", "He · adam:lr=0.001"), List.copyOf(SettingLabels.of(two).values()));
    }
}
