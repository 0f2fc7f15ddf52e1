package dev.descent.experiments.batch;

import dev.descent.optimizers.OptimizerSpec;

/**
 * One version of the net an experiment trains every optimizer on, such as the book's §6.2 weight initialisations.
 * A spec without {@code "variants"} has one variant, {@link #DEFAULT_NAME}, the spec's own network.
 *
 * <p>A tuning makes variants of its own that belong to one optimizer setting ({@link #only}): when it searches the
 * net's weight decay, each trial (and each optimizer's chosen setting) trains its own net, and that net is trained
 * with that optimizer spec alone rather than with every optimizer of the spec.
 *
 * @param name    label in tables and legends, unique within the spec
 * @param network the complete network: the spec's network with this variant's fields replaced
 * @param only    the one optimizer spec this variant is trained with, or null for every optimizer of the spec
 */
public record Variant(String name, NetworkSpec network, OptimizerSpec only) {
    /** The name of the one variant of a spec that lists none. */
    public static final String DEFAULT_NAME = "default";

    /** A variant every optimizer of the spec trains on. */
    public Variant(String name, NetworkSpec network) {
        this(name, network, null);
    }

    /** Whether this variant is trained with {@code optimizer}. */
    public boolean trains(OptimizerSpec optimizer) {
        return only == null || only.equals(optimizer);
    }
}
