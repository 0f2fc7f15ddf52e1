/**
 * Pure functions on recorded curves (loss per iteration, accuracy per evaluation) shared by the commands that draw
 * them: the book's Kaiser-window smoothing of noisy per-batch losses.
 */
package dev.descent.experiments.curves;
