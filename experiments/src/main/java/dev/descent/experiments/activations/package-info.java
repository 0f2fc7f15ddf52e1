/**
 * {@code descent activations}: the book's §6.2 experiment on initial weights (figures 6-10 to 6-14), the
 * histograms of hidden-layer activations for each activation function and weight std, as one chart per
 * setting and CSV files. The computation is {@link dev.descent.network.ActivationDistribution}.
 */
package dev.descent.experiments.activations;
