package dev.descent.experiments.batch;

import dev.descent.optimizers.OptimizerSpec;

/**
 * An optimizer setting of an experiment: one optimizer spec on one variant of the net. Each setting is run once
 * per seed, and aggregated over its seeds.
 *
 * @param variant   the net variant
 * @param optimizer the optimizer spec, e.g. {@code adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07}
 */
public record Setting(Variant variant, OptimizerSpec optimizer) {

    public boolean matches(Baseline baseline) {
        return optimizer.equals(baseline.optimizer()) && variant.name().equals(baseline.variant());
    }
}
