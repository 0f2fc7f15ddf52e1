/**
 * The training loop shared by {@code compare} and {@code run}: one optimizer, one seed, one net, single-threaded,
 * recording the book's per-iteration training loss and the test accuracy at fixed intervals.
 *
 * <p>Reproducibility rests on three rules kept here: every run builds its own net from the seed (so all optimizers
 * start from the same weights), every run draws its own batches from a sampler seeded the same way (so all see the
 * same batch sequence), and nothing inside a run is multi-threaded (so the thread count of the pool cannot change a
 * single bit of the losses).
 */
package dev.descent.experiments.train;
