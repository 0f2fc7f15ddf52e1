package dev.descent.experiments.batch;

import dev.descent.optimizers.LearningRateSchedule;
import dev.descent.optimizers.OptimizerSpec;
import dev.descent.optimizers.Schedules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the {@code optimizers} list and the {@code grids} of a spec into optimizer specs, each checked where it is
 * written, so that a bad spec names its own place in the file. A grid
 * {@code {"optimizer": "adam", "lr": [1e-4, 1e-3]}} stands for one setting per combination of the listed values,
 * the first key varying slowest; a key written with {@code @} ({@code "@warmup": [0, 100]}) is a key of the base
 * spec's schedule ({@code "optimizer": "adam@cosine"}), set with {@link OptimizerSpec#withSchedule(String, double)}.
 */
final class OptimizerReader {
    /** The book's five optimizers, used when a spec lists neither {@code optimizers} nor {@code grids}. */
    static final List<String> BOOK_OPTIMIZERS = List.of("sgd", "momentum", "adagrad", "rmsprop", "adam");
    static final String GRID_BASE = "optimizer";
    /** The most points one grid may expand to: well above any sweep a machine can run, well below a full heap. */
    static final long MAX_GRID_POINTS = 100_000;
    /** A grid key {@code "@warmup"} varies the key {@code warmup} of the base spec's schedule. */
    static final String SCHEDULE_KEY_PREFIX = "@";

    private OptimizerReader() {
    }

    static List<OptimizerSpec> optimizers(SpecNode listNode, SpecNode gridsNode) {
        Set<OptimizerSpec> specs = new LinkedHashSet<>();
        if (listNode.isAbsent() && gridsNode.isAbsent()) {
            BOOK_OPTIMIZERS.forEach(spec -> specs.add(OptimizerSpec.parse(spec)));
            return List.copyOf(specs);
        }
        if (!listNode.isAbsent()) {
            for (SpecNode element : listNode.nonEmptyElements("list at least one optimizer spec such as"
                    + " \"sgd\" or \"adam:lr=0.001\" (leave the field out to use only the grids, or both out"
                    + " for the book's five)")) {
                specs.add(spec(element, element.text()));
            }
        }
        if (!gridsNode.isAbsent()) {
            for (SpecNode grid : gridsNode.nonEmptyElements("give at least one grid such as"
                    + " {\"optimizer\": \"adam\", \"lr\": [0.0001, 0.001]}, or leave the field out")) {
                specs.addAll(grid(grid));
            }
        }
        return List.copyOf(specs);
    }

    /** Every combination of a grid's values, the first listed key varying slowest. */
    private static List<OptimizerSpec> grid(SpecNode node) {
        node.requireObject();
        SpecNode baseNode = node.field(GRID_BASE);
        if (baseNode.isAbsent()) {
            throw node.error("missing field \"optimizer\" in the grid at " + node.path()
                    + "; write e.g. {\"optimizer\": \"adam\", \"lr\": [0.0001, 0.001]}");
        }
        OptimizerSpec base = spec(baseNode, baseNode.text());
        if (node.fieldNames().size() == 1) {
            throw node.error("the grid at " + node.path() + " lists no hyperparameter; add one such as"
                    + " \"lr\": [0.0001, 0.001], or move \"" + baseNode.text() + "\" to \"optimizers\"");
        }
        // Counted before anything is expanded: a grid of a million points must be refused, not built until the
        // heap is full.
        long points = 1;
        for (String key : node.fieldNames()) {
            SpecNode values = node.field(key);
            if (!key.equals(GRID_BASE) && values.json().isArray()) {
                points = Math.min(Long.MAX_VALUE / (1L << 32), points * Math.max(1, values.json().size()));
            }
        }
        if (points > MAX_GRID_POINTS) {
            throw node.error(String.format(Locale.ROOT, "the grid at %s has %,d points (the product of its lists'"
                    + " lengths), more than the %,d one spec may have; HINT: fewer values per key, or split the sweep"
                    + " into several specs", node.path(), points, MAX_GRID_POINTS));
        }
        List<OptimizerSpec> specs = List.of(base);
        for (String key : node.fieldNames()) {
            if (key.equals(GRID_BASE)) {
                continue;
            }
            SpecNode valuesNode = node.field(key);
            boolean scheduleKey = key.startsWith(SCHEDULE_KEY_PREFIX);
            if (scheduleKey) {
                checkScheduleKey(valuesNode, base, baseNode.text(), key.substring(SCHEDULE_KEY_PREFIX.length()));
            }
            List<OptimizerSpec> longer = new ArrayList<>();
            List<SpecNode> values = valuesNode.nonEmptyElements("list the values of " + key + " to try, e.g. "
                    + key + (scheduleKey ? ": [0, 100]" : ": [0.001, 0.01]"));
            for (OptimizerSpec spec : specs) {
                for (SpecNode value : values) {
                    try {
                        longer.add(scheduleKey
                                ? spec.withSchedule(key.substring(SCHEDULE_KEY_PREFIX.length()), value.number())
                                : spec.with(key, value.number()));
                    } catch (IllegalArgumentException e) {
                        String hint = !scheduleKey && !base.hyperparameters().containsKey(key)
                                && base.schedule().hyperparameters().containsKey(key)
                                ? "; HINT: write \"" + SCHEDULE_KEY_PREFIX + key + "\" to vary the schedule's " + key
                                : "";
                        throw value.error("bad " + (scheduleKey ? "schedule value" : "optimizer spec") + " at "
                                + value.path() + ": " + e.getMessage() + hint, e);
                    }
                }
            }
            specs = longer;
        }
        return specs;
    }

    /**
     * A grid key that names a key of the base spec's schedule, checked once before its values: an error names the
     * key's path and the schedule's valid keys, or, for a base without a schedule, says how to attach one.
     */
    private static void checkScheduleKey(SpecNode where, OptimizerSpec base, String baseText, String key) {
        LearningRateSchedule schedule = base.schedule();
        if (schedule.isConstant()) {
            throw where.error("schedule key \"" + key + "\" at " + where.path() + ", but the grid's optimizer \""
                    + baseText + "\" has no schedule; HINT: attach one to it, e.g. \"optimizer\": \"" + baseText
                    + "@cosine\" (schedules: " + String.join(", ", Schedules.names()) + ")");
        }
        if (!schedule.hyperparameters().containsKey(key)) {
            throw where.error("unknown schedule key \"" + key + "\" at " + where.path() + " for the " + schedule.name()
                    + " schedule of \"" + baseText + "\"; valid schedule keys: "
                    + (schedule.hyperparameters().isEmpty() ? "none"
                    : schedule.hyperparameters().keySet().stream().map(name -> SCHEDULE_KEY_PREFIX + name)
                    .collect(Collectors.joining(", "))));
        }
    }

    /** The spec of {@code text}; a bad one is an error naming {@code where}. */
    static OptimizerSpec spec(SpecNode where, String text) {
        try {
            return OptimizerSpec.parse(text);
        } catch (IllegalArgumentException e) {
            throw where.error("bad optimizer spec at " + where.path() + ": " + e.getMessage(), e);
        }
    }
}
