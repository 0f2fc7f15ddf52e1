/**
 * The float32 row-major matrix shared by the net and its layers, in a package of its own so that neither
 * {@code network} nor {@code network.layers} owns it and the two do not import each other both ways.
 */
package dev.descent.network.matrix;
