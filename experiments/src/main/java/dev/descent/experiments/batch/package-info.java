/**
 * Experiments: a spec ({@link dev.descent.experiments.batch.SpecReader}, format in
 * {@code experiments/specs/FORMAT.md}) names the data set, the net and its variants, the loop, the seeds and the
 * optimizer settings (lists and grids); every (setting, seed) pair is one independent single-threaded run,
 * computed in parallel ({@link dev.descent.experiments.batch.BatchRunner}) and stored by a hash of its full
 * configuration ({@link dev.descent.experiments.batch.RunConfiguration#key()}) in {@code runs/<key>.json}, so
 * that running a spec again computes only what is missing and never reuses a result for another configuration.
 *
 * <p>Runs are aggregated per setting ({@link dev.descent.experiments.batch.ExperimentSummary}) into the result
 * files ({@link dev.descent.experiments.batch.SummaryFiles}); the {@code report} package draws them and the
 * {@code pipeline} package ties the steps together for {@code compare} and {@code run}.
 */
package dev.descent.experiments.batch;
