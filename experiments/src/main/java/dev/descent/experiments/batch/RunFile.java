package dev.descent.experiments.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.experiments.train.RunResult;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The JSON form of one finished run, {@code runs/<key>.json}: its configuration (the identity its key is hashed
 * from), the per-iteration training loss, the test accuracy at each evaluation, times and the divergence flag.
 *
 * <p>Numbers are written as the shortest decimal that reads back to the same double, so a stored run aggregates
 * to exactly what the run computed. Reading checks the file against its name and its own configuration and
 * rejects anything inconsistent: such a file is computed again, never trusted. A file edited into other valid JSON
 * (a changed loss) is caught by {@value #CHECKSUM}, a SHA-256 of the exact bits of every number the summaries use.
 */
final class RunFile {
    static final String FORMAT = "descent-run";
    /**
     * Version 3 added the train accuracy and the validation accuracy and loss (present when measured, in the
     * checksum after the test accuracy); it is written only for runs that measure them, so every other run file
     * stays version 2. Version 2 added {@value #CHECKSUM}; versions 1 and 2 are still read.
     */
    static final int FORMAT_VERSION = 3;
    private static final int CHECKSUM_VERSION = 2;
    private static final int LEGACY_VERSION = 1;
    static final String TRAIN_ACCURACY = "train_accuracy";
    static final String VALIDATION_ACCURACY = "validation_accuracy";
    static final String VALIDATION_LOSS = "validation_loss";
    static final String CHECKSUM = "numbers_sha256";

    private RunFile() {
    }

    static ObjectNode toJson(RunConfiguration run, RunResult result, Instant finishedAt) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("format", FORMAT);
        // Version 3 only for a run with the newer measurements: any other run's file is what it always was.
        boolean newer = result.trainAccuracy().length > 0 || result.validationAccuracy().length > 0;
        json.put("format_version", newer ? FORMAT_VERSION : CHECKSUM_VERSION);
        json.put("key", run.key());
        json.set("configuration", run.identity());
        json.put("architecture", run.setup().architecture());
        json.put("finished_at", finishedAt.toString());
        json.put("wall_nanos", result.wallNanos());
        json.put("train_nanos", result.trainNanos());
        json.put("wall_seconds", result.wallSeconds());
        json.put("ms_per_iteration", result.msPerIteration());
        json.put("diverged", result.diverged());
        json.put("diverged_at", result.diverged() ? Integer.valueOf(result.divergedAt()) : null);
        json.put("final_loss", Double.isFinite(result.finalLoss()) ? result.finalLoss() : null);
        json.put("final_accuracy", Double.isFinite(result.finalAccuracy()) ? result.finalAccuracy() : null);
        ArrayNode losses = json.putArray("losses");
        for (double loss : result.losses()) {
            losses.add(loss);
        }
        ObjectNode evaluations = json.putObject("evaluations");
        ArrayNode iterations = evaluations.putArray("iterations");
        for (int iteration : result.evalIterations()) {
            iterations.add(iteration);
        }
        ArrayNode accuracy = evaluations.putArray("test_accuracy");
        for (double value : result.testAccuracy()) {
            accuracy.add(value);
        }
        // Written only when measured, so a run without them has the same file as before they existed.
        putIfMeasured(evaluations, TRAIN_ACCURACY, result.trainAccuracy());
        putIfMeasured(evaluations, VALIDATION_ACCURACY, result.validationAccuracy());
        putIfMeasured(evaluations, VALIDATION_LOSS, result.validationLoss());
        json.put(CHECKSUM, checksum(result.divergedAt(), result.losses(), result.evalIterations(),
                result.testAccuracy(), result.trainAccuracy(), result.validationAccuracy(), result.validationLoss()));
        return json;
    }

    private static void putIfMeasured(ObjectNode evaluations, String name, double[] values) {
        if (values.length > 0) {
            ArrayNode array = evaluations.putArray(name);
            for (double value : values) {
                array.add(value);
            }
        }
    }

    /**
     * SHA-256 (hex) of diverged_at, then every loss, evaluation iteration and accuracy, then the train accuracy,
     * validation accuracy and validation loss (empty when not measured, so a run without them has its version-2
     * checksum), as big-endian bits.
     */
    static String checksum(int divergedAt, double[] losses, int[] evalIterations, double[] accuracy,
                           double[]... more) {
        int extra = 0;
        for (double[] values : more) {
            extra += 8 * values.length;
        }
        ByteBuffer bytes = ByteBuffer.allocate(4 + 8 * losses.length + 4 * evalIterations.length
                + 8 * accuracy.length + extra);
        bytes.putInt(divergedAt);
        for (double loss : losses) {
            bytes.putLong(Double.doubleToRawLongBits(loss));
        }
        for (int iteration : evalIterations) {
            bytes.putInt(iteration);
        }
        for (double value : accuracy) {
            bytes.putLong(Double.doubleToRawLongBits(value));
        }
        for (double[] values : more) {
            for (double value : values) {
                bytes.putLong(Double.doubleToRawLongBits(value));
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * The run stored in {@code json}, checked against what {@code run} expects.
     *
     * @throws IllegalArgumentException saying what is wrong with the file
     */
    static RunResult fromJson(JsonNode json, RunConfiguration run) {
        require(json.isObject(), "not a JSON object");
        require(FORMAT.equals(json.path("format").asText(null)), "format is not \"" + FORMAT + "\"");
        int version = json.path("format_version").asInt(-1);
        require(version == FORMAT_VERSION || version == CHECKSUM_VERSION || version == LEGACY_VERSION,
                "format_version is not " + FORMAT_VERSION + " (or " + CHECKSUM_VERSION + " or " + LEGACY_VERSION
                        + ")");
        JsonNode configuration = json.get("configuration");
        // Compared through the key: the canonical text, not Jackson's node classes (an int read back where a long
        // was written is the same number).
        require(configuration != null && configuration.isObject()
                && RunConfiguration.keyOf((ObjectNode) configuration).equals(run.key()),
                "its configuration differs from the run's");
        require(run.key().equals(json.path("key").asText(null)), "its key differs from its configuration's");

        int iterations = run.setup().iterations();
        JsonNode divergedAtNode = json.path("diverged_at");
        int divergedAt = divergedAtNode.isNull() ? -1 : divergedAtNode.asInt(-2);
        require(divergedAt >= -1 && divergedAt < iterations, "diverged_at is not null or an iteration");
        JsonNode diverged = json.path("diverged");
        require(diverged.isBoolean() && diverged.booleanValue() == divergedAt >= 0,
                "diverged is not a boolean that agrees with diverged_at");

        double[] losses = doubles(json.get("losses"), "losses");
        int expected = divergedAt >= 0 ? divergedAt : iterations;
        require(losses.length == expected, losses.length + " losses where " + expected + " were expected");
        JsonNode evaluations = json.path("evaluations");
        double[] iterationsEvaluated = doubles(evaluations.get("iterations"), "evaluations.iterations");
        double[] accuracy = doubles(evaluations.get("test_accuracy"), "evaluations.test_accuracy");
        require(iterationsEvaluated.length == accuracy.length,
                "evaluations.iterations and evaluations.test_accuracy differ in length");
        int[] evalIterations = new int[iterationsEvaluated.length];
        for (int i = 0; i < evalIterations.length; i++) {
            evalIterations[i] = (int) iterationsEvaluated[i];
            require(evalIterations[i] == iterationsEvaluated[i] && run.setup().evaluatesAt(evalIterations[i])
                    && evalIterations[i] < expected, "evaluation iteration " + iterationsEvaluated[i]
                    + " is not one this configuration evaluates at");
        }
        // Versions before 3 have none of these, and neither has a configuration that does not measure them.
        double[] trainAccuracy = measured(evaluations, TRAIN_ACCURACY, run.setup().trainAccuracy(), accuracy.length);
        double[] validationAccuracy = measured(evaluations, VALIDATION_ACCURACY, run.setup().hasValidation(),
                accuracy.length);
        double[] validationLoss = measured(evaluations, VALIDATION_LOSS, run.setup().hasValidation(),
                accuracy.length);
        if (version >= CHECKSUM_VERSION) {
            require(checksum(divergedAt, losses, evalIterations, accuracy, trainAccuracy, validationAccuracy,
                    validationLoss).equals(json.path(CHECKSUM).asText(null)),
                    "its numbers do not match their " + CHECKSUM + " (was the file edited?)");
        }
        long wallNanos = json.path("wall_nanos").asLong(-1);
        long trainNanos = json.path("train_nanos").asLong(-1);
        require(wallNanos >= 0 && trainNanos >= 0, "wall_nanos or train_nanos is missing");
        return new RunResult(run.optimizer().canonical(), losses, evalIterations, accuracy, divergedAt, true, wallNanos,
                trainNanos, trainAccuracy, validationAccuracy, validationLoss);
    }

    /** The array {@code name} of the evaluations, one value per evaluation when {@code wanted}, else absent. */
    private static double[] measured(JsonNode evaluations, String name, boolean wanted, int count) {
        JsonNode array = evaluations.get(name);
        if (!wanted) {
            require(array == null, "evaluations." + name + " is present, but the configuration does not measure it");
            return new double[0];
        }
        double[] values = doubles(array, "evaluations." + name);
        require(values.length == count, "evaluations." + name + " has " + values.length + " values where "
                + count + " were expected");
        return values;
    }

    private static double[] doubles(JsonNode array, String name) {
        require(array != null && array.isArray(), name + " is not a list");
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = array.get(i);
            require(value.isNumber(), name + "[" + i + "] is not a number");
            values[i] = value.doubleValue();
        }
        return values;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }
}
