package dev.descent.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InlineSvgTest {
    private static final String SVG = """
            <?xml version="1.0" encoding="UTF-8" standalone="no"?>
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg xmlns:xlink="http://www.w3.org/1999/xlink" height="540px" version="1.1" viewBox="0 0 900 540" \
            width="900px" x="0px" y="0px" xmlns="http://www.w3.org/2000/svg">
              <defs><clipPath id="clip1"><rect height="4" width="8" x="0" y="0"/></clipPath></defs>
              <g clip-path="url(#clip1)"><use xlink:href="#clip1"/></g>
            </svg>
            """;

    @Test
    void dropsThePrologAndTheFixedSizeAndPrefixesIds() {
        String inline = InlineSvg.embed(SVG, "chart2", "Loss <&>");
        assertTrue(inline.startsWith("<svg role=\"img\" aria-label=\"Loss &lt;&amp;&gt;\" class=\"chart\""), inline);
        assertFalse(inline.contains("<?xml"));
        assertFalse(inline.contains("DOCTYPE"));
        assertFalse(inline.contains("svg11.dtd"));
        assertFalse(inline.contains("width=\"900px\""));
        assertFalse(inline.contains("height=\"540px\""));
        assertTrue(inline.contains("viewBox=\"0 0 900 540\""));
        assertTrue(inline.contains("<clipPath id=\"chart2-clip1\">"));
        assertTrue(inline.contains("clip-path=\"url(#chart2-clip1)\""));
        assertTrue(inline.contains("xlink:href=\"#chart2-clip1\""));
        assertEquals(1, inline.split("id=\"", -1).length - 1);
        // The rect inside keeps its own size.
        assertTrue(inline.contains("<rect height=\"4\" width=\"8\""));
    }

    @Test
    void refusesWhatIsNotSvgAndBadPrefixes() {
        assertThrows(IllegalArgumentException.class, () -> InlineSvg.embed("<html></html>", "c1", "x"));
        assertThrows(IllegalArgumentException.class, () -> InlineSvg.embed(SVG, "1c", "x"));
    }
}
