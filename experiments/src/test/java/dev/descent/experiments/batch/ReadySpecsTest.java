package dev.descent.experiments.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
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
}
