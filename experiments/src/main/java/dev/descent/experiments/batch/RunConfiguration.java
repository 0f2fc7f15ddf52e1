package dev.descent.experiments.batch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.experiments.train.TrainingSetup;
import dev.descent.optimizers.OptimizerSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One run of an experiment: a setting on one seed.
 *
 * <p>Its {@link #key()} names the file the finished run is stored in: the first {@value #KEY_HEX_DIGITS} hex digits
 * of the SHA-256 of {@link #identity()}, the canonical JSON of everything that decides the run's numbers (every
 * {@link TrainingSetup} field and the canonical optimizer spec) plus {@value #IDENTITY_VERSION}, the version of
 * this identity. The fields added after version 1 ({@code batch_norm}, {@code dropout}, {@code train_size},
 * {@code validation}, {@code train_accuracy}) are
 * written only when they differ from their defaults, so the key of every configuration that existed before them is
 * unchanged. Anything that changes a run's numbers changes its key, so a stored result is never reused for a
 * different configuration. The data directory and the variant's name are not part of it: the same configuration
 * under another name or read from another copy of the data set is the same run.
 *
 * <p>What the key cannot see is the code: after a change to the training numerics, bump {@link #IDENTITY_VERSION}
 * (or run into a fresh out directory) so that old results are not reused.
 *
 * @param setting the optimizer setting and net variant
 * @param setup   the engine's setup, seed included
 */
public record RunConfiguration(Setting setting, TrainingSetup setup) {
    /** Version of the identity and of the training numerics it stands for. */
    public static final int IDENTITY_VERSION = 1;
    /** 64 bits: a collision among a sweep's few hundred runs has odds of about 1e-15. */
    public static final int KEY_HEX_DIGITS = 16;

    public long seed() {
        return setup.seed();
    }

    public OptimizerSpec optimizer() {
        return setting.optimizer();
    }

    /** The canonical JSON the key is computed from, fields in a fixed order. */
    public ObjectNode identity() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("identity_version", IDENTITY_VERSION);
        json.put("dataset", setup.dataset());
        setup.hiddenSizes().forEach(json.putArray("hidden")::add);
        json.put("activation", setup.activation().toString());
        json.put("init", setup.weightInit());
        json.put("weight_decay", setup.weightDecay());
        // Only when not the default: the keys of runs stored before these fields existed stay as they were.
        if (setup.batchNorm()) {
            json.put("batch_norm", true);
        }
        if (setup.dropout() != 0) {
            json.put("dropout", setup.dropout());
        }
        json.put("iterations", setup.iterations());
        json.put("batch_size", setup.batchSize());
        if (setup.trainSize() != TrainingSetup.ALL_TRAINING_EXAMPLES) {
            json.put("train_size", setup.trainSize());
        }
        json.put("sampling", setup.sampling().label());
        json.put("eval_every", setup.evalEvery());
        // The validation split changes the examples trained on; train accuracy adds numbers to the run file. Both
        // enter only when set, like the fields above.
        if (setup.hasValidation()) {
            json.put("validation", setup.validation());
        }
        if (setup.trainAccuracy()) {
            json.put("train_accuracy", true);
        }
        json.put("seed", setup.seed());
        json.put("optimizer", setting.optimizer().canonical());
        return json;
    }

    /** The file-name key: hex SHA-256 prefix of {@link #identity()}. */
    public String key() {
        return keyOf(identity());
    }

    static String keyOf(ObjectNode identity) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, KEY_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
