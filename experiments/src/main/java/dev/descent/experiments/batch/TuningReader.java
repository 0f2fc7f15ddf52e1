package dev.descent.experiments.batch;

import dev.descent.optimizers.OptimizerSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the {@code "validation"}, {@code "evaluate"} and {@code "tuning"} fields of a spec (the book's §6.4–§6.5 and
 * the fair tuning protocol), each mistake an error naming its JSON path; see {@code experiments/specs/FORMAT.md}.
 */
final class TuningReader {
    static final List<String> TUNING_FIELDS = List.of("trials", "search", "validation", "select", "ranges", "seed");
    static final String TEST = "test";
    static final String TRAIN = "train";
    static final String VALIDATION = "validation";
    static final List<String> EVALUATION_SETS = List.of(TEST, TRAIN, VALIDATION);
    /** The most trials per optimizer: far above any tuning a machine can run, far below a full heap. */
    static final int MAX_TRIALS = 10_000;

    private TuningReader() {
    }

    /**
     * A validation split: an integer N ≥ 1 (that many examples) or a fraction in (0, 1) of the train size
     * (rounded down, as the book's {@code int(x_train.shape[0] * validation_rate)}); 0 when absent.
     */
    static int validation(SpecNode node, int trainSize, int batchSize) {
        if (node.isAbsent()) {
            return 0;
        }
        double value = node.number();
        int count;
        if (node.json().isIntegralNumber()) {
            count = node.integer();
            if (count < 1) {
                throw node.error(node.path() + " is " + count + "; give a number of training examples >= 1 to hold"
                        + " out (e.g. 10000) or a fraction such as 0.2, or leave the field out for no validation set");
            }
        } else {
            if (!(value > 0 && value < 1)) {
                throw node.error(node.path() + " is " + value + "; a fraction of the training set must be in (0, 1),"
                        + " e.g. 0.2 (the book's §6.5), or give a whole number of examples such as 10000");
            }
            if (trainSize == 0) {
                throw node.error("the fraction " + value + " at " + node.path() + " needs \"train_size\"; give a"
                        + " number of examples instead (MNIST's usual split is 10000 of the 60000) or set"
                        + " \"train_size\"");
            }
            count = (int) Math.floor(trainSize * value);
            if (count < 1) {
                throw node.error(node.path() + " = " + value + " of \"train_size\" " + trainSize + " is no example;"
                        + " use a larger fraction");
            }
        }
        if (trainSize != 0 && trainSize - count < batchSize) {
            throw node.error("the validation split of " + count + " at " + node.path() + " leaves "
                    + (trainSize - count) + " of \"train_size\" " + trainSize + " to train on, fewer than \"batch_size\" " + batchSize
                    + "; use a smaller split or a larger train size");
        }
        return count;
    }

    /**
     * The sets measured at each evaluation: a list of {@code "test"} (always measured; it must be listed),
     * {@code "train"} and {@code "validation"} (which needs a validation split, and is measured whenever there is
     * one). Returns whether the train accuracy is wanted.
     */
    static boolean trainAccuracy(SpecNode node, boolean hasValidation) {
        if (node.isAbsent()) {
            return false;
        }
        List<String> sets = new ArrayList<>();
        for (SpecNode element : node.nonEmptyElements("list the sets to measure, e.g. [\"test\", \"train\"]")) {
            String set = element.text();
            if (!EVALUATION_SETS.contains(set)) {
                String nearest = Spelling.nearest(set, EVALUATION_SETS);
                throw element.error("unknown set \"" + set + "\" at " + element.path() + "; valid: "
                        + String.join(", ", EVALUATION_SETS) + (nearest == null ? "" : " (did you mean \"" + nearest
                        + "\"?)"));
            }
            if (sets.contains(set)) {
                throw element.error("\"" + set + "\" appears twice in " + node.path() + "; list each set once");
            }
            if (set.equals(VALIDATION) && !hasValidation) {
                throw element.error("\"validation\" at " + element.path() + " but the spec holds out no validation"
                        + " set; HINT: add \"validation\": 10000 (examples) or 0.2 (a fraction of \"train_size\")");
            }
            sets.add(set);
        }
        if (!sets.contains(TEST)) {
            throw node.error(node.path() + " does not list \"test\": every run measures the test accuracy (the"
                    + " summaries and charts are made of it); write e.g. [\"test\", \"train\"]");
        }
        return sets.contains(TRAIN);
    }

