package dev.descent.experiments.batch;

/**
 * An optimizer setting of an experiment: one canonical optimizer spec on one variant of the net. Each setting
 * is run once per seed, and aggregated over its seeds.
 *
 * @param variant   the net variant
 * @param optimizer canonical optimizer spec, e.g. {@code adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-07}
 */
public record Setting(Variant variant, String optimizer) {

    /** The optimizer's name, the part of the spec before the colon ("adam"). */
    public String optimizerName() {
        int colon = optimizer.indexOf(':');
        return colon < 0 ? optimizer : optimizer.substring(0, colon);
    }

    public boolean matches(Baseline baseline) {
        return optimizer.equals(baseline.optimizer()) && variant.name().equals(baseline.variant());
    }
}
