/**
 * Sweeps beyond one machine: the runs of an experiment as Apache Spark tasks ({@code descent run SPEC.json
 * --spark}, or {@code spark-submit --class dev.descent.experiments.spark.SparkSweep descent.jar SPEC.json}).
 *
 * <p>The driver is the ordinary {@link dev.descent.experiments.pipeline.Pipeline} with a
 * {@link dev.descent.experiments.spark.SparkComputer} in place of the local threads: the same plan, shards, run
 * store, summaries, charts and report. Each task trains one run with the code a local run uses and sends its result
 * back as bytes; only the driver writes files. Spark is a {@code provided} dependency: its classes are loaded only
 * on this path, and {@code descent.jar} does not contain them.
 */
package dev.descent.experiments.spark;
