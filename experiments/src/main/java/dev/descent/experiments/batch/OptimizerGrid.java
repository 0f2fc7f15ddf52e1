package dev.descent.experiments.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid over hyperparameters of one optimizer: {@code {"optimizer": "adam", "lr": [1e-4, 1e-3]}} stands for one
 * setting per combination of the listed values, the first key varying slowest.
 *
 * @param base   the optimizer spec the values are added to ("adam", or "momentum:momentum=0.8")
 * @param values per hyperparameter name, its values as spec text, in file order
 */
public record OptimizerGrid(String base, Map<String, List<String>> values) {

    public OptimizerGrid {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((key, list) -> copy.put(key, List.copyOf(list)));
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** Every combination, as spec strings (not yet canonical). */
    public List<String> expand() {
        List<String> specs = new ArrayList<>();
        specs.add(base);
        boolean first = !base.contains(":");
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            String separator = first ? ":" : ",";
            List<String> longer = new ArrayList<>();
            for (String spec : specs) {
                for (String value : entry.getValue()) {
                    longer.add(spec + separator + entry.getKey() + "=" + value);
                }
            }
            specs = longer;
            first = false;
        }
        return specs;
    }

    /** A spec setting one hyperparameter on the base, for checking keys and values one at a time. */
    static String withOne(String base, String key, String value) {
        return base + (base.contains(":") ? "," : ":") + key + "=" + value;
    }
}
