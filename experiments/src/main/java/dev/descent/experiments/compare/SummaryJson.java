package dev.descent.experiments.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.experiments.cli.VersionInfo;
import dev.descent.experiments.io.Json;
import dev.descent.experiments.train.RunResult;
import dev.descent.experiments.train.TrainingSetup;
import dev.descent.network.Kernels;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The {@code summary.json} of a comparison: the configuration in the shared experiment-spec format (so
 * {@code descent run} can repeat it), whether it completed, when and where it ran, and one entry per run.
 * Numbers that do not exist (the final loss of a diverged run) are {@code null}, never NaN, so any JSON reader
 * takes the file.
 */
final class SummaryJson {
    /** The {@code name} written into the configuration. */
    static final String NAME = "compare";

    private SummaryJson() {
    }

    static ObjectNode of(ComparisonResult result) {
        ObjectNode summary = Json.mapper().createObjectNode();
        summary.set("configuration", configuration(result.settings()));
        summary.put("complete", result.complete());
        summary.put("started", timestamp(result.started()));
        summary.put("finished", timestamp(result.finished()));
        summary.put("wall_seconds", result.wallSeconds());
        summary.put("descent_version", VersionInfo.descentVersion());
        summary.set("machine", machine(result.settings().threads()));
        ArrayNode runs = summary.putArray("runs");
        for (RunResult run : result.runs()) {
            runs.add(run(run));
        }
        return summary;
    }

    /** The experiment spec that repeats this comparison (same keys and spellings as a spec file). */
    static ObjectNode configuration(CompareSettings settings) {
        TrainingSetup setup = settings.setup();
        ObjectNode configuration = Json.mapper().createObjectNode();
        configuration.put("name", NAME);
        configuration.put("dataset", setup.dataset());
        if (settings.dataDir() == null) {
            configuration.putNull("data");
        } else {
            configuration.put("data", settings.dataDir().toAbsolutePath().normalize().toString());
        }
        ObjectNode network = configuration.putObject("network");
        ArrayNode hidden = network.putArray("hidden");
        setup.hiddenSizes().forEach(hidden::add);
        network.put("activation", setup.activation().toString());
        network.put("init", setup.weightInit());
        network.put("weight_decay", setup.weightDecay());
        configuration.put("iterations", setup.iterations());
        configuration.put("batch_size", setup.batchSize());
        configuration.put("sampling", setup.sampling().label());
        configuration.put("eval_every", setup.evalEvery());
        configuration.putArray("seeds").add(setup.seed());
        ArrayNode optimizers = configuration.putArray("optimizers");
        settings.optimizers().forEach(optimizers::add);
        return configuration;
    }

    private static ObjectNode machine(int threads) {
        ObjectNode machine = Json.mapper().createObjectNode();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("threads", threads);
        machine.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("kernels", Kernels.describe());
        return machine;
    }

    private static ObjectNode run(RunResult run) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("optimizer", run.optimizer());
        number(node, "final_loss", run.finalLoss());
        number(node, "test_accuracy", run.finalAccuracy());
        number(node, "ms_per_iteration", run.msPerIteration());
        node.put("wall_seconds", run.wallSeconds());
        node.put("diverged", run.diverged());
        if (run.diverged()) {
            node.put("diverged_at", run.divergedAt());
        } else {
            node.putNull("diverged_at");
        }
        node.put("iterations_completed", run.losses().length);
        node.put("complete", run.complete());
        return node;
    }

    /** ISO 8601 with the offset, to the millisecond. */
    private static String timestamp(OffsetDateTime time) {
        return time.truncatedTo(ChronoUnit.MILLIS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}
