package dev.descent.experiments.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.experiments.cli.OptimizerSpecs;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingLabelsTest {

    @Test
    void briefKeepsTheLearningRateAndWhatDiffersFromTheDefaults() {
        assertEquals("adam:lr=0.001", OptimizerSpecs.brief("adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07"));
        assertEquals("adam:lr=0.01,beta2=0.99", OptimizerSpecs.brief("adam:lr=0.01,beta1=0.9,beta2=0.99,eps=1e-07"));
        assertEquals("momentum:lr=0.01,momentum=0.5", OptimizerSpecs.brief("momentum:lr=0.01,momentum=0.5"));
        assertEquals("sgd:lr=0.01", OptimizerSpecs.brief("sgd:lr=0.01"));
    }

    @Test
    void learningRateAndTheRest() {
        assertEquals(0.0003, SettingLabels.learningRate("adam:lr=0.0003,beta1=0.9,beta2=0.999,eps=1e-07"), 0);
        assertEquals("adam:beta1=0.9,beta2=0.999,eps=1e-07",
                SettingLabels.withoutLearningRate("adam:lr=0.0003,beta1=0.9,beta2=0.999,eps=1e-07"));
        assertEquals("sgd", SettingLabels.withoutLearningRate("sgd:lr=0.1"));
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
