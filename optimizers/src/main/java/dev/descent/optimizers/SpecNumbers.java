package dev.descent.optimizers;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How numbers are written in and read from spec strings.
 *
 * <p>Written numbers are short and exact: the shortest decimal that {@link Double#toString(double)} finds (which
 * always reads back to the same double), without trailing zeros, in plain notation from 1e-4 up to 1e16 and
 * in scientific notation with a two-digit exponent outside that range ({@code 0.001}, {@code 0.9}, {@code 1},
 * {@code 1e-07}) — the same forms Python prints, so specs look alike in both worlds.
 */
final class SpecNumbers {

    private static final double PLAIN_MIN = 1e-4;
    private static final double PLAIN_MAX = 1e16;

    /** Decimal numbers only: no hex floats, no 'd'/'f' suffixes, which Double.parseDouble would also accept. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private SpecNumbers() {
    }

    /** The canonical text of {@code x}; reads back to the identical double with {@link #parse(String)}. */
    static String format(double x) {
        if (x == 0) {
            return "0";
        }
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        BigDecimal decimal = BigDecimal.valueOf(x).stripTrailingZeros();
        double magnitude = Math.abs(x);
        if (magnitude >= PLAIN_MIN && magnitude < PLAIN_MAX) {
            return decimal.toPlainString();
        }
        String digits = decimal.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - decimal.scale();
        StringBuilder text = new StringBuilder();
        if (x < 0) {
            text.append('-');
        }
        text.append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        text.append('e').append(exponent < 0 ? '-' : '+');
        int absExponent = Math.abs(exponent);
        if (absExponent < 10) {
            text.append('0');
        }
        return text.append(absExponent).toString();
    }

    /**
     * Reads a decimal such as {@code 0.001}, {@code 1e-07} or {@code .5}; also {@code nan}, {@code inf} and
     * {@code infinity} (any case, optional sign) so that range checks, not the parser, report them.
     *
     * @throws NumberFormatException if {@code text} is none of these
     */
    static double parse(String text) {
        if (DECIMAL.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean negative = lower.startsWith("-");
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        return switch (unsigned) {
            case "nan" -> Double.NaN;
            case "inf", "infinity" -> negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            default -> throw new NumberFormatException(text);
        };
    }
}
