package dev.descent.network;

import dev.descent.network.matrix.Matrix;
import java.util.Locale;

/**
 * The standard deviation of the initial Gaussian weights, as the book's {@code weight_init_std}:
 * "he" √(2/n) for ReLU (He et al. 2015), "xavier" √(1/n) for sigmoid (Glorot and Bengio 2010), where n is
 * the number of inputs to the layer, or a fixed positive number (the book's default is 0.01).
 *
 * <p>Immutable; {@link #toString()} gives back what {@link #parse} accepts.
 */
public final class WeightInit {

    private enum Kind { HE, XAVIER, FIXED }

    private final Kind kind;
    private final double fixedStd;

    private WeightInit(Kind kind, double fixedStd) {
        this.kind = kind;
        this.fixedStd = fixedStd;
    }

    /** std = √(2 / fanIn). */
    public static WeightInit he() {
        return new WeightInit(Kind.HE, Double.NaN);
    }

    /** std = √(1 / fanIn). */
    public static WeightInit xavier() {
        return new WeightInit(Kind.XAVIER, Double.NaN);
    }

    /** The same std for every layer; must be positive and finite. */
    public static WeightInit std(double s) {
        if (!(s > 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException("weight init std " + s + " must be a positive finite number");
        }
        return new WeightInit(Kind.FIXED, s);
    }

    /**
     * Parses "he", "xavier" (any case) or a positive number such as "0.01".
     *
     * @throws IllegalArgumentException naming the value and what is accepted
     */
    public static WeightInit parse(String s) {
        String text = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        if (text.equals("he")) {
            return he();
        }
        if (text.equals("xavier")) {
            return xavier();
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(invalid(s));
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(invalid(s));
        }
        return std(value);
    }

    /** The std of a layer with {@code fanIn} inputs. */
    public double std(int fanIn) {
        if (fanIn < 1) {
            throw new IllegalArgumentException("fanIn " + fanIn + " must be at least 1");
        }
        switch (kind) {
            case HE:
                return Math.sqrt(2.0 / fanIn);
            case XAVIER:
                return Math.sqrt(1.0 / fanIn);
            default:
                return fixedStd;
        }
    }

    /**
     * The initial weights of a fully connected net with layer sizes {@code sizes} (input, hidden…, output): W_l is
     * (sizes[l], sizes[l+1]), N(0, std(sizes[l])²), drawn from one {@link Gaussian} seeded with {@code seed},
     * W1 in row-major order first, then W2, …. The one draw both nets use, so the same seed gives the same weights.
     */
    Matrix[] drawWeights(int[] sizes, long seed) {
        Gaussian gaussian = new Gaussian(seed);
        Matrix[] weights = new Matrix[sizes.length - 1];
        for (int l = 0; l < weights.length; l++) {
            weights[l] = new Matrix(sizes[l], sizes[l + 1]);
            double std = std(sizes[l]);
            float[] w = weights[l].data;
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (std * gaussian.next());
            }
        }
        return weights;
    }

    /** "he", "xavier" or the number, e.g. "0.01". */
    @Override
    public String toString() {
        switch (kind) {
            case HE:
                return "he";
            case XAVIER:
                return "xavier";
            default:
                return Double.toString(fixedStd);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightInit && ((WeightInit) o).kind == kind
                && Double.compare(((WeightInit) o).fixedStd, fixedStd) == 0;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Double.hashCode(fixedStd);
    }

    private static String invalid(String s) {
        return "weight init '" + s + "' is not valid: expected 'he', 'xavier' or a positive number "
                + "(the std of every layer), e.g. 0.01";
    }
}
