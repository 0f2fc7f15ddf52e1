package dev.descent.experiments.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The specs shipped in {@code experiments/specs/} read cleanly and ask for the runs their descriptions promise. */
class ReadySpecsTest {
    /** Maven runs tests in the module directory. */
    private static final Path SPECS = Path.of("specs");

    private static ExperimentSpec read(String name) {
        return SpecReader.read(SPECS.resolve(name));
    }

    @Test
    void bookCompareIsTheBooksExperimentOnOneSeed() {
        ExperimentSpec spec = read("book-compare.json");
        assertEquals(SpecReader.parse("default.json", "book-compare", "{\"baseline\": \"sgd\", \"target_accuracy\":"
                + " 0.95}").runs().stream().map(RunConfiguration::key).toList(),
                spec.runs().stream().map(RunConfiguration::key).toList());
        assertEquals(5, spec.runs().size());
    }

    @Test
    void theOtherSpecsAskForTheirRuns() {
        assertEquals(25, read("book-compare-5-seeds.json").runs().size());
        assertEquals(90, read("lr-sweep.json").runs().size());
        assertEquals(25, read("fashion-compare.json").runs().size());
        ExperimentSpec weightInit = read("weight-init.json");
        assertEquals(15, weightInit.runs().size());
        assertEquals("0.01", weightInit.variants().get(0).network().init().toString());
        assertEquals("std=0.01", weightInit.baselineSetting().orElseThrow().variant().name());
    }

    @Test
    void batchNormIsFigure618WithAndWithoutBatchNormAtAllSixteenOfTheBooksScales() {
        ExperimentSpec spec = read("batchnorm.json");
        assertEquals(32, spec.runs().size());
        assertEquals(1000, spec.trainSize());
        assertEquals(List.of(100, 100, 100, 100, 100), spec.network().hidden());
        List<Variant> variants = spec.variants();
        for (int k = 0; k < 16; k++) {
            // Point k of the book's np.logspace(0, -4, num=16), to three significant digits.
            double scale = Math.pow(10, -4.0 * k / 15);
            for (Variant variant : variants.subList(2 * k, 2 * k + 2)) {
                double std = Double.parseDouble(variant.network().init().toString());
                assertEquals(scale, std, 0.005 * scale, variant.name());
            }
            assertTrue(variants.get(2 * k).network().batchNorm());
            assertFalse(variants.get(2 * k + 1).network().batchNorm());
        }
        assertEquals(200, spec.iterations());
        assertEquals(100, spec.batchSize());
    }

    @Test
    void overfitAndDropoutAreFigures620To623On300Images() {
        ExperimentSpec overfit = read("overfit.json");
        ExperimentSpec dropout = read("dropout.json");
        for (ExperimentSpec spec : List.of(overfit, dropout)) {
            assertEquals(300, spec.trainSize());
            assertEquals(List.of(100, 100, 100, 100, 100, 100), spec.network().hidden());
            assertEquals(6, spec.runs().size());
            assertEquals("sgd:lr=0.01", spec.optimizers().get(0).canonical());
        }
        assertEquals(List.of(0.0, 0.1), overfit.variants().stream().map(v -> v.network().weightDecay()).toList());
        assertEquals(List.of(0.0, 0.2), dropout.variants().stream().map(v -> v.network().dropout()).toList());
        assertEquals(601, overfit.iterations());
        assertEquals(903, dropout.iterations());
        assertTrue(overfit.trainAccuracy() && dropout.trainAccuracy(), "figure 6-20 needs the train accuracy");
        assertEquals(300, overfit.runs().get(0).setup().trainingExamples(60_000), "no validation split");
    }

    @Test
    void hyperparameterSearchIsTheBooksSection65() {
        ExperimentSpec spec = read("hyperparameter-search.json");
        assertEquals(500, spec.trainSize());
        assertEquals(100, spec.validation(), "20 % of 500");
        assertEquals(400, spec.setup(spec.variants().get(0), 0).trainingExamples(60_000));
        assertEquals(200, spec.iterations(), "50 epochs of 400 / 100 iterations");
        TuningSpec tuning = spec.tuning();
        assertEquals(100, tuning.trials());
        assertEquals(TuningSpec.Search.RANDOM, tuning.search());
        assertEquals(TuningSpec.Select.VALIDATION_ACCURACY, tuning.select());
        assertEquals(List.of(new ParameterRange("lr", ParameterRange.Scale.LOG, 1e-6, 1e-2),
                new ParameterRange(ParameterRange.NETWORK_WEIGHT_DECAY, ParameterRange.Scale.LOG, 1e-8, 1e-4)),
                tuning.ranges());
        assertEquals(List.of("sgd:lr=0.01"), spec.optimizers().stream().map(o -> o.canonical()).toList());
    }

    @Test
    void fairCompareTunesEveryRuleButMuon() {
        ExperimentSpec spec = read("fair-compare.json");
        ExperimentSpec untuned = read("modern-compare.json");
        assertEquals(15, spec.optimizers().size());
        assertTrue(spec.optimizers().containsAll(untuned.optimizers().stream()
                .filter(o -> !o.name().equals("muon")).toList()));
        assertTrue(spec.optimizers().stream().noneMatch(o -> o.name().equals("muon")));
        assertEquals(20, spec.tuning().trials());
        assertEquals(10_000, spec.validation());
        assertEquals(5, spec.seeds().size());
        assertEquals(List.of(ParameterRange.DEFAULT_LR), spec.tuning().ranges());
        assertEquals(0.97, spec.targetAccuracy().getAsDouble());
        assertEquals(untuned.iterations(), spec.iterations());
        assertEquals(untuned.batchSize(), spec.batchSize());
    }
}
