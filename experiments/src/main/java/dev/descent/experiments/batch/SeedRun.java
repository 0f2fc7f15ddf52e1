package dev.descent.experiments.batch;

import dev.descent.experiments.train.RunResult;

/**
 * A run of a setting on one seed: complete (stored or computed now) or stopped early.
 *
 * @param seed   the seed
 * @param key    the run's key (its file is {@code runs/<key>.json})
 * @param result what it computed
 */
public record SeedRun(long seed, String key, RunResult result) {
}
