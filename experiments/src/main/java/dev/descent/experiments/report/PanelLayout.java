package dev.descent.experiments.report;

import dev.descent.experiments.batch.NetworkSpec;
import dev.descent.experiments.batch.SettingSummary;
import dev.descent.experiments.batch.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * When an experiment's variants form a grid of small multiples, as the book's figure 6-18: the inference rule, and
 * the layout it finds.
 *
 * <p>The rule looks only at the variants' networks, never at their names. The variants form a grid when their
 * networks differ in exactly two fields ({@code hidden}, {@code activation}, {@code init}, {@code weight_decay},
 * {@code batch_norm}, {@code dropout}), one of them (the <em>line</em> field) takes exactly two values and the
 * other (the <em>panel</em> field) at least {@value #MIN_PANELS}, and every combination of the two is exactly one
 * variant. Then the chart has one panel per value of the panel field and in each panel two lines per optimizer
 * spec: the line field's first value (in spec order) solid, the second dashed. {@code batchnorm.json} is such a
 * grid: 16 values of {@code init} × {@code batch_norm} true / false. A spec with one varying field
 * ({@code weight-init.json}), two fields of two values each, or a partial cross product is no grid.
 *
 * @param panelField the field that changes from panel to panel, by its spec-file name
 * @param panelValues its values, in the order of the variants
 * @param lineField  the field that changes from line to line within a panel
 * @param lineValues its two values, solid first
 * @param cells      per panel value, per line value, the settings of that variant (one per optimizer spec)
 */
public record PanelLayout(String panelField, List<String> panelValues, String lineField, List<String> lineValues,
                          Map<String, Map<String, List<SettingSummary>>> cells) {
    /** Fewer panels than this is no grid: two panels of two lines read as well on one chart. */
    static final int MIN_PANELS = 3;

    /** The network fields the rule compares, by their spec-file names, each as a comparable text. */
    private static final Map<String, Function<NetworkSpec, String>> FIELDS = fields();

    private static Map<String, Function<NetworkSpec, String>> fields() {
        Map<String, Function<NetworkSpec, String>> fields = new LinkedHashMap<>();
        fields.put("hidden", net -> net.hidden().toString());
        fields.put("activation", net -> net.activation().toString());
        fields.put("init", net -> net.init().toString());
        fields.put("weight_decay", net -> String.valueOf(net.weightDecay()));
        fields.put("batch_norm", net -> String.valueOf(net.batchNorm()));
        fields.put("dropout", net -> String.valueOf(net.dropout()));
        return fields;
    }

    /** The grid the settings' variants form, or empty when they form none (see the class comment). */
    public static Optional<PanelLayout> of(List<SettingSummary> settings) {
        List<Variant> variants = new ArrayList<>(new LinkedHashSet<>(
                settings.stream().map(setting -> setting.setting().variant()).toList()));
        Map<String, List<String>> varying = new LinkedHashMap<>();
        for (Map.Entry<String, Function<NetworkSpec, String>> field : FIELDS.entrySet()) {
            Set<String> values = new LinkedHashSet<>();
            variants.forEach(variant -> values.add(field.getValue().apply(variant.network())));
            if (values.size() > 1) {
                varying.put(field.getKey(), List.copyOf(values));
            }
        }
        if (varying.size() != 2) {
            return Optional.empty();
        }
        List<String> names = List.copyOf(varying.keySet());
        String lineField;
        String panelField;
        if (varying.get(names.get(0)).size() == 2 && varying.get(names.get(1)).size() >= MIN_PANELS) {
            lineField = names.get(0);
            panelField = names.get(1);
        } else if (varying.get(names.get(1)).size() == 2 && varying.get(names.get(0)).size() >= MIN_PANELS) {
            lineField = names.get(1);
            panelField = names.get(0);
        } else {
            return Optional.empty();
        }
        List<String> panelValues = varying.get(panelField);
        List<String> lineValues = varying.get(lineField);
        if (variants.size() != panelValues.size() * lineValues.size()) {
            return Optional.empty();
        }
        Map<String, Map<String, List<SettingSummary>>> cells = new LinkedHashMap<>();
        for (String panel : panelValues) {
            Map<String, List<SettingSummary>> lines = new LinkedHashMap<>();
            lineValues.forEach(line -> lines.put(line, new ArrayList<>()));
            cells.put(panel, lines);
        }
        for (SettingSummary setting : settings) {
            NetworkSpec net = setting.setting().variant().network();
            cells.get(FIELDS.get(panelField).apply(net)).get(FIELDS.get(lineField).apply(net)).add(setting);
        }
        // As many variants as combinations, each variant in one cell: a cell left empty means another holds two.
        boolean full = cells.values().stream().flatMap(lines -> lines.values().stream())
                .noneMatch(List::isEmpty);
        return full ? Optional.of(new PanelLayout(panelField, panelValues, lineField, lineValues, cells))
                : Optional.empty();
    }

    /** The settings of one line of one panel: one per optimizer spec, in spec order. */
    public List<SettingSummary> cell(String panelValue, String lineValue) {
        return Objects.requireNonNull(cells.get(panelValue).get(lineValue), panelValue + " / " + lineValue);
    }
}
