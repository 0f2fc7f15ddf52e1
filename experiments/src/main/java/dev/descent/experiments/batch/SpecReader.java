package dev.descent.experiments.batch;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.descent.experiments.common.UserError;
import dev.descent.experiments.train.Sampling;
import dev.descent.experiments.train.TrainingSetup;
import dev.descent.network.Activation;
import dev.descent.network.WeightInit;
import dev.descent.optimizers.OptimizerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads an experiment spec file into an {@link ExperimentSpec}. Jackson parses the JSON (strictly: no duplicate
 * keys, nothing after the top object); this class walks the tree and checks every field, so that each mistake
 * becomes one {@link UserError} naming the file, the JSON path ({@code $.optimizers[2]}) and what is valid.
 * Defaults are the book's experiment. The format is described in {@code experiments/specs/FORMAT.md}.
 */
public final class SpecReader {

    static final List<String> FIELDS = List.of("name", "description", "dataset", "data", "network", "iterations",
            "batch_size", "train_size", "sampling", "eval_every", "seeds", "optimizers", "grids", "variants",
            "baseline", "target_accuracy", "validation", "evaluate", "tuning");
    static final List<String> BASELINE_FIELDS = List.of("optimizer", "variant");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SpecReader() {
    }

    /** Reads and checks a spec file; its name (without {@code .json}) is the default experiment name. */
    public static ExperimentSpec read(Path file) {
        String text;
        try {
            text = SpecText.decode(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new UserError("no spec file " + file + "; HINT: ready specs are in experiments/specs/, e.g."
                    + " experiments/specs/book-compare.json", e);
        } catch (IOException e) {
            throw new UserError("cannot read spec file " + file + ": " + e, e);
        }
        String fileName = file.getFileName().toString();
        String defaultName = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
        return parse(file.toString(), defaultName, text);
    }

    /**
     * Checks spec text.
     *
     * @param fileLabel   how messages name the file
     * @param defaultName the experiment name when the spec gives none
     */
    public static ExperimentSpec parse(String fileLabel, String defaultName, String text) {
        JsonNode json;
        try {
            json = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new UserError(fileLabel + ": not valid JSON" + at + ": " + e.getOriginalMessage()
                    + "; HINT: JSON needs double quotes, commas between items and no comments", e);
        }
        if (json == null || json.isMissingNode()) {
            throw new UserError(fileLabel + ": the file is empty; write a JSON object such as"
                    + " {\"optimizers\": [\"sgd\", \"adam\"]}");
        }
        return spec(new SpecNode(fileLabel, "$", json), defaultName);
    }

    private static ExperimentSpec spec(SpecNode root, String defaultName) {
        root.requireObject(FIELDS);
        String name = name(root.field("name"), defaultName);
        SpecNode descriptionNode = root.field("description");
        String description = descriptionNode.isAbsent() ? null : descriptionNode.text();
        DataSet dataset = dataset(root.field("dataset"));
        SpecNode dataNode = root.field("data");
        Path data = dataNode.isAbsent() ? null : Path.of(dataNode.text());
        NetworkSpec network = NetworkReader.network(root.field("network"), bookNetwork());
        int iterations = atLeastOne(root.field("iterations"), TrainingSetup.BOOK_ITERATIONS);
        int batchSize = atLeastOne(root.field("batch_size"), TrainingSetup.BOOK_BATCH_SIZE);
        int trainSize = trainSize(root.field("train_size"), batchSize);
        Sampling sampling = sampling(root.field("sampling"));
        int evalEvery = atLeastOne(root.field("eval_every"), TrainingSetup.DEFAULT_EVAL_EVERY);
        List<Long> seeds = seeds(root.field("seeds"));
        List<OptimizerSpec> optimizers = OptimizerReader.optimizers(root.field("optimizers"), root.field("grids"));
        List<Variant> variants = NetworkReader.variants(root.field("variants"), network);
        boolean hasVariants = !root.field("variants").isAbsent();
        Baseline baseline = baseline(root.field("baseline"), variants, optimizers);
        OptionalDouble target = target(root.field("target_accuracy"));
        int validation = TuningReader.validation(root.field("validation"), trainSize, batchSize);
        SpecNode tuningNode = root.field("tuning");
        TuningSpec tuning = TuningReader.tuning(tuningNode, optimizers, seeds.get(0));
        if (tuning != null) {
            SpecNode tuningValidation = tuningNode.field("validation");
            int split = TuningReader.validation(tuningValidation, trainSize, batchSize);
            if (split > 0 && validation > 0 && split != validation) {
                throw tuningValidation.error("the tuning's validation split " + split + " at "
                        + tuningValidation.path() + " differs from \"validation\" " + validation + "; give it once");
            }
            validation = Math.max(validation, split);
            if (validation == 0) {
                throw tuningNode.error("the tuning at " + tuningNode.path() + " has no validation set to select on;"
                        + " HINT: add \"validation\": 10000 (examples held out of the training set) to it");
            }
            if (hasVariants) {
                throw root.field("variants").error("a spec with \"tuning\" cannot have \"variants\" (at "
                        + root.field("variants").path() + "): the tuning makes its own; HINT: tune each variant in a"
                        + " spec of its own");
            }
        }
        boolean trainAccuracy = TuningReader.trainAccuracy(root.field("evaluate"), validation > 0);

        ExperimentSpec spec = new ExperimentSpec(name, description, dataset, data, network, iterations,
                batchSize, trainSize, sampling, evalEvery, seeds, optimizers, variants, hasVariants, baseline,
                target, root.json(), validation, trainAccuracy, tuning);
        for (Variant variant : variants) {
            try {
                spec.setup(variant, seeds.get(0));
            } catch (IllegalArgumentException e) {
                throw root.error("variant \"" + variant.name() + "\": " + e.getMessage(), e);
            }
        }
        return spec;
    }

    private static NetworkSpec bookNetwork() {
        return new NetworkSpec(TrainingSetup.BOOK_HIDDEN_SIZES, Activation.RELU, WeightInit.he(), 0.0);
    }

    static String name(SpecNode node, String fallback) {
        String name = node.text(fallback).strip();
        if (name.isEmpty()) {
            throw node.error("empty name at " + node.path() + "; give a short title such as \"book-compare\""
                    + " or leave the field out to use the file name");
        }
        return name;
    }

    private static DataSet dataset(SpecNode node) {
        String text = node.text(DataSet.MNIST.label());
        return DataSet.find(text).orElseThrow(() -> node.error("unknown dataset \"" + text + "\" at " + node.path()
                + "; valid: " + DataSet.labels()));
    }


    private static int atLeastOne(SpecNode node, int fallback) {
        int value = node.integer(fallback);
        if (value < 1) {
            throw node.error(node.path() + " is " + value + "; it must be at least 1");
        }
        return value;
    }

    /** The first N training examples, N ≥ the batch size; absent means all of them. */
    private static int trainSize(SpecNode node, int batchSize) {
        if (node.isAbsent()) {
            return TrainingSetup.ALL_TRAINING_EXAMPLES;
        }
        int trainSize = atLeastOne(node, TrainingSetup.ALL_TRAINING_EXAMPLES);
        if (batchSize > trainSize) {
            throw node.error(node.path() + " is " + trainSize + ", smaller than the batch size " + batchSize
                    + "; give \"train_size\" >= \"batch_size\" (the book's §6.4 trains on 300 images in batches of"
                    + " 100)");
        }
        return trainSize;
    }

    private static Sampling sampling(SpecNode node) {
        if (node.isAbsent()) {
            return Sampling.WITH_REPLACEMENT;
        }
        try {
            return Sampling.parse(node.text());
        } catch (IllegalArgumentException e) {
            throw node.error("bad sampling at " + node.path() + ": " + e.getMessage(), e);
        }
    }

    private static List<Long> seeds(SpecNode node) {
        if (node.isAbsent()) {
            return List.of(0L);
        }
        if (!node.isArray()) {
            if (node.json().isNumber()) {
                int count = node.integer();
                if (count < 0) {
                    throw node.error("negative seed count " + count + " at " + node.path()
                            + "; give a count N >= 1 (meaning seeds 0..N-1) or a list of seeds such as [0, 1, 2]");
                }
                if (count == 0) {
                    throw node.error("seed count 0 at " + node.path() + " runs nothing; give a count N >= 1"
                            + " (meaning seeds 0..N-1) or a list of seeds such as [0, 1, 2]");
                }
                List<Long> seeds = new ArrayList<>();
                for (long seed = 0; seed < count; seed++) {
                    seeds.add(seed);
                }
                return seeds;
            }
            throw node.wrongType("a seed count N (seeds 0..N-1) or a list of seeds such as [0, 1, 2]");
        }
        Set<Long> seeds = new LinkedHashSet<>();
        for (SpecNode element : node.nonEmptyElements("list at least one seed, e.g. [0], or give a count")) {
            long seed = element.longInteger();
            if (!seeds.add(seed)) {
                throw element.error("seed " + seed + " appears twice in " + node.path() + " (again at "
                        + element.path() + "); list each seed once");
            }
        }
        return List.copyOf(seeds);
    }


    private static Baseline baseline(SpecNode node, List<Variant> variants, List<OptimizerSpec> optimizers) {
        String firstVariant = variants.get(0).name();
        if (node.isAbsent()) {
            return new Baseline(OptimizerSpec.parse(Baseline.DEFAULT_OPTIMIZER), firstVariant, false);
        }
        Baseline baseline;
        if (node.isText()) {
            baseline = new Baseline(OptimizerReader.spec(node, node.text()), firstVariant, true);
        } else {
            node.requireObject(BASELINE_FIELDS);
            SpecNode optimizerNode = node.field("optimizer");
            if (optimizerNode.isAbsent()) {
                throw node.error("missing field \"optimizer\" in " + node.path()
                        + "; write e.g. {\"optimizer\": \"sgd\", \"variant\": \"He\"}");
            }
            OptimizerSpec optimizer = OptimizerReader.spec(optimizerNode, optimizerNode.text());
            SpecNode variantNode = node.field("variant");
            String variant = variantNode.text(firstVariant);
            if (variants.stream().noneMatch(candidate -> candidate.name().equals(variant))) {
                throw variantNode.error("unknown variant \"" + variant + "\" at " + variantNode.path()
                        + "; the variants are: " + String.join(", ", variants.stream().map(Variant::name)
                        .toList()));
            }
            baseline = new Baseline(optimizer, variant, true);
        }
        if (!optimizers.contains(baseline.optimizer())) {
            throw node.error("the baseline " + baseline.optimizer() + " at " + node.path()
                    + " is not one of the settings; add it to \"optimizers\" or name one of: "
                    + String.join(", ", optimizers.stream().map(OptimizerSpec::canonical).toList()));
        }
        return baseline;
    }

    private static OptionalDouble target(SpecNode node) {
        if (node.isAbsent()) {
            return OptionalDouble.empty();
        }
        double target = node.number();
        if (!(target > 0 && target <= 1)) {
            throw node.error("target accuracy " + target + " at " + node.path()
                    + " must be in (0, 1], e.g. 0.95 for 95 %");
        }
        return OptionalDouble.of(target);
    }
}
