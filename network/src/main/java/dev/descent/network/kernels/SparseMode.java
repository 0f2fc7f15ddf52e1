package dev.descent.network.kernels;

import java.util.Locale;

/**
 * Whether the first layer skips zero inputs ({@link NonZeroIndex}, {@link Gemm#sparseAb}), read once per JVM
 * from the system property {@value #PROPERTY}:
 * <ul>
 *   <li>{@code auto} (the default): per batch, when at most {@value #AUTO_MAX_DENSITY} of its inputs are
 *       non-zero (MNIST: about 0.19; Fashion-MNIST: about 0.5; dense data: 1);</li>
 *   <li>{@code on}: for every batch; {@code off}: never (the dense GEMM only, no index is built).</li>
 * </ul>
 * Both paths give the same bits (the sparse one falls back to dense for a non-finite weight or gradient, where
 * skipping a zero would not be exact), so the mode changes speed only, never a result.
 */
public enum SparseMode {
    ON, OFF, AUTO;

    /** System property that forces a mode: auto (default), on or off. */
    public static final String PROPERTY = "descent.sparse";

    /**
     * Largest fraction of non-zero inputs for which auto mode skips zeros. Measured on this project's machine
     * (batch 128, 784 → 100, 512-bit vectors): forward and gradient together break even with the dense GEMM
     * at about 0.6 non-zero; below 0.5 the sparse path is clearly faster.
     */
    public static final double AUTO_MAX_DENSITY = 0.5;

    private static final SparseMode ACTIVE;
    private static final String DESCRIPTION;

    static {
        String requested = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        SparseMode mode;
        String note = "";
        switch (requested) {
            case "on":
                mode = ON;
                break;
            case "off":
                mode = OFF;
                break;
            case "auto":
                mode = AUTO;
                break;
            default:
                mode = AUTO;
                note = " (-D" + PROPERTY + "=" + requested + " is not one of on, off, auto)";
        }
        ACTIVE = mode;
        switch (mode) {
            case ON:
                DESCRIPTION = "on: the first layer always skips zero inputs (-D" + PROPERTY + "=on)";
                break;
            case OFF:
                DESCRIPTION = "off: dense first layer (-D" + PROPERTY + "=off)";
                break;
            default:
                // No percent sign: picocli formats the version text.
                DESCRIPTION = "auto: the first layer skips zero inputs in batches with at most "
                        + AUTO_MAX_DENSITY + " of them non-zero" + note;
        }
    }

    /** The mode of this JVM. */
    public static SparseMode active() {
        return ACTIVE;
    }

    /** Whether a batch with this fraction of non-zero inputs takes the sparse path in this mode. */
    public boolean sparseFor(double density) {
        return this == ON || (this == AUTO && density <= AUTO_MAX_DENSITY);
    }

    /** The mode in words, for {@code descent --version}. */
    public static String describe() {
        return DESCRIPTION;
    }
}
