package dev.descent.experiments.batch;

/**
 * One version of the net an experiment trains every optimizer on, such as the book's §6.2 weight initialisations.
 * A spec without {@code "variants"} has one variant, {@link #DEFAULT_NAME}, the spec's own network.
 *
 * @param name    label in tables and legends, unique within the spec
 * @param network the complete network: the spec's network with this variant's fields replaced
 */
public record Variant(String name, NetworkSpec network) {
    /** The name of the one variant of a spec that lists none. */
    public static final String DEFAULT_NAME = "default";
}
