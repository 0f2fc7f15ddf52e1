package dev.descent.experiments.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an SVG file into an element that can sit inside an HTML page: the XML declaration and DOCTYPE go (the
 * DOCTYPE names a DTD by URL, and nothing in the page may point outside it), every {@code id} and every reference
 * to one gets a per-chart prefix (two charts on one page would otherwise share {@code clip...} ids and clip each
 * other), and the fixed pixel size gives way to the viewBox so the chart scales with the page.
 */
final class InlineSvg {
    private static final Pattern XML_DECLARATION = Pattern.compile("<\\?xml[^>]*\\?>\\s*");
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE[^>]*>\\s*");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");
    private static final Pattern URL_REFERENCE = Pattern.compile("url\\(#([^)]+)\\)");
    private static final Pattern HREF_REFERENCE = Pattern.compile("href=\"#([^\"]+)\"");
    private static final Pattern ROOT = Pattern.compile("<svg\\b[^>]*>");
    private static final Pattern SIZE = Pattern.compile("\\s(width|height)=\"[^\"]*\"");

    private InlineSvg() {
    }

    /**
     * @param svg    a whole SVG document
     * @param prefix makes this chart's ids unique in the page; letters, digits and '-' only
     * @param label  accessible name of the chart
     */
    static String embed(String svg, String prefix, String label) {
        if (!prefix.matches("[A-Za-z][A-Za-z0-9-]*")) {
            throw new IllegalArgumentException("an id prefix must be a letter then letters, digits or '-': " + prefix);
        }
        String body = DOCTYPE.matcher(XML_DECLARATION.matcher(svg).replaceFirst("")).replaceFirst("");
        body = ID.matcher(body).replaceAll(match -> "id=\"" + prefix + "-" + Matcher.quoteReplacement(match.group(1))
                + "\"");
        body = URL_REFERENCE.matcher(body).replaceAll(match -> "url(#" + prefix + "-"
                + Matcher.quoteReplacement(match.group(1)) + ")");
        body = HREF_REFERENCE.matcher(body).replaceAll(match -> "href=\"#" + prefix + "-"
                + Matcher.quoteReplacement(match.group(1)) + "\"");
        Matcher root = ROOT.matcher(body);
        if (!root.find()) {
            throw new IllegalArgumentException("not an SVG document: no <svg> element");
        }
        String element = SIZE.matcher(root.group()).replaceAll("");
        element = element.replaceFirst("<svg\\b", Matcher.quoteReplacement("<svg role=\"img\" aria-label=\""
                + Html.escape(label) + "\" class=\"chart\""));
        return (body.substring(0, root.start()) + element + body.substring(root.end())).strip();
    }
}
