package dev.descent.experiments.report;

import java.util.Locale;

/** Small pieces of HTML: escaping and number formatting for the report. */
final class Html {
    private Html() {
    }

    /** Text safe inside an element or a double-quoted attribute. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** A number with {@code digits} decimals, or an en dash when it does not exist. */
    static String number(double value, int digits) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + digits + "f", value) : "–";
    }

    /** mean ± std, or the mean alone when the std does not exist. */
    static String meanStd(double mean, double std, int digits) {
        if (!Double.isFinite(mean)) {
            return "–";
        }
        return Double.isFinite(std) ? number(mean, digits) + " ± " + number(std, digits) : number(mean, digits);
    }

    /** A p-value: three decimals, or two significant digits in scientific notation below 0.001. */
    static String pValue(double p) {
        if (!Double.isFinite(p)) {
            return "–";
        }
        return p < 0.001 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.3f", p);
    }
}
