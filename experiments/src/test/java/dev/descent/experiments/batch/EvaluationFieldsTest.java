package dev.descent.experiments.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.common.UserError;
import dev.descent.experiments.io.Json;
import dev.descent.experiments.train.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec fields {@code evaluate}, {@code validation} and {@code tuning}: read and checked, written back, part of a
 * run's key only when set, and their measurements stored in the run file under its checksum.
 */
class EvaluationFieldsTest {
    private final StringWriter warnings = new StringWriter();

    private static ExperimentSpec parse(String json) {
        return SpecReader.parse("s.json", "s", json);
    }

    private static String error(String json) {
        return assertThrows(UserError.class, () -> parse(json)).getMessage();
    }

    @Test
    void withoutTheNewFieldsEveryKeyIsWhatItWas() {
        String plain = "{\"iterations\": 30, \"train_size\": 300, \"batch_size\": 100, \"seeds\": 2}";
        String withTest = "{\"iterations\": 30, \"train_size\": 300, \"batch_size\": 100, \"seeds\": 2,"
                + " \"evaluate\": [\"test\"]}";
        List<String> keys = parse(plain).runs().stream().map(RunConfiguration::key).toList();
        assertEquals(keys, parse(withTest).runs().stream().map(RunConfiguration::key).toList());
        assertNull(parse(plain).runs().get(0).identity().get("validation"));
        assertNull(parse(plain).runs().get(0).identity().get("train_accuracy"));
        assertNull(parse(plain).toJson().get("evaluate"));
        assertNull(parse(plain).toJson().get("validation"));
        assertNull(parse(plain).toJson().get("tuning"));
    }

    @Test
    void trainAccuracyAndTheSplitChangeTheKeyAndReadBack() {
        ExperimentSpec spec = parse("{\"train_size\": 500, \"batch_size\": 100, \"validation\": 0.2,"
                + " \"evaluate\": [\"train\", \"test\", \"validation\"]}");
        assertEquals(100, spec.validation(), "the book's int(500 * 0.2)");
        assertTrue(spec.trainAccuracy());
        RunConfiguration run = spec.runs().get(0);
        assertEquals(100, run.setup().validation());
        assertTrue(run.setup().trainAccuracy());
        ExperimentSpec plain = parse("{\"train_size\": 500, \"batch_size\": 100}");
        assertNotEquals(plain.runs().get(0).key(), run.key());
        ExperimentSpec back = SpecReader.parse("spec.json", "s", spec.toJson().toString());
        assertEquals(spec.runs().stream().map(RunConfiguration::key).toList(),
                back.runs().stream().map(RunConfiguration::key).toList());
        assertEquals(10_000, parse("{\"validation\": 10000}").validation());
    }

    @Test
    void badFieldsAreNamedWithTheirPath() {
        assertTrue(error("{\"evaluate\": [\"train\"]}").contains("$.evaluate does not list \"test\""));
        assertTrue(error("{\"evaluate\": [\"test\", \"trian\"]}").contains("did you mean \"train\""));
        assertTrue(error("{\"evaluate\": [\"test\", \"validation\"]}").contains("holds out no validation set"));
        assertTrue(error("{\"validation\": 0.2}").contains("needs \"train_size\""));
        assertTrue(error("{\"validation\": 1.5}").contains("must be in (0, 1)"));
        assertTrue(error("{\"validation\": 0}").contains("$.validation is 0"));
        assertTrue(error("{\"train_size\": 300, \"batch_size\": 100, \"validation\": 250}")
                .contains("leaves 50 of \"train_size\" 300 to train on"));
        assertTrue(error("{\"tuning\": {\"trials\": 5}}").contains("no validation set to select on"));
        assertTrue(error("{\"tuning\": {\"validation\": 100}}").contains("missing field \"trials\""));
        assertTrue(error("{\"tuning\": {\"trials\": 5, \"validation\": 100, \"search\": \"bayes\"}}")
                .contains("unknown value \"bayes\" at $.tuning.search; valid: random, grid"));
        assertTrue(error("{\"tuning\": {\"trials\": 5, \"validation\": 100, \"ranges\": {\"beta9\": {\"log\": [0.1,"
                + " 1]}}}}").contains("no optimizer of the spec has the hyperparameter \"beta9\""));
        assertTrue(error("{\"tuning\": {\"trials\": 5, \"validation\": 100, \"ranges\": {\"lr\": {\"log\": [0,"
                + " 1]}}}}").contains("a log range needs bounds > 0"));
        assertTrue(error("{\"tuning\": {\"trials\": 5, \"validation\": 100, \"ranges\": {\"network.weight_decay\":"
                + " {\"decades\": 2}}}}").contains("\"decades\" at $.tuning.ranges.network.weight_decay"));
        assertTrue(error("{\"validation\": 100, \"tuning\": {\"trials\": 5, \"validation\": 200}}")
                .contains("differs from \"validation\" 100"));
    }

