package dev.descent.experiments.batch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names of settings in legends, tables and progress lines, short enough to read: the optimizer's brief spec (its
 * learning rate and the hyperparameters that differ from their defaults, {@code adam:lr=0.001}), the variant name
 * when the spec has variants, and only the variant name when every setting uses one optimizer spec (the
 * weight-init comparison). Files keep the full canonical specs besides.
 */
public final class SettingLabels {
    private static final String SEPARATOR = " · ";

    private SettingLabels() {
    }

    /** A label for every setting of {@code spec}, in setting order. */
    public static Map<Setting, String> of(ExperimentSpec spec) {
        Map<Setting, String> labels = new LinkedHashMap<>();
        boolean oneOptimizer = spec.optimizers().size() == 1;
        for (Setting setting : spec.settings()) {
            String optimizer = setting.optimizer().brief();
            String variant = setting.variant().name();
            labels.put(setting, !spec.hasVariants() ? optimizer : oneOptimizer ? variant : variant + SEPARATOR + optimizer);
        }
        return labels;
    }
}
