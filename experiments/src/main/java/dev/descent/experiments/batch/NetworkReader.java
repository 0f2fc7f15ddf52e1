package dev.descent.experiments.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.descent.network.Activation;
import dev.descent.network.WeightInit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the {@code network} object and the {@code variants} list of a spec. */
final class NetworkReader {
    static final List<String> VARIANT_FIELDS = List.of("name", "network");

    private NetworkReader() {
    }

    /** {@code node} is an object of network fields, each replacing the one in {@code base}. */
    static NetworkSpec network(SpecNode node, NetworkSpec base) {
        if (node.isAbsent()) {
            return base;
        }
        node.requireObject(NetworkSpec.FIELDS);
        List<Integer> hidden = base.hidden();
        SpecNode hiddenNode = node.field("hidden");
        if (!hiddenNode.isAbsent()) {
            hidden = new ArrayList<>();
            for (SpecNode width : hiddenNode.nonEmptyElements("give the hidden layer widths, e.g. [100, 100]")) {
                int value = width.integer();
                if (value < 1) {
                    throw width.error("hidden layer width " + value + " at " + width.path()
                            + " must be at least 1");
                }
                hidden.add(value);
            }
        }
        SpecNode activationNode = node.field("activation");
        Activation activation = base.activation();
        if (!activationNode.isAbsent()) {
            try {
                activation = Activation.parse(activationNode.text());
            } catch (IllegalArgumentException e) {
                throw activationNode.error("bad activation at " + activationNode.path() + ": " + e.getMessage(),
                        e);
            }
        }
        SpecNode initNode = node.field("init");
        WeightInit init = base.init();
        if (!initNode.isAbsent()) {
            String text = initNode.isText() ? initNode.text() : initNode.numberText();
            try {
                init = WeightInit.parse(text);
            } catch (IllegalArgumentException e) {
                throw initNode.error("bad weight init at " + initNode.path() + ": " + e.getMessage(), e);
            }
        }
        SpecNode decayNode = node.field("weight_decay");
        double weightDecay = decayNode.number(base.weightDecay());
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw decayNode.error("weight decay " + weightDecay + " at " + decayNode.path()
                    + " must be a finite number >= 0");
        }
        SpecNode batchNormNode = node.field("batch_norm");
        boolean batchNorm = batchNormNode.bool(base.batchNorm());
        SpecNode dropoutNode = node.field("dropout");
        double dropout = dropoutNode.number(base.dropout());
        if (!(dropout >= 0 && dropout < 1)) {
            throw dropoutNode.error("dropout ratio " + dropout + " at " + dropoutNode.path() + " must be in [0, 1):"
                    + " the probability of dropping a hidden unit in training; HINT: the book uses 0.2, 0 turns"
                    + " Dropout off");
        }
        return new NetworkSpec(hidden, activation, init, weightDecay, batchNorm, dropout);
    }

    static List<Variant> variants(SpecNode node, NetworkSpec network) {
        if (node.isAbsent()) {
            return List.of(new Variant(Variant.DEFAULT_NAME, network));
        }
        List<Variant> variants = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<SpecNode> elements = node.nonEmptyElements("list variants such as {\"name\": \"Xavier\","
                + " \"network\": {\"init\": \"xavier\"}}, or leave the field out");
        for (SpecNode element : elements) {
            element.requireObject(VARIANT_FIELDS);
            SpecNode networkNode = element.field("network");
            NetworkSpec variantNet = network(networkNode, network);
            SpecNode nameNode = element.field("name");
            String name = nameNode.isAbsent() ? derivedName(networkNode, variants.size())
                    : SpecReader.name(nameNode, "");
            if (!names.add(name)) {
                throw element.error("two variants are named \"" + name + "\" (again at " + element.path()
                        + "); give each a different \"name\"");
            }
            variants.add(new Variant(name, variantNet));
        }
        return variants;
    }

    /** "init=0.01" from the fields a variant sets, or "variant 2". */
    private static String derivedName(SpecNode networkNode, int index) {
        if (networkNode.isAbsent() || networkNode.fieldNames().isEmpty()) {
            return "variant " + (index + 1);
        }
        List<String> parts = new ArrayList<>();
        for (String field : networkNode.fieldNames()) {
            JsonNode value = networkNode.json().get(field);
            parts.add(field + "=" + (value.isTextual() ? value.textValue() : value.toString()));
        }
        return String.join(", ", parts);
    }
}
