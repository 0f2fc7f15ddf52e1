package dev.descent.experiments.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.common.UserError;
import dev.descent.experiments.train.TrainingSetup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec fields of §6.3–§6.4: {@code network.batch_norm}, {@code network.dropout}, {@code train_size}. */
class ExtendedNetSpecTest {

    private static ExperimentSpec parse(String json) {
        return SpecReader.parse("spec.json", "t", json);
    }

    private static String error(String json) {
        return assertThrows(UserError.class, () -> parse(json)).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
        }
    }

    @Test
    void byDefaultThereIsNoBatchNormNoDropoutAndTheWholeTrainingSet() {
        ExperimentSpec spec = parse("{}");
        assertFalse(spec.network().batchNorm());
        assertEquals(0.0, spec.network().dropout());
        assertEquals(TrainingSetup.ALL_TRAINING_EXAMPLES, spec.trainSize());
        TrainingSetup setup = spec.runs().get(0).setup();
        assertFalse(setup.extended());
        assertEquals(60000, setup.trainingExamples(60000));
    }

    @Test
    void theFieldsReachEveryRunsSetup() {
        ExperimentSpec spec = parse("{\"network\": {\"batch_norm\": true, \"dropout\": 0.2}, \"train_size\": 300,"
                + " \"batch_size\": 100, \"optimizers\": [\"sgd\"]}");
        TrainingSetup setup = spec.runs().get(0).setup();
        assertTrue(setup.batchNorm());
        assertEquals(0.2, setup.dropout());
        assertEquals(300, setup.trainSize());
        assertEquals(300, setup.trainingExamples(60000));
        assertTrue(setup.extended());
    }

    @Test
    void variantsSetBatchNormAndDropoutAndAreNamedByThem() {
        ExperimentSpec spec = parse("{\"optimizers\": [\"sgd\"], \"variants\": [{}, {\"network\": {\"batch_norm\":"
                + " true}}, {\"network\": {\"dropout\": 0.2}}]}");
        assertEquals(List.of("variant 1", "batch_norm=true", "dropout=0.2"),
                spec.variants().stream().map(Variant::name).toList());
        List<TrainingSetup> setups = spec.runs().stream().map(RunConfiguration::setup).toList();
        assertFalse(setups.get(0).extended());
        assertTrue(setups.get(1).batchNorm());
        assertEquals(0.0, setups.get(1).dropout());
        assertFalse(setups.get(2).batchNorm());
        assertEquals(0.2, setups.get(2).dropout());
    }

    @Test
    void theResolvedSpecReadsBackToTheSameRuns() {
        ExperimentSpec spec = parse("{\"network\": {\"dropout\": 0.2}, \"train_size\": 300, \"batch_size\": 100,"
                + " \"optimizers\": [\"sgd\"], \"variants\": [{\"name\": \"BN\", \"network\": {\"batch_norm\": true}},"
                + " {\"name\": \"plain\"}]}");
        assertEquals(300, spec.toJson().get("train_size").asInt());
        assertTrue(spec.toJson().get("variants").get(0).get("network").get("batch_norm").asBoolean());
        ExperimentSpec again = parse(spec.toJson().toString());
        assertEquals(spec.toJson(), again.toJson());
        assertEquals(spec.runs().stream().map(RunConfiguration::key).toList(),
                again.runs().stream().map(RunConfiguration::key).toList());
        assertFalse(parse("{}").toJson().has("train_size"), "the whole training set is the field left out");
    }

    @Test
    void badValuesNameTheirField() {
        assertContains(error("{\"network\": {\"dropout\": 1}}"), "spec.json: dropout ratio 1.0 at $.network.dropout",
                "must be in [0, 1)");
        assertContains(error("{\"network\": {\"dropout\": -0.1}}"), "$.network.dropout");
        assertContains(error("{\"variants\": [{\"network\": {\"dropout\": 1.5}}]}"), "$.variants[0].network.dropout");
        assertContains(error("{\"network\": {\"batch_norm\": \"yes\"}}"),
                "wrong type at $.network.batch_norm: expected true or false, got the string \"yes\"");
        assertContains(error("{\"train_size\": 0}"), "$.train_size is 0; it must be at least 1");
        assertContains(error("{\"train_size\": 300.5}"), "wrong type at $.train_size: expected an integer");
        assertContains(error("{\"train_size\": 100}"), "$.train_size is 100, smaller than the batch size 128",
                "\"train_size\" >= \"batch_size\"");
        assertContains(error("{\"network\": {\"batchnorm\": true}}"), "unknown field \"batchnorm\"",
                "did you mean \"batch_norm\"?");
    }
}
