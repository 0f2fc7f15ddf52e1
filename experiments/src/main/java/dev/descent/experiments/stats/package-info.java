/**
 * Numbers over seeds: mean and sample standard deviation of values and of curves, time to a target accuracy, the
 * performance profile of several solvers over seeds and problems, and the tests that turn "this optimizer beats
 * the baseline" into a p-value (Welch's t-test and the Mann–Whitney U test, both from Apache Commons Math).
 *
 * <p>Plain arrays in, records out; no files, no charts. Every standard deviation here is the sample one
 * (divisor n − 1), because the seeds are a sample of the seeds one could have run; with fewer than two values it
 * is undefined and reported as NaN, never as 0.
 */
package dev.descent.experiments.stats;