    @Test
    void aTuningReadsWithItsDefaultsAndWritesBack() {
        ExperimentSpec spec = parse("{\"seeds\": [4, 5], \"optimizers\": [\"sgd\", \"adam\"], \"tuning\": {\"trials\":"
                + " 20, \"validation\": 10000}}");
        TuningSpec tuning = spec.tuning();
        assertEquals(20, tuning.trials());
        assertEquals(TuningSpec.Search.RANDOM, tuning.search());
        assertEquals(TuningSpec.Select.FINAL_VALIDATION_LOSS, tuning.select());
        assertEquals(List.of(ParameterRange.DEFAULT_LR), tuning.ranges());
        assertEquals(4, tuning.seed(), "the first seed");
        assertEquals(10_000, spec.validation());
        ExperimentSpec back = SpecReader.parse("spec.json", "s", spec.toJson().toString());
        assertEquals(tuning, back.tuning());
        assertEquals(spec.validation(), back.validation());
    }

    private RunStore store(Path dir) {
        return new RunStore(dir, new PrintWriter(warnings, true));
    }

    @Test
    void theNewMeasurementsAreStoredUnderTheChecksum(@TempDir Path dir) throws Exception {
        RunConfiguration run = parse("{\"iterations\": 3, \"eval_every\": 2, \"validation\": 100,"
                + " \"evaluate\": [\"test\", \"train\"]}").runs().get(0);
        RunResult result = new RunResult(run.optimizer().canonical(), new double[] {2.3, 2.2, 2.1}, new int[] {0, 2},
                new double[] {0.1, 0.2}, -1, true, 1000, 500, new double[] {0.11, 0.25}, new double[] {0.12, 0.23},
                new double[] {2.25, 1.875});
        RunStore store = store(dir);
        store.save(run, result);
        RunResult back = store.load(run).orElseThrow();
        assertArrayEquals(result.trainAccuracy(), back.trainAccuracy(), 0);
        assertArrayEquals(result.validationAccuracy(), back.validationAccuracy(), 0);
        assertArrayEquals(result.validationLoss(), back.validationLoss(), 0);
        assertEquals(1.875, back.finalValidationLoss());

        Path file = store.path(run);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(3, Json.mapper().readTree(text).get("format_version").intValue());
        Files.writeString(file, text.replace("1.875", "1.5"));
        assertTrue(store.load(run).isEmpty(), "an edited validation loss is caught");
        assertTrue(warnings.toString().contains("numbers_sha256"), warnings.toString());
        // A file without the measurements its configuration asks for is not this run's.
        Files.writeString(file, text.replaceAll(",\\s*\"train_accuracy\" : \\[[^]]*]", ""));
        assertTrue(store.load(run).isEmpty());
        assertTrue(warnings.toString().contains("evaluations.train_accuracy is not a list"), warnings.toString());
    }
}
