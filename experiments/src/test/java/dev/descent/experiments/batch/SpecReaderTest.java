package dev.descent.experiments.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.common.UserError;
import dev.descent.experiments.train.Sampling;
import dev.descent.network.Activation;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecReaderTest {
    private static final String SGD = "sgd:lr=0.01";
    private static final String ADAM = "adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07";

    private static ExperimentSpec parse(String json) {
        return SpecReader.parse("spec.json", "from-file", json);
    }

    /** The message of the error {@code json} gives. */
    private static String error(String json) {
        return assertThrows(UserError.class, () -> parse(json)).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void anEmptyObjectIsTheBooksExperiment() {
        ExperimentSpec spec = parse("{}");
        assertEquals("from-file", spec.name());
        assertEquals(DataSet.MNIST, spec.dataset());
        assertEquals(List.of(100, 100, 100, 100), spec.network().hidden());
        assertEquals(Activation.RELU, spec.network().activation());
        assertEquals("he", spec.network().init().toString());
        assertEquals(2000, spec.iterations());
        assertEquals(128, spec.batchSize());
        assertEquals(Sampling.WITH_REPLACEMENT, spec.sampling());
        assertEquals(100, spec.evalEvery());
        assertEquals(List.of(0L), spec.seeds());
        assertEquals(List.of(SGD, "momentum:lr=0.01,momentum=0.9", "adagrad:lr=0.01,eps=1e-07",
                "rmsprop:lr=0.01,decay=0.99,eps=1e-07", ADAM), canonical(spec));
        assertEquals(SGD, spec.baseline().optimizer().canonical());
        assertFalse(spec.baseline().explicit());
        assertTrue(spec.targetAccuracy().isEmpty());
        assertEquals(5, spec.runs().size());
    }

    @Test
    void aSeedCountMeansSeedsFromZero() {
        assertEquals(List.of(0L, 1L, 2L), parse("{\"seeds\": 3}").seeds());
        assertEquals(List.of(7L, 3L), parse("{\"seeds\": [7, 3]}").seeds());
    }

    @Test
    void gridsExpandToEveryCombinationFirstKeySlowest() {
        ExperimentSpec spec = parse("""
                {"optimizers": ["sgd"],
                 "grids": [{"optimizer": "momentum", "lr": [0.1, 0.01], "momentum": [0.5, 0.9]},
                           {"optimizer": "adam", "lr": [1e-4, 0.001]}]}""");
        assertEquals(List.of(SGD, "momentum:lr=0.1,momentum=0.5", "momentum:lr=0.1,momentum=0.9",
                "momentum:lr=0.01,momentum=0.5", "momentum:lr=0.01,momentum=0.9",
                "adam:lr=0.0001,beta1=0.9,beta2=0.999,eps=1e-07", ADAM), canonical(spec));
    }

    @Test
    void aGridOfAMillionPointsIsRefusedBeforeItIsBuilt() {
        StringBuilder thousand = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            thousand.append(i == 0 ? "" : ", ").append(0.0001 * (i + 1));
        }
        // 1,000 learning rates × 1,000 β1 values; building them filled a 112 MB heap before this check.
        String message = error("{\"grids\": [{\"optimizer\": \"adam\", \"lr\": [" + thousand + "], \"beta1\": ["
                + thousand.toString().replace("0.0", "0.") + "]}]}");
        assertContains(message, "the grid at $.grids[0] has 1,000,000 points (the product of its lists' lengths),"
                + " more than the 100,000 one spec may have", "HINT: fewer values per key");
    }

    @Test
    void aGridKeyWithAtVariesTheBaseSpecsScheduleKey() {
        ExperimentSpec spec = parse("""
                {"grids": [{"optimizer": "adam@cosine:min=0.1", "lr": [0.001, 0.003], "@warmup": [0, 100]}]}""");
        String adam = "adam:lr=%s,beta1=0.9,beta2=0.999,eps=1e-07@cosine:warmup=%s,min=0.1";
        // lr slowest, then warmup; the base's min=0.1 stays in every setting.
        assertEquals(List.of(adam.formatted("0.001", "0"), adam.formatted("0.001", "100"),
                adam.formatted("0.003", "0"), adam.formatted("0.003", "100")), canonical(spec));
        assertEquals(100.0, spec.optimizers().get(1).schedule().hyperparameters().get("warmup"));
        // spec.json lists the expanded settings, which read back to the same ones.
        ExperimentSpec again = SpecReader.parse("spec.json", "again", spec.toJson().toString());
        assertEquals(canonical(spec), canonical(again));
    }

    @Test
    void aSettingListedTwiceRunsOnce() {
        ExperimentSpec spec = parse("""
                {"optimizers": ["adam", "adam:lr=0.001"], "grids": [{"optimizer": "adam", "lr": [0.001, 0.01]}]}""");
        assertEquals(List.of(ADAM, "adam:lr=0.01,beta1=0.9,beta2=0.999,eps=1e-07"), canonical(spec));
    }

    @Test
    void variantsReplaceNetworkFieldsAndMultiplyTheSettings() {
        ExperimentSpec spec = parse("""
                {"optimizers": ["sgd"], "network": {"hidden": [50, 50]},
                 "variants": [{"name": "std 0.01", "network": {"init": 0.01}},
                              {"network": {"init": "xavier", "activation": "sigmoid"}}],
                 "baseline": {"optimizer": "sgd", "variant": "std 0.01"}}""");
        assertEquals(2, spec.settings().size());
        Variant first = spec.variants().get(0);
        Variant second = spec.variants().get(1);
        assertEquals("std 0.01", first.name());
        assertEquals("0.01", first.network().init().toString());
        assertEquals(List.of(50, 50), first.network().hidden());
        assertEquals("init=xavier, activation=sigmoid", second.name());
        assertEquals(Activation.SIGMOID, second.network().activation());
        assertEquals("std 0.01", spec.baseline().variant());
    }

    @Test
    void theResolvedSpecReadsBackToTheSameExperiment() {
        ExperimentSpec spec = parse("""
                {"name": "x", "seeds": 2, "grids": [{"optimizer": "adam", "lr": [1e-4, 0.001]}],
                 "variants": [{"name": "a", "network": {"init": "xavier"}}, {"name": "b"}],
                 "target_accuracy": 0.9}""");
        ExperimentSpec again = parse(spec.toJson().toString());
        assertEquals(spec.toJson(), again.toJson());
        assertEquals(spec.runs().stream().map(RunConfiguration::key).toList(),
                again.runs().stream().map(RunConfiguration::key).toList());
    }

    @Test
    void unknownFieldNamesItsPathTheValidFieldsAndTheNearestOne() {
        assertContains(error("{\"netwrok\": {}}"), "spec.json: unknown field \"netwrok\" at $.netwrok",
                "valid fields: name, description, dataset, data, network,", "did you mean \"network\"?");
        assertContains(error("{\"network\": {\"hiden\": [10]}}"), "unknown field \"hiden\" at $.network.hiden",
                "valid fields: hidden, activation, init, weight_decay");
        assertContains(error("{\"variants\": [{\"name\": \"a\", \"net\": {}}]}"),
                "unknown field \"net\" at $.variants[0].net");
    }

    @Test
    void wrongTypeNamesThePathWhatWasExpectedAndWhatCame() {
        assertContains(error("{\"iterations\": \"2000\"}"),
                "wrong type at $.iterations: expected an integer, got the string \"2000\"");
        assertContains(error("{\"iterations\": 2.5}"), "wrong type at $.iterations: expected an integer");
        assertContains(error("{\"optimizers\": \"adam\"}"), "wrong type at $.optimizers: expected a list");
        assertContains(error("{\"optimizers\": [\"sgd\", 3]}"),
                "wrong type at $.optimizers[1]: expected a string, got the number 3");
        assertContains(error("{\"network\": {\"hidden\": [100, true]}}"), "$.network.hidden[1]");
        assertContains(error("[]"), "wrong type at $: expected an object");
    }

    @Test
    void emptyOptimizerListSaysWhatToWrite() {
        assertContains(error("{\"optimizers\": []}"), "spec.json: empty list at $.optimizers",
                "list at least one optimizer spec");
    }

    @Test
    void negativeSeedCountSaysWhatIsValid() {
        assertContains(error("{\"seeds\": -3}"), "spec.json: negative seed count -3 at $.seeds",
                "a list of seeds such as [0, 1, 2]");
        assertContains(error("{\"seeds\": 0}"), "seed count 0 at $.seeds");
        assertContains(error("{\"seeds\": []}"), "empty list at $.seeds");
        assertContains(error("{\"seeds\": [1, 2, 1]}"), "seed 1 appears twice", "$.seeds[2]");
    }

    @Test
    void badOptimizerSpecNamesItsPlaceInTheList() {
        assertContains(error("{\"optimizers\": [\"sgd\", \"adam\", \"adamm\"]}"),
                "spec.json: bad optimizer spec at $.optimizers[2]: unknown optimizer 'adamm'", "valid names:");
        assertContains(error("{\"optimizers\": [\"sgd:lr=-1\"]}"), "bad optimizer spec at $.optimizers[0]");
        assertContains(error("{\"grids\": [{\"optimizer\": \"adam\", \"lr\": [0.001, -1]}]}"),
                "bad optimizer spec at $.grids[0].lr[1]");
        assertContains(error("{\"grids\": [{\"optimizer\": \"adam\", \"momentum\": [0.9]}]}"),
                "bad optimizer spec at $.grids[0].momentum[0]", "unknown key 'momentum' for adam");
        assertContains(error("{\"grids\": [{\"lr\": [0.1]}]}"),
                "missing field \"optimizer\" in the grid at $.grids[0]");
        assertContains(error("{\"grids\": [{\"optimizer\": \"adam\"}]}"), "lists no hyperparameter");
    }

    @Test
    void badScheduleGridKeysNameTheirPlaceAndTheValidKeys() {
        assertContains(error("{\"grids\": [{\"optimizer\": \"adam@cosine\", \"@warmupp\": [0, 100]}]}"),
                "spec.json: unknown schedule key \"warmupp\" at $.grids[0].@warmupp for the cosine schedule",
                "valid schedule keys: @warmup, @min");
        assertContains(error("{\"grids\": [{\"optimizer\": \"adam\", \"@warmup\": [0, 100]}]}"),
                "schedule key \"warmup\" at $.grids[0].@warmup", "\"adam\" has no schedule",
                "HINT: attach one to it, e.g. \"optimizer\": \"adam@cosine\"", "step", "wsd");
        assertContains(error("{\"grids\": [{\"optimizer\": \"adam@cosine\", \"@warmup\": [0, 1.5]}]}"),
                "bad schedule value at $.grids[0].@warmup[1]", "warmup must be a whole number");
        assertContains(error("{\"grids\": [{\"optimizer\": \"adam@step\", \"@gamma\": [0.5, 2]}]}"),
                "bad schedule value at $.grids[0].@gamma[1]", "gamma must be in (0, 1]");
        assertContains(error("{\"grids\": [{\"optimizer\": \"adam@cosine\", \"@warmup\": []}]}"),
                "empty list at $.grids[0].@warmup");
        // The schedule's key written without @ is taken for the optimizer's, and the error says how to write it.
        assertContains(error("{\"grids\": [{\"optimizer\": \"adam@cosine\", \"warmup\": [0, 100]}]}"),
                "bad optimizer spec at $.grids[0].warmup[0]", "unknown key 'warmup' for adam",
                "HINT: write \"@warmup\" to vary the schedule's warmup");
    }

    @Test
    void badValuesNameTheirField() {
        assertContains(error("{\"dataset\": \"cifar\"}"),
                "unknown dataset \"cifar\" at $.dataset; valid: mnist, fashion");
        assertContains(error("{\"iterations\": 0}"), "$.iterations is 0; it must be at least 1");
        assertContains(error("{\"sampling\": \"shuffle\"}"), "bad sampling at $.sampling");
        assertContains(error("{\"network\": {\"init\": \"glorot\"}}"), "bad weight init at $.network.init");
        assertContains(error("{\"network\": {\"activation\": \"tanh\"}}"), "bad activation at $.network.activation");
        assertContains(error("{\"network\": {\"hidden\": [100, 0]}}"), "width 0 at $.network.hidden[1]");
        assertContains(error("{\"network\": {\"weight_decay\": -0.1}}"), "$.network.weight_decay");
        assertContains(error("{\"target_accuracy\": 97}"), "target accuracy 97.0 at $.target_accuracy",
                "must be in (0, 1]");
        assertContains(error("{\"variants\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}"), "two variants are named \"a\"");
    }

    @Test
    void anExplicitBaselineMustBeOneOfTheSettings() {
        assertContains(error("{\"optimizers\": [\"adam\"], \"baseline\": \"sgd\"}"),
                "the baseline sgd:lr=0.01 at $.baseline is not one of the settings");
        assertContains(error("{\"baseline\": {\"optimizer\": \"sgd\", \"variant\": \"nope\"}}"),
                "unknown variant \"nope\" at $.baseline.variant");
        assertEquals(ADAM, parse("{\"baseline\": \"adam\"}").baseline().optimizer().canonical());
    }

    @Test
    void theDefaultBaselineMayBeAbsent() {
        ExperimentSpec spec = parse("{\"optimizers\": [\"adam\"]}");
        assertTrue(spec.baselineSetting().isEmpty());
    }

    @Test
    void invalidJsonGivesLineAndColumn() {
        assertContains(error("{\n  \"seeds\": 3,\n  \"iterations\" 5\n}"), "spec.json: not valid JSON at line 3");
        assertContains(error("{\"seeds\": 1, \"seeds\": 2}"), "not valid JSON", "seeds");
        assertContains(error(""), "the file is empty");
    }

    private static List<String> canonical(ExperimentSpec spec) {
        return spec.optimizers().stream().map(dev.descent.optimizers.OptimizerSpec::canonical).toList();
    }
}
