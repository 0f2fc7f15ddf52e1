/**
 * {@code descent compare}: the book's MNIST optimizer comparison (chapter 6.1, figure 6-9) as a controlled,
 * parallel experiment.
 *
 * <p>{@link dev.descent.experiments.compare.CompareCommand} checks the options and loads the data;
 * {@link dev.descent.experiments.compare.Comparison} trains one run per optimizer on the shared setup while a
 * progress display watches; the result files (CSV, JSON, charts) are written atomically, the summary last; the
 * table printed at the end fits in 80 columns.
 */
package dev.descent.experiments.compare;
