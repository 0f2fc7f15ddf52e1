package dev.descent.experiments.batch;

import java.util.Locale;

/**
 * The values a tuning draws one hyperparameter from (see {@code experiments/specs/FORMAT.md}, {@code tuning}).
 *
 * <ul>
 *   <li>{@link Scale#LOG} {@code [low, high]}: log-uniform, i.e. 10^u with u uniform on [log10 low, log10 high]
 *       (the book's §6.5 draws {@code 10 ** np.random.uniform(-6, -2)}); both bounds &gt; 0;</li>
 *   <li>{@link Scale#UNIFORM} {@code [low, high]}: uniform;</li>
 *   <li>{@link Scale#DECADES} d: log-uniform over [default / 10^d, default · 10^d] around each optimizer's own
 *       default of the key, so one range fits rules whose defaults differ by decades (SGD 0.01, Adam 0.001).</li>
 * </ul>
 *
 * @param key   an optimizer hyperparameter ({@code lr}, {@code momentum}, …) or {@link #NETWORK_WEIGHT_DECAY}
 * @param scale how the values are spread
 * @param low   the lower bound, or the decades for {@link Scale#DECADES}
 * @param high  the upper bound ({@code low} again for {@link Scale#DECADES})
 */
public record ParameterRange(String key, Scale scale, double low, double high) {
    /** The key of the net's L2 coefficient λ ({@code network.weight_decay}), which is not an optimizer's. */
    public static final String NETWORK_WEIGHT_DECAY = "network.weight_decay";
    /** The range a tuning without {@code ranges} searches: two decades either side of each default lr. */
    public static final ParameterRange DEFAULT_LR = new ParameterRange("lr", Scale.DECADES, 2, 2);

    /** How a range spreads its values. */
    public enum Scale {
        LOG("log"), UNIFORM("uniform"), DECADES("decades");

        private final String label;

        Scale(String label) {
            this.label = label;
        }

        /** The name in spec files. */
        public String label() {
            return label;
        }
    }

    /** Whether this range is the net's weight decay rather than an optimizer hyperparameter. */
    public boolean isNetworkWeightDecay() {
        return key.equals(NETWORK_WEIGHT_DECAY);
    }

    /** {@code lr log [1e-06, 0.01]}, {@code lr decades 2}. */
    @Override
    public String toString() {
        return scale == Scale.DECADES ? String.format(Locale.ROOT, "%s: %g decades either side of the default",
                key, low) : String.format(Locale.ROOT, "%s: %s [%g, %g]", key, scale.label, low, high);
    }
}