    /** The tuning block, or null when absent. {@code validation} is the spec's top-level split (0 for none). */
    static TuningSpec tuning(SpecNode node, List<OptimizerSpec> optimizers, long firstSeed) {
        if (node.isAbsent()) {
            return null;
        }
        node.requireObject(TUNING_FIELDS);
        SpecNode trialsNode = node.field("trials");
        if (trialsNode.isAbsent()) {
            throw node.error("missing field \"trials\" in " + node.path() + "; give the trials per optimizer, e.g."
                    + " \"trials\": 20");
        }
        int trials = trialsNode.integer();
        if (trials < 1 || trials > MAX_TRIALS) {
            throw trialsNode.error(trialsNode.path() + " is " + trials + "; give between 1 and " + MAX_TRIALS
                    + " trials per optimizer");
        }
        TuningSpec.Search search = choice(node.field("search"), TuningSpec.Search.values(), TuningSpec.Search.RANDOM,
                TuningSpec.Search::label);
        TuningSpec.Select select = choice(node.field("select"), TuningSpec.Select.values(),
                TuningSpec.Select.FINAL_VALIDATION_LOSS, TuningSpec.Select::label);
        List<ParameterRange> ranges = ranges(node.field("ranges"), optimizers);
        SpecNode seedNode = node.field("seed");
        long seed = seedNode.isAbsent() ? firstSeed : seedNode.longInteger();
        return new TuningSpec(trials, search, select, ranges, seed);
    }

    private static <T> T choice(SpecNode node, T[] values, T fallback, java.util.function.Function<T, String> label) {
        if (node.isAbsent()) {
            return fallback;
        }
        String text = node.text();
        return Arrays.stream(values).filter(value -> label.apply(value).equals(text)).findFirst()
                .orElseThrow(() -> node.error("unknown value \"" + text + "\" at " + node.path() + "; valid: "
                        + Arrays.stream(values).map(label).collect(Collectors.joining(", "))));
    }

    private static List<ParameterRange> ranges(SpecNode node, List<OptimizerSpec> optimizers) {
        if (node.isAbsent()) {
            return List.of(ParameterRange.DEFAULT_LR);
        }
        node.requireObject();
        List<String> keys = node.fieldNames();
        if (keys.isEmpty()) {
            throw node.error("no range at " + node.path() + "; give one such as \"lr\": {\"log\": [1e-6, 1e-2]}, or"
                    + " leave the field out for two decades either side of each default lr");
        }
        List<ParameterRange> ranges = new ArrayList<>();
        for (String key : keys) {
            SpecNode rangeNode = node.field(key);
            if (!key.equals(ParameterRange.NETWORK_WEIGHT_DECAY)
                    && optimizers.stream().noneMatch(spec -> spec.hyperparameters().containsKey(key))) {
                throw rangeNode.error("no optimizer of the spec has the hyperparameter \"" + key + "\" (at "
                        + rangeNode.path() + "); valid keys: " + ParameterRange.NETWORK_WEIGHT_DECAY + " (the net's"
                        + " L2 weight decay) and the optimizers' " + optimizers.stream()
                        .flatMap(spec -> spec.hyperparameters().keySet().stream()).distinct()
                        .collect(Collectors.joining(", ")));
            }
            ParameterRange range = range(rangeNode, key);
            if (range.scale() == ParameterRange.Scale.DECADES) {
                for (OptimizerSpec spec : optimizers) {
                    Double value = key.equals(ParameterRange.NETWORK_WEIGHT_DECAY) ? Double.valueOf(0)
                            : spec.hyperparameters().get(key);
                    if (value != null && !(value > 0)) {
                        throw rangeNode.error("\"decades\" at " + rangeNode.path() + " spreads around the default of "
                                + key + ", but " + spec.canonical() + " has " + key + " = " + value + "; give"
                                + " bounds instead, e.g. {\"log\": [1e-8, 1e-4]}");
                    }
                }
            }
            ranges.add(range);
        }
        return ranges;
    }

    private static ParameterRange range(SpecNode node, String key) {
        String example = "write e.g. {\"log\": [1e-6, 1e-2]}, {\"uniform\": [0.8, 0.99]} or {\"decades\": 2}";
        if (!node.json().isObject() || node.json().size() != 1) {
            throw node.error("bad range at " + node.path() + "; " + example);
        }
        node.requireObject(Arrays.stream(ParameterRange.Scale.values()).map(ParameterRange.Scale::label).toList());
        String scaleName = node.fieldNames().get(0);
        ParameterRange.Scale scale = Arrays.stream(ParameterRange.Scale.values())
                .filter(value -> value.label().equals(scaleName)).findFirst().orElseThrow();
        SpecNode value = node.field(scaleName);
        if (scale == ParameterRange.Scale.DECADES) {
            double decades = value.number();
            if (!(decades > 0 && decades <= 20)) {
                throw value.error(value.path() + " is " + decades + "; give the decades either side of the default,"
                        + " in (0, 20], e.g. 2");
            }
            return new ParameterRange(key, scale, decades, decades);
        }
        List<SpecNode> bounds = value.elements();
        if (bounds.size() != 2) {
            throw value.error("bad range at " + value.path() + ": give two bounds [low, high]; " + example);
        }
        double low = bounds.get(0).number();
        double high = bounds.get(1).number();
        if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
            throw value.error("bad range at " + value.path() + ": [" + low + ", " + high + "] needs finite bounds"
                    + " with low < high");
        }
        if (scale == ParameterRange.Scale.LOG && !(low > 0)) {
            throw value.error("bad range at " + value.path() + ": a log range needs bounds > 0, got " + low
                    + "; HINT: use {\"uniform\": [...]} for a range that includes 0");
        }
        return new ParameterRange(key, scale, low, high);
    }
}
