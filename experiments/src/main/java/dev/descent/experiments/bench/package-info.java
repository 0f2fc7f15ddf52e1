/**
 * JMH benchmarks: the GEMMs of a training step ({@link dev.descent.experiments.bench.GemmBenchmark}) and a
 * whole step of the book's optimizer experiment ({@link dev.descent.experiments.bench.TrainingStepBenchmark}).
 * They are built into {@code experiments/target/descent.jar}; run them with
 * {@code java --add-modules jdk.incubator.vector -cp experiments/target/descent.jar org.openjdk.jmh.Main NAME}.
 * Never run them in unit tests, and not on a machine busy with other work if the numbers matter.
 */
package dev.descent.experiments.bench;
