package dev.descent.experiments.report;

import dev.descent.experiments.batch.ExperimentSpec;
import dev.descent.experiments.batch.ExperimentSummary;
import dev.descent.experiments.batch.Invocation;
import dev.descent.experiments.batch.NetworkSpec;
import dev.descent.experiments.batch.RunCounts;
import dev.descent.experiments.batch.SettingSummary;
import dev.descent.experiments.batch.SummaryFiles;
import dev.descent.experiments.common.MachineInfo;
import dev.descent.experiments.io.AtomicFiles;
import dev.descent.experiments.io.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code report.html}: the whole batch on one page that needs nothing but a browser. Charts are inline SVG (read
 * back from the {@code .svg} files just written), the style sheet is embedded, there is no script, no font and
 * no image to fetch: the page makes no request at all. The only links are relative ones to the result files
 * beside it.
 */
public final class ReportPage {
    public static final String FILE = "report.html";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ReportPage() {
    }

    /** Writes {@code outDir/report.html} atomically; returns its path. */
    public static Path write(Path outDir, ExperimentSummary summary, List<ChartFile> charts, Invocation context)
            throws IOException {
        return write(outDir, summary, charts, context, "");
    }

    /**
     * As {@link #write(Path, ExperimentSummary, List, Invocation)}, with {@code sectionsHtml} (a tuning's section,
     * {@link TuningSection#html}) after the statistics and before the charts.
     */
    public static Path write(Path outDir, ExperimentSummary summary, List<ChartFile> charts, Invocation context,
                             String sectionsHtml) throws IOException {
        Path file = outDir.resolve(FILE);
        AtomicFiles.writeString(file, html(outDir, summary, charts, context, sectionsHtml));
        return file;
    }

    static String html(Path outDir, ExperimentSummary summary, List<ChartFile> charts, Invocation context)
            throws IOException {
        return html(outDir, summary, charts, context, "");
    }

