/**
 * The book's multilayer network in float32: {@link dev.descent.network.MultiLayerNet}, and
 * {@link dev.descent.network.MultiLayerNetExtend} with Batch Normalization and Dropout (§6.3–§6.4), both a
 * {@link dev.descent.network.TrainableNet} for one training loop, with their
 * {@link dev.descent.network.matrix.Matrix} type, {@link dev.descent.network.Activation} and
 * {@link dev.descent.network.WeightInit} choices, and {@link dev.descent.network.Kernels} telling which
 * kernel path is active. {@link dev.descent.network.ActivationDistribution} is the book's §6.2 experiment
 * on initial weights and the histograms of hidden-layer activations.
 *
 * <p>The contract with the rest of descent is the plain {@code Map<String, float[]>} of
 * {@link dev.descent.network.MultiLayerNet#params()} and {@link dev.descent.network.MultiLayerNet#gradient}:
 * keys W1, b1, …, Wn, bn (and gamma1, beta1, … with BatchNorm); optimizers update the parameter arrays in
 * place. Layers are in {@code dev.descent.network.layers}, the fast kernels in
 * {@code dev.descent.network.kernels}.
 */
package dev.descent.network;
