package dev.descent.experiments.batch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.network.Activation;
import dev.descent.network.WeightInit;
import java.util.List;

/**
 * The net of an experiment: hidden widths, activation, weight initialisation and L2 weight decay.
 *
 * @param hidden      hidden layer widths, e.g. [100, 100, 100, 100]
 * @param activation  hidden activation
 * @param init        weight initialisation: He, Xavier or a standard deviation such as 0.01
 * @param weightDecay L2 coefficient λ
 */
public record NetworkSpec(List<Integer> hidden, Activation activation, WeightInit init, double weightDecay) {

    public NetworkSpec {
        hidden = List.copyOf(hidden);
    }

    /** Field names in spec files, in the order they are written. */
    static final List<String> FIELDS = List.of("hidden", "activation", "init", "weight_decay");

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        hidden.forEach(json.putArray("hidden")::add);
        json.put("activation", activation.toString());
        json.put("init", init.toString());
        json.put("weight_decay", weightDecay);
        return json;
    }
}
