package dev.descent.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.ExperimentSummary;
import dev.descent.experiments.batch.Invocation;
import dev.descent.experiments.batch.RunConfiguration;
import dev.descent.experiments.batch.RunCounts;
import dev.descent.experiments.batch.SeedRun;
import dev.descent.experiments.batch.SpecReader;
import dev.descent.experiments.train.RunResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportPageTest {
    /** Any absolute URL: a scheme, or a protocol-relative "//host". */
    private static final Pattern URL = Pattern.compile("(?i)(https?:|ftp:|//[a-z0-9])");
    /** The namespace declarations SVG needs; names, never fetched. */
    private static final Pattern NAMESPACE = Pattern.compile("xmlns(:\\w+)?=\"http://www\\.w3\\.org/[^\"]*\"");

    /** A three-setting lr sweep with made-up curves: enough for every chart, no training. */
    static ExperimentSummary sweep(String name) {
        ExperimentSpec spec = SpecReader.parse("s.json", "s", """
                {"name": "%s", "description": "Three learning rates & two seeds.", "iterations": 300,
                 "eval_every": 100, "seeds": 2, "optimizers": ["sgd"],
                 "grids": [{"optimizer": "sgd", "lr": [0.001, 0.1]}], "target_accuracy": 0.9}"""
                .formatted(name.replace("\"", "\\\"")));
        Map<String, SeedRun> results = new LinkedHashMap<>();
        for (RunConfiguration run : spec.runs()) {
            double lr = run.optimizer().learningRate();
            double[] losses = new double[300];
            for (int i = 0; i < losses.length; i++) {
                losses[i] = 2.3 * Math.exp(-i * lr / 3) + 0.05 * (run.seed() + 1) + 0.01 * Math.sin(i);
            }
            double[] accuracy = {0.1, 0.5 + lr, 0.6 + 2 * lr, 0.7 + 2 * lr + 0.01 * run.seed()};
            results.put(run.key(), new SeedRun(run.seed(), run.key(), new RunResult(run.optimizer().canonical(), losses,
                    new int[] {0, 100, 200, 299}, accuracy, -1, true, 2_000_000_000L, 300_000_000L)));
        }
        return ExperimentSummary.of(spec, results, new RunCounts(6, 0, 6, 0), curve -> curve.clone());
    }

    private static String write(Path dir, ExperimentSummary summary) throws Exception {
        List<ChartFile> charts = BatchCharts.write(dir, summary);
        Path file = ReportPage.write(dir, summary, charts, new Invocation("run", "descent run s.json", 2,
                Instant.parse("2026-01-02T03:04:03.5Z"), Instant.parse("2026-01-02T03:04:05Z"), 1.0));
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void theReportEmbedsEveryChartAsInlineSvgAndFetchesNothing(@TempDir Path dir) throws Exception {
        String html = write(dir, sweep("lr sweep"));
        // loss, accuracy, lr-sensitivity and the performance profile, each inline.
        assertEquals(4, html.split("<svg", -1).length - 1);
        assertTrue(html.contains("aria-label=\"Learning-rate sensitivity\""));
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<img"));
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("@import"));
        assertFalse(html.contains("DOCTYPE svg"));
        String withoutNamespaces = NAMESPACE.matcher(html).replaceAll("");
        Matcher url = URL.matcher(withoutNamespaces);
        assertFalse(url.find(), () -> "external reference near: "
                + withoutNamespaces.substring(Math.max(0, url.start() - 80), Math.min(withoutNamespaces.length(),
                url.end() + 80)));
        // Every id is unique across the page (each chart's clip paths carry its own prefix).
        Matcher ids = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(html);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) {
            assertTrue(seen.add(ids.group(1)), "duplicate id " + ids.group(1));
        }
    }

    @Test
    void theReportHasTheTablesTheSpecAndTheMachine(@TempDir Path dir) throws Exception {
        String html = write(dir, sweep("lr sweep"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<h1>lr sweep</h1>"));
        assertTrue(html.contains("Three learning rates &amp; two seeds."));
        assertTrue(html.contains("Complete: all 6 runs"));
        assertTrue(html.contains("sgd:lr=0.001"));
        assertTrue(html.contains("Welch p"));
        assertTrue(html.contains("&quot;optimizers&quot;"));
        assertTrue(html.contains("<dt>cores</dt>"));
        assertTrue(html.contains("<dt>kernels</dt>"));
        assertTrue(html.contains("2026-01-02 03:04:05 UTC"));
    }

    @Test
    void textFromTheSpecIsEscaped(@TempDir Path dir) throws Exception {
        String html = write(dir, sweep("<script>alert(1)</script>"));
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void anIncompleteBatchSaysSo(@TempDir Path dir) throws Exception {
        ExperimentSummary full = sweep("partial");
        ExperimentSummary partial = new ExperimentSummary(full.spec(), full.settings(), full.baseline(),
                full.baselineNote(), full.tests(), new RunCounts(6, 2, 2, 2), full.results());
        String html = write(dir, partial);
        assertTrue(html.contains("Incomplete: 2 of 6 runs missing"));
    }
}
