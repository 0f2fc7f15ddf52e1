/**
 * {@code descent run SPEC.json}: batch experiments from a spec file. A spec ({@link
 * dev.descent.experiments.batch.SpecReader}, format in {@code experiments/specs/FORMAT.md}) names the data set,
 * the net and its variants, the loop, the seeds and the optimizer settings (lists and grids); every (setting,
 * seed) pair is one independent single-threaded run, computed in parallel and stored by a hash of its full
 * configuration ({@link dev.descent.experiments.batch.RunConfiguration#key()}) in {@code runs/<key>.json}, so
 * that running a spec again computes only what is missing and never reuses a result for another configuration.
 *
 * <p>Stored runs are aggregated per setting ({@link dev.descent.experiments.batch.ExperimentSummary}) into the
 * summary files; the {@code report} package draws them. {@link dev.descent.experiments.batch.RunCommand} ties the
 * steps together, so it is the one class here that uses {@code report}.
 */
package dev.descent.experiments.batch;
