package dev.descent.experiments.batch;

import dev.descent.experiments.cli.OptimizerSpecs;
import dev.descent.optimizers.Optimizer;
import dev.descent.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names of settings in legends and tables, short enough to read: the optimizer with its learning rate and the
 * hyperparameters that differ from their defaults ({@code adam:lr=0.001} for Adam at the book's defaults), the
 * variant name when the spec has variants, and only the variant name when every setting uses one optimizer spec
 * (the weight-init comparison). Files keep the full canonical specs besides.
 */
public final class SettingLabels {
    private static final String LEARNING_RATE = "lr";
    private static final String SEPARATOR = " · ";

    private SettingLabels() {
    }

    /** A label for every setting of {@code spec}, in setting order. */
    public static Map<Setting, String> of(ExperimentSpec spec) {
        Map<Setting, String> labels = new LinkedHashMap<>();
        boolean oneOptimizer = spec.optimizers().size() == 1;
        for (Setting setting : spec.settings()) {
            String optimizer = OptimizerSpecs.brief(setting.optimizer());
            String label;
            if (!spec.hasVariants()) {
                label = optimizer;
            } else if (oneOptimizer) {
                label = setting.variant().name();
            } else {
                label = setting.variant().name() + SEPARATOR + optimizer;
            }
            labels.put(setting, label);
        }
        return labels;
    }

    /** The learning rate of a spec, or NaN for an optimizer without one. */
    public static double learningRate(String spec) {
        Double lr = Optimizers.parse(spec).hyperparameters().get(LEARNING_RATE);
        return lr == null ? Double.NaN : lr;
    }

    /** The spec with its learning rate removed: settings that differ only in lr share it. */
    public static String withoutLearningRate(String canonicalSpec) {
        Optimizer optimizer = Optimizers.parse(canonicalSpec);
        List<String> rest = new ArrayList<>();
        OptimizerSpecs.hyperparameterTexts(optimizer.toString()).forEach((key, value) -> {
            if (!key.equals(LEARNING_RATE)) {
                rest.add(key + "=" + value);
            }
        });
        return rest.isEmpty() ? optimizer.name() : optimizer.name() + ":" + String.join(",", rest);
    }
}
