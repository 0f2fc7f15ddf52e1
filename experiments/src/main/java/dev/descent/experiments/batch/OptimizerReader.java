package dev.descent.experiments.batch;

import dev.descent.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code optimizers} list and the {@code grids} of a spec into canonical optimizer specs, each checked
 * by {@link Optimizers#parse(String)} where it is written, so that a bad spec names its own place in the file.
 */
final class OptimizerReader {
    /** The book's five optimizers, used when a spec lists neither {@code optimizers} nor {@code grids}. */
    static final List<String> BOOK_OPTIMIZERS = List.of("sgd", "momentum", "adagrad", "rmsprop", "adam");
    static final String GRID_BASE = "optimizer";

    private OptimizerReader() {
    }

    static List<String> optimizers(SpecNode listNode, SpecNode gridsNode) {
        Set<String> specs = new LinkedHashSet<>();
        if (listNode.isAbsent() && gridsNode.isAbsent()) {
            BOOK_OPTIMIZERS.forEach(spec -> specs.add(Optimizers.parse(spec).toString()));
            return List.copyOf(specs);
        }
        if (!listNode.isAbsent()) {
            for (SpecNode element : listNode.nonEmptyElements("list at least one optimizer spec such as"
                    + " \"sgd\" or \"adam:lr=0.001\" (leave the field out to use only the grids, or both out"
                    + " for the book's five)")) {
                specs.add(canonical(element, element.text()));
            }
        }
        if (!gridsNode.isAbsent()) {
            for (SpecNode grid : gridsNode.nonEmptyElements("give at least one grid such as"
                    + " {\"optimizer\": \"adam\", \"lr\": [0.0001, 0.001]}, or leave the field out")) {
                for (String spec : grid(grid).expand()) {
                    specs.add(canonical(grid, spec));
                }
            }
        }
        return List.copyOf(specs);
    }

    private static OptimizerGrid grid(SpecNode node) {
        node.requireObject();
        SpecNode baseNode = node.field(GRID_BASE);
        if (baseNode.isAbsent()) {
            throw node.error("missing field \"optimizer\" in the grid at " + node.path()
                    + "; write e.g. {\"optimizer\": \"adam\", \"lr\": [0.0001, 0.001]}");
        }
        String base = baseNode.text();
        canonical(baseNode, base);
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String key : node.fieldNames()) {
            if (key.equals(GRID_BASE)) {
                continue;
            }
            SpecNode listNode = node.field(key);
            List<String> texts = new ArrayList<>();
            for (SpecNode value : listNode.nonEmptyElements("list the values of " + key + " to try, e.g. "
                    + key + ": [0.001, 0.01]")) {
                String text = value.numberText();
                canonical(value, OptimizerGrid.withOne(base, key, text));
                texts.add(text);
            }
            values.put(key, texts);
        }
        if (values.isEmpty()) {
            throw node.error("the grid at " + node.path() + " lists no hyperparameter; add one such as"
                    + " \"lr\": [0.0001, 0.001], or move \"" + base + "\" to \"optimizers\"");
        }
        return new OptimizerGrid(base, values);
    }

    static String canonical(SpecNode where, String spec) {
        try {
            return Optimizers.parse(spec).toString();
        } catch (IllegalArgumentException e) {
            throw where.error("bad optimizer spec at " + where.path() + ": " + e.getMessage(), e);
        }
    }
}
