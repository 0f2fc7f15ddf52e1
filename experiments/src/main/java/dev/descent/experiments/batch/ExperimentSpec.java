package dev.descent.experiments.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.experiments.train.Sampling;
import dev.descent.experiments.train.TrainingSetup;
import dev.descent.optimizers.OptimizerSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A parsed, validated experiment spec (see {@code experiments/specs/FORMAT.md}): what to train, on which seeds,
 * with which optimizer settings, and what to compare against. Read one with {@link SpecReader}.
 *
 * @param name           title of the experiment, also the default out directory {@code results/run-<name>}
 * @param description    free text shown in the report, or null
 * @param dataset        the data set
 * @param data           explicit data directory, or null for the default one (not part of any run's identity)
 * @param network        the spec's network (variants replace parts of it)
 * @param iterations     updates per run
 * @param batchSize      examples per batch
 * @param trainSize      train on the first this many training examples, or
 *                       {@link TrainingSetup#ALL_TRAINING_EXAMPLES} for all of them
 * @param sampling       how batches are drawn
 * @param evalEvery      test accuracy every this many iterations and after the last
 * @param seeds          the seeds every setting runs with, no duplicates
 * @param optimizers     specs from {@code "optimizers"}, then from the grids, duplicates removed
 * @param variants       at least one; {@link Variant#DEFAULT_NAME} alone when the file lists none
 * @param hasVariants    whether the file listed variants (labels then carry the variant name)
 * @param baseline       the setting the statistics compare against
 * @param targetAccuracy the accuracy for time-to-target, or empty
 * @param source         the file's JSON as written
 * @param validation     the last this many examples of the training pool are a validation split (0 for none)
 * @param trainAccuracy  whether every evaluation also measures the accuracy on the examples trained on
 * @param tuning         the tuning protocol, or null: with one, {@link #optimizers} are the rules to tune and the
 *                       runs are the tuning's trials and reruns (package {@code tuning}), not {@link #runs()}
 */
public record ExperimentSpec(String name, String description, DataSet dataset, Path data, NetworkSpec network,
                             int iterations, int batchSize, int trainSize, Sampling sampling, int evalEvery,
                             List<Long> seeds, List<OptimizerSpec> optimizers, List<Variant> variants,
                             boolean hasVariants, Baseline baseline, OptionalDouble targetAccuracy,
                             JsonNode source, int validation, boolean trainAccuracy, TuningSpec tuning) {

    public ExperimentSpec {
        seeds = List.copyOf(seeds);
        optimizers = List.copyOf(optimizers);
        variants = List.copyOf(variants);
    }

    /** A spec without a validation split, train accuracy or tuning. */
    public ExperimentSpec(String name, String description, DataSet dataset, Path data, NetworkSpec network,
                          int iterations, int batchSize, int trainSize, Sampling sampling, int evalEvery,
                          List<Long> seeds, List<OptimizerSpec> optimizers, List<Variant> variants,
                          boolean hasVariants, Baseline baseline, OptionalDouble targetAccuracy, JsonNode source) {
        this(name, description, dataset, data, network, iterations, batchSize, trainSize, sampling, evalEvery, seeds,
                optimizers, variants, hasVariants, baseline, targetAccuracy, source, 0, false, null);
    }

    /** This spec with other settings and seeds (a tuning's trials or reruns); everything else stays. */
    public ExperimentSpec derive(String derivedName, List<Long> derivedSeeds, List<OptimizerSpec> derivedOptimizers,
                                 List<Variant> derivedVariants, boolean derivedHasVariants, Baseline derivedBaseline,
                                 TuningSpec derivedTuning) {
        return new ExperimentSpec(derivedName, description, dataset, data, network, iterations, batchSize, trainSize,
                sampling, evalEvery, derivedSeeds, derivedOptimizers, derivedVariants, derivedHasVariants,
                derivedBaseline, targetAccuracy, source, validation, trainAccuracy, derivedTuning);
    }

    /**
     * Every setting: each variant with each optimizer spec it trains ({@link Variant#trains}: all of them but for
     * a tuning's own variants), variants outermost.
     */
    public List<Setting> settings() {
        List<Setting> settings = new ArrayList<>();
        for (Variant variant : variants) {
            for (OptimizerSpec optimizer : optimizers) {
                if (variant.trains(optimizer)) {
                    settings.add(new Setting(variant, optimizer));
                }
            }
        }
        return settings;
    }

    /** Every run: each setting with each seed, settings outermost. */
    public List<RunConfiguration> runs() {
        List<RunConfiguration> runs = new ArrayList<>();
        for (Setting setting : settings()) {
            for (long seed : seeds) {
                runs.add(new RunConfiguration(setting, setup(setting.variant(), seed)));
            }
        }
        return runs;
    }

    /** The training engine's setup for one variant and seed. */
    public TrainingSetup setup(Variant variant, long seed) {
        NetworkSpec net = variant.network();
        return new TrainingSetup(dataset.label(), net.hidden(), net.activation(), net.init().toString(),
                net.weightDecay(), net.batchNorm(), net.dropout(), iterations, batchSize, trainSize, sampling,
                evalEvery, seed, validation, trainAccuracy);
    }

    /** The setting the statistics compare against, if it is one of the settings. */
    public Optional<Setting> baselineSetting() {
        return settings().stream().filter(setting -> setting.matches(baseline)).findFirst();
    }

    /**
     * The spec with every default filled in and every optimizer spec canonical, in spec-file form: reading it
     * back gives the same experiment (grids appear expanded in {@code optimizers}). Written to the out directory
     * and shown in the report.
     */
    public ObjectNode toJson() {
        JsonNodeFactory factory = JsonNodeFactory.instance;
        ObjectNode json = factory.objectNode();
        json.put("name", name);
        if (description != null) {
            json.put("description", description);
        }
        json.put("dataset", dataset.label());
        json.put("data", data == null ? null : data.toString());
        json.set("network", network.toJson());
        json.put("iterations", iterations);
        json.put("batch_size", batchSize);
        // Absent means the whole training set; left out then, so specs without it read and write as before.
        if (trainSize != TrainingSetup.ALL_TRAINING_EXAMPLES) {
            json.put("train_size", trainSize);
        }
        json.put("sampling", sampling.label());
        json.put("eval_every", evalEvery);
        // Like train_size: written only when set, so specs without them read and write as before.
        if (trainAccuracy) {
            json.putArray("evaluate").add("test").add("train");
        }
        if (validation > 0) {
            json.put("validation", validation);
        }
        ArrayNode seedList = json.putArray("seeds");
        seeds.forEach(seedList::add);
        ArrayNode optimizerList = json.putArray("optimizers");
        optimizers.forEach(spec -> optimizerList.add(spec.canonical()));
        if (hasVariants) {
            ArrayNode variantList = json.putArray("variants");
            for (Variant variant : variants) {
                ObjectNode entry = variantList.addObject();
                entry.put("name", variant.name());
                entry.set("network", variant.network().toJson());
            }
        }
        // A default baseline that is not among the settings stays implicit: written out, it would be an error.
        if (baseline.explicit() || optimizers.contains(baseline.optimizer())) {
            ObjectNode baselineJson = json.putObject("baseline");
            baselineJson.put("optimizer", baseline.optimizer().canonical());
            if (hasVariants) {
                baselineJson.put("variant", baseline.variant());
            }
        }
        targetAccuracy.ifPresent(target -> json.put("target_accuracy", target));
        if (tuning != null) {
            ObjectNode tuningJson = json.putObject("tuning");
            tuningJson.put("trials", tuning.trials());
            tuningJson.put("search", tuning.search().label());
            tuningJson.put("select", tuning.select().label());
            tuningJson.put("seed", tuning.seed());
            ObjectNode ranges = tuningJson.putObject("ranges");
            for (ParameterRange range : tuning.ranges()) {
                ObjectNode entry = ranges.putObject(range.key());
                if (range.scale() == ParameterRange.Scale.DECADES) {
                    entry.put(range.scale().label(), range.low());
                } else {
                    entry.putArray(range.scale().label()).add(range.low()).add(range.high());
                }
            }
        }
        return json;
    }
}
