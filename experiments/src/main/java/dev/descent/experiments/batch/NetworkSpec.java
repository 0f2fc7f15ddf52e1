package dev.descent.experiments.batch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.descent.network.Activation;
import dev.descent.network.WeightInit;
import java.util.List;

/**
 * The net of an experiment: hidden widths, activation, weight initialisation, L2 weight decay, and the book's
 * §6.3–§6.4 extensions BatchNorm and Dropout.
 *
 * @param hidden      hidden layer widths, e.g. [100, 100, 100, 100]
 * @param activation  hidden activation
 * @param init        weight initialisation: He, Xavier or a standard deviation such as 0.01
 * @param weightDecay L2 coefficient λ
 * @param batchNorm   BatchNorm after each hidden Affine layer
 * @param dropout     Dropout ratio in [0, 1) after each hidden activation; 0 for none
 */
public record NetworkSpec(List<Integer> hidden, Activation activation, WeightInit init, double weightDecay,
                          boolean batchNorm, double dropout) {

    public NetworkSpec {
        hidden = List.copyOf(hidden);
    }

    /** A net without BatchNorm and Dropout. */
    public NetworkSpec(List<Integer> hidden, Activation activation, WeightInit init, double weightDecay) {
        this(hidden, activation, init, weightDecay, false, 0.0);
    }

    /** Field names in spec files, in the order they are written. */
    static final List<String> FIELDS = List.of("hidden", "activation", "init", "weight_decay", "batch_norm",
            "dropout");

    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        hidden.forEach(json.putArray("hidden")::add);
        json.put("activation", activation.toString());
        json.put("init", init.toString());
        json.put("weight_decay", weightDecay);
        json.put("batch_norm", batchNorm);
        json.put("dropout", dropout);
        return json;
    }
}
