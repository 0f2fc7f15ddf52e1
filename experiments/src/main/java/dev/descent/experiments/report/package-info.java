/**
 * What a batch shows a person: the charts (loss and accuracy as a mean line with a ±1 std band per setting, and
 * the learning-rate sensitivity) and {@code report.html}, one self-contained page with the charts inline as SVG,
 * the tables, the statistics, the spec and the machine, that opens in a browser with no server and no network.
 */
package dev.descent.experiments.report;
