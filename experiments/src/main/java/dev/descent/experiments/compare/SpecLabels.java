package dev.descent.experiments.compare;

import dev.descent.optimizers.Optimizer;
import dev.descent.optimizers.Optimizers;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Short labels for canonical optimizer specs where the full spec does not fit (80-column tables, progress lines):
 * the learning rate and every hyperparameter that differs from its default stay, defaults are left out, so
 * {@code adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07} becomes {@code adam:lr=0.001}. Files always keep the full
 * spec.
 */
final class SpecLabels {
    private static final String LEARNING_RATE = "lr";
    private static final String ELLIPSIS = "...";

    private SpecLabels() {
    }

    /** {@code text} itself if it has at most {@code width} characters, else its start and "...". */
    static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - ELLIPSIS.length()) + ELLIPSIS;
    }

    /** The learning rate and the non-default hyperparameters of a spec; a spec that does not parse is kept. */
    static String brief(String spec) {
        Optimizer optimizer;
        try {
            optimizer = Optimizers.parse(spec);
        } catch (IllegalArgumentException e) {
            return spec;
        }
        Map<String, Double> defaults = Optimizers.parse(optimizer.name()).hyperparameters();
        StringJoiner label = new StringJoiner(",", optimizer.name() + ":", "");
        label.setEmptyValue(optimizer.name());
        // The canonical spec lists the hyperparameters in map order, each number already in its shortest form.
        String[] parts = optimizer.toString().substring(optimizer.name().length() + 1).split(",");
        int index = 0;
        for (Map.Entry<String, Double> entry : optimizer.hyperparameters().entrySet()) {
            String key = entry.getKey();
            if (key.equals(LEARNING_RATE) || !entry.getValue().equals(defaults.get(key))) {
                label.add(parts[index]);
            }
            index++;
        }
        return label.toString();
    }
}
