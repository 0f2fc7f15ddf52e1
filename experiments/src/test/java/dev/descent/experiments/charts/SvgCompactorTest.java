package dev.descent.experiments.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SvgCompactorTest {
    private static final String RED = "fill:none;stroke:rgb(214,39,40);";
    private static final String BLUE = "fill:none;stroke:rgb(31,119,180);";

    private static String line(String style, String x1, String x2, String y1, String y2) {
        return "    <line style=\"" + style + "\" x1=\"" + x1 + "\" x2=\"" + x2 + "\" y1=\"" + y1 + "\" y2=\"" + y2
            + "\"/>";
    }

    /** The rounding the compactor had first: the formatter's three decimals, trimmed with two regular expressions. */
    private static String formatted(String value) {
        String rounded = String.format(Locale.ROOT, "%.3f", Double.parseDouble(value));
        if (rounded.indexOf('.') >= 0) {
            rounded = rounded.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return rounded.equals("-0") ? "0" : rounded;
    }

    @Test
    void coordinatesAreRoundedAsTheFormatterRoundsThem() {
        String[] edges = {"0", "0.0", "-0.0", "1.5", "10.0", "-0.0001", "-0.0005", "0.0005", "0.0015", "2.0005",
            "1.0E7", "1.0E-5", "-1.0E-5", "123.4565", "123.4575", "-123.4565", "799.9995", "99.99951", "1e21",
            "4.9E-324", "1.7976931348623157E308", "NaN", "Infinity", "-Infinity", "12.000000000000002"};
        for (String edge : edges) {
            assertEquals(formatted(edge), SvgCompactor.number(edge), edge);
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double scale = Math.pow(10, random.nextInt(-4, 7));
            double value = (random.nextDouble() * 2 - 1) * scale;
            if (i % 3 == 0) {   // half-way cases of the third decimal, as a chart's arithmetic gives them
                value = Math.round(value * 2000) / 2000.0;
            }
            String text = Double.toString(value);
            assertEquals(formatted(text), SvgCompactor.number(text), text);
        }
    }

    @Test
    void joinedSegmentsOfOneStyleBecomeAPolyline() {
        String svg = "<g>\n"
            + line(RED, "0.0", "1.5", "10.0", "9.25") + "\n"
            + line(RED, "1.5", "3.0004", "9.25", "8.0") + "\n"
            + line(RED, "3.0004", "4.12345", "8.0", "-0.0001") + "\n"
            + "</g>";
        assertEquals("<g>\n"
            + "    <polyline points=\"0,10 1.5,9.25 3,8 4.123,0\" style=\"" + RED + "\"/>\n"
            + "</g>", SvgCompactor.compact(svg));
    }

    @Test
    void segmentsThatDoNotJoinOrChangeStyleStaySeparate() {
        String gap = line(RED, "0", "1", "0", "1") + "\n" + line(RED, "2", "3", "2", "3");
        assertEquals(gap, SvgCompactor.compact(gap));
        String styles = line(RED, "0", "1", "0", "1") + "\n" + line(BLUE, "1", "2", "1", "2");
        assertEquals(styles, SvgCompactor.compact(styles));
    }

    @Test
    void fontsGetAGenericFallback() {
        assertEquals("<text style=\"font-family:&quot;DejaVu Sans&quot;,sans-serif;font-size:12px;\">a</text>",
            SvgCompactor.compact("<text style=\"font-family:&quot;DejaVu Sans&quot;;font-size:12px;\">a</text>"));
        assertEquals("<text style=\"font-family:sans-serif;\">a</text>",
            SvgCompactor.compact("<text style=\"font-family:&quot;SansSerif&quot;;\">a</text>"));
    }

    @Test
    void everythingElseIsUntouched() {
        String svg = "<?xml version=\"1.0\"?>\n<svg>\n  <rect x=\"0\" y=\"0\"/>\n</svg>\n";
        assertEquals(svg, SvgCompactor.compact(svg));
    }
}
