/**
 * What a person sees while runs train: the live terminal display (one redrawn line per run), the book-style
 * blocks for logs and pipes, and one line per finished run for long sweeps. Displays only read
 * {@link dev.descent.experiments.train.RunProgress}, from their own thread, so they cannot slow or change a run.
 */
package dev.descent.experiments.progress;
