/**
 * The fair tuning protocol of a spec's {@code "tuning"} block and the book's §6.5 hyperparameter search: the trials
 * each optimizer gets ({@link dev.descent.experiments.tuning.TrialDraws}: random or grid search over log-uniform and
 * uniform ranges, seeded), the experiment of those trials, the choice of each optimizer's best trial by its
 * validation numbers ({@link dev.descent.experiments.tuning.TrialSelection}) and the experiment that reruns the
 * chosen settings on the spec's seeds ({@link dev.descent.experiments.tuning.TuningPlan}). Trials and reruns are
 * ordinary runs of the run store, keyed by their configuration, so a tuning resumes like any sweep.
 */
package dev.descent.experiments.tuning;
