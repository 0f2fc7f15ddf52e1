/**
 * The one experiment pipeline ({@link dev.descent.experiments.pipeline.Pipeline}) that {@code descent compare} and
 * {@code descent run} both go through, and the two presentations that are all they differ in.
 */
package dev.descent.experiments.pipeline;
