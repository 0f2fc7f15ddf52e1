package dev.descent.experiments.charts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shrinks the SVG that VectorGraphics2D writes for XChart, without changing what it shows.
 *
 * <p>XChart draws a series line as one {@code <line>} per segment, each carrying its full style; a 2000-point
 * loss curve becomes 2000 elements. Runs of segments with the same style, where each starts exactly where the
 * previous one ended, become one {@code <polyline>} (coordinates rounded to 1/1000 of a point). Font families
 * get the generic {@code sans-serif} fallback, so a browser without the font still draws sans-serif text.
 */
final class SvgCompactor {
    private static final Pattern LINE = Pattern.compile(
        "^(\\s*)<line style=\"([^\"]*)\" x1=\"([^\"]+)\" x2=\"([^\"]+)\" y1=\"([^\"]+)\" y2=\"([^\"]+)\"/>$");
    private static final Pattern FONT_FAMILY = Pattern.compile("font-family:&quot;([^&]*)&quot;;");

    /** Decimals kept in a polyline's coordinates. */
    private static final int DECIMALS = 3;

    private SvgCompactor() {
    }

    static String compact(String svg) {
        StringBuilder out = new StringBuilder(svg.length() / 2);
        Run run = null;
        for (String line : svg.split("\n", -1)) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                String indent = m.group(1);
                String style = m.group(2);
                String x1 = m.group(3);
                String x2 = m.group(4);
                String y1 = m.group(5);
                String y2 = m.group(6);
                if (run != null && run.continuedBy(indent, style, x1, y1)) {
                    run.extend(line, x2, y2);
                    continue;
                }
                if (run != null) {
                    run.appendTo(out);
                }
                run = new Run(line, indent, style, x1, y1, x2, y2);
                continue;
            }
            if (run != null) {
                run.appendTo(out);
                run = null;
            }
            out.append(withFallbackFont(line)).append('\n');
        }
        if (run != null) {
            run.appendTo(out);
        }
        // split(..., -1) gave one element after the last newline; do not add a newline that was not there.
        out.setLength(out.length() - 1);
        return out.toString();
    }

    private static String withFallbackFont(String line) {
        Matcher m = FONT_FAMILY.matcher(line);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            String family = m.group(1);
            String replacement = family.equals("SansSerif") || family.equals("Dialog")
                ? "font-family:sans-serif;"
                : "font-family:&quot;" + family + "&quot;,sans-serif;";
            m.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(result);
        return result.toString();
    }

    /**
     * A coordinate to three decimals, half up, without trailing zeros and without a minus on zero: what
     * {@code String.format("%.3f")} gives, trimmed (that way kept in {@code SvgCompactorTest} as the reference). The
     * formatter rounds the shortest decimal form of the double ({@link Double#toString}), so that is what is rounded
     * here; done with BigDecimal, it takes a fraction of the formatter's time (a loss chart has 20,000 coordinates).
     */
    static String number(String value) {
        double parsed = Double.parseDouble(value);
        if (!Double.isFinite(parsed)) {
            return String.format(Locale.ROOT, "%.3f", parsed);
        }
        BigDecimal rounded = new BigDecimal(Double.toString(parsed)).setScale(DECIMALS, RoundingMode.HALF_UP);
        return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
    }

    /** Consecutive joined segments of one style. */
    private static final class Run {
        private final String firstLine;
        private final String indent;
        private final String style;
        private final List<String> points = new ArrayList<>();
        private String lastX;
        private String lastY;

        Run(String firstLine, String indent, String style, String x1, String y1, String x2, String y2) {
            this.firstLine = firstLine;
            this.indent = indent;
            this.style = style;
            points.add(number(x1) + "," + number(y1));
            extend(null, x2, y2);
        }

        boolean continuedBy(String indent, String style, String x1, String y1) {
            return this.indent.equals(indent) && this.style.equals(style) && lastX.equals(x1) && lastY.equals(y1);
        }

        void extend(String line, String x2, String y2) {
            points.add(number(x2) + "," + number(y2));
            lastX = x2;
            lastY = y2;
        }

        void appendTo(StringBuilder out) {
            if (points.size() == 2) {
                out.append(firstLine).append('\n');
                return;
            }
            out.append(indent).append("<polyline points=\"").append(String.join(" ", points))
                .append("\" style=\"").append(style).append("\"/>\n");
        }
    }
}