    static String html(Path outDir, ExperimentSummary summary, List<ChartFile> charts, Invocation context,
                       String sectionsHtml) throws IOException {
        ExperimentSpec spec = summary.spec();
        StringBuilder page = new StringBuilder(1 << 20);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(spec.name())).append(" · descent ").append(context.command()).append("</title>\n")
                .append("<style>\n").append(ReportStyle.CSS).append("</style>\n</head>\n<body>\n<main>\n");
        header(page, summary, context);
        experiment(page, spec);
        page.append("<h2 id=\"results\">Results</h2>\n");
        ReportTables.summary(page, summary, BatchCharts.colorsBySetting(summary.settings()));
        page.append("<h2 id=\"statistics\">Against the baseline</h2>\n");
        ReportTables.statistics(page, summary);
        page.append(sectionsHtml);
        page.append("<h2 id=\"charts\">Charts</h2>\n");
        for (int i = 0; i < charts.size(); i++) {
            ChartFile chart = charts.get(i);
            String svg = Files.readString(outDir.resolve(chart.baseName() + ".svg"), StandardCharsets.UTF_8);
            page.append("<figure>\n").append(InlineSvg.embed(svg, "chart" + (i + 1), chart.title())).append('\n')
                    .append("<figcaption><strong>").append(Html.escape(chart.title())).append(".</strong> ")
                    .append(Html.escape(chart.caption())).append(" Files: <a href=\"")
                    .append(chart.baseName()).append(".svg\">").append(chart.baseName()).append(".svg</a>, <a href=\"")
                    .append(chart.baseName()).append(".png\">").append(chart.baseName())
                    .append(".png</a>.</figcaption>\n</figure>\n");
        }
        specSection(page, spec);
        machine(page, summary.counts(), summary, context);
        page.append("<footer>Written by <code>descent ").append(context.command()).append("</code> on ")
                .append(DATE.format(context.finished())).append(". Files beside this page: ");
        List<String> files = new ArrayList<>(SummaryFiles.ALL);
        files.addAll(List.of("spec.json", "runs/"));
        page.append(files.stream()
                .map(name -> "<a href=\"" + name + "\">" + name + "</a>").collect(Collectors.joining(", ")));
        page.append(".</footer>\n</main>\n</body>\n</html>\n");
        return page.toString();
    }

    private static void header(StringBuilder page, ExperimentSummary summary, Invocation context) {
        ExperimentSpec spec = summary.spec();
        RunCounts counts = summary.counts();
        page.append("<header>\n<p class=\"kicker\">descent ").append(context.command()).append(" · report</p>\n<h1>")
                .append(Html.escape(spec.name())).append("</h1>\n");
        if (spec.description() != null) {
            page.append("<p class=\"lead\">").append(Html.escape(spec.description())).append("</p>\n");
        }
        if (counts.complete()) {
            page.append("<p class=\"status ok\">Complete: all ").append(counts.total()).append(" runs (")
                    .append(counts.computed()).append(" computed now, ").append(counts.reused())
                    .append(" reused)</p>\n");
        } else {
            page.append("<p class=\"status incomplete\">Incomplete: ").append(counts.missing()).append(" of ")
                    .append(counts.total()).append(" runs missing (stopped before they finished). The numbers"
                            + " cover the stored runs only; run the same command again to compute the rest.</p>\n");
        }
        page.append("</header>\n");
    }

    private static void experiment(StringBuilder page, ExperimentSpec spec) {
        page.append("<h2 id=\"experiment\">Experiment</h2>\n<dl class=\"facts\">\n");
        fact(page, "data set", spec.dataset().title());
        if (spec.hasVariants()) {
            for (var variant : spec.variants()) {
                fact(page, "net: " + variant.name(), describe(variant.network()));
            }
        } else {
            fact(page, "net", describe(spec.network()));
        }
        fact(page, "training", String.format(Locale.ROOT, "%d iterations, batch %d drawn %s; test accuracy every"
                + " %d iterations and after the last", spec.iterations(), spec.batchSize(), spec.sampling().label(),
                spec.evalEvery()));
        fact(page, "seeds", spec.seeds().size() + " (" + spec.seeds().stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + "); each seed fixes the initial weights and the batch order,"
                + " the same for every setting");
        fact(page, "settings", spec.settings().size() + " (" + spec.optimizers().size() + " optimizer specs"
                + (spec.hasVariants() ? " × " + spec.variants().size() + " variants" : "") + ")");
        fact(page, "baseline", spec.baseline().optimizer().canonical() + (spec.hasVariants() ? " on " + spec.baseline().variant()
                : ""));
        fact(page, "target accuracy", spec.targetAccuracy().isPresent()
                ? Html.number(spec.targetAccuracy().getAsDouble(), 4) : "none (no time-to-target)");
        page.append("</dl>\n");
    }

    private static String describe(NetworkSpec net) {
        StringBuilder text = new StringBuilder("784");
        net.hidden().forEach(width -> text.append('-').append(width));
        text.append("-10, ").append(net.activation()).append(", init ").append(net.init());
        if (net.weightDecay() > 0) {
            text.append(", weight decay ").append(net.weightDecay());
        }
        return text.toString();
    }

    private static void specSection(StringBuilder page, ExperimentSpec spec) throws IOException {
        page.append("<h2 id=\"spec\">Spec</h2>\n<p class=\"note\">With every default filled in and every optimizer"
                + " spec canonical (grids expanded); reading it back runs the same experiment. Also in"
                + " <a href=\"spec.json\">spec.json</a>.</p>\n<pre>")
                .append(Html.escape(Json.mapper().writeValueAsString(spec.toJson()))).append("</pre>\n");
        if (spec.source() != null) {
            page.append("<details><summary>The spec file as written</summary>\n<pre>")
                    .append(Html.escape(Json.mapper().writeValueAsString(spec.source())))
                    .append("</pre>\n</details>\n");
        }
    }

    private static void machine(StringBuilder page, RunCounts counts, ExperimentSummary summary,
                                Invocation context) {
        page.append("<h2 id=\"machine\">Machine and versions</h2>\n<dl class=\"facts\">\n");
        for (Map.Entry<String, String> entry : MachineInfo.collect().entrySet()) {
            fact(page, entry.getKey(), entry.getValue());
        }
        double runSeconds = summary.settings().stream().mapToDouble(SettingSummary::wallSeconds).sum();
        fact(page, "command", context.commandLine());
        fact(page, "this invocation", String.format(Locale.ROOT, "%d runs computed on %d threads in %.1f s, %d"
                + " reused; %.1f s wall time in all", counts.computed(), context.threads(), context.computeSeconds(),
                counts.reused(), context.elapsedSeconds()));
        fact(page, "all stored runs", String.format(Locale.ROOT, "%.1f s of run time (single-threaded each, as"
                + " recorded when they ran, possibly on another day)", runSeconds));
        fact(page, "date", DATE.format(context.finished()));
        page.append("</dl>\n");
    }

    private static void fact(StringBuilder page, String term, String value) {
        page.append("<dt>").append(Html.escape(term)).append("</dt><dd>").append(Html.escape(value))
                .append("</dd>\n");
    }
}
