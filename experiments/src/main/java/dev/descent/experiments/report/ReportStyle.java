package dev.descent.experiments.report;

/**
 * The report's one embedded style sheet: system fonts only (nothing is downloaded), a readable measure, tables
 * with right-aligned tabular numbers, charts that scale with the page.
 */
final class ReportStyle {
    private ReportStyle() {
    }

    static final String CSS = """
            :root { --text: #1f2328; --muted: #59636e; --line: #d8dee4; --soft: #f6f8fa; --good: #1a7f37;
                    --warn: #8a5a00; --bad: #cf222e; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--soft); color: var(--text);
                   font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
                   "DejaVu Sans", sans-serif; }
            main { max-width: 1100px; margin: 0 auto; padding: 28px 36px 40px; background: #fff;
                   border-left: 1px solid var(--line); border-right: 1px solid var(--line); }
            header { border-bottom: 1px solid var(--line); padding-bottom: 14px; }
            .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; color: var(--muted);
                      margin: 0; }
            h1 { font-size: 28px; line-height: 1.2; margin: 4px 0 8px; }
            h2 { font-size: 20px; margin: 34px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
            h3 { font-size: 16px; margin: 22px 0 4px; }
            p { max-width: 80ch; }
            .lead { color: var(--muted); margin: 0 0 12px; }
            .status { display: inline-block; padding: 3px 10px; border-radius: 4px; font-weight: 600;
                      font-size: 14px; margin: 0; }
            .status.ok { background: #dafbe1; color: var(--good); }
            .status.incomplete { background: #fff8c5; color: var(--warn); }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 3px 20px; margin: 0; }
            dl.facts dt { color: var(--muted); }
            dl.facts dd { margin: 0; }
            .table { overflow-x: auto; margin: 8px 0 4px; }
            table { border-collapse: collapse; width: 100%; font-size: 14px; }
            th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left;
                     vertical-align: top; }
            th { background: var(--soft); font-weight: 600; font-size: 13px; vertical-align: bottom; }
            th.num { white-space: normal; }
            td:first-child { min-width: 13em; }
            .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tbody tr:hover { background: #f3f6f9; }
            code, pre, .spec { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono",
                               "DejaVu Sans Mono", monospace; }
            .spec { display: block; color: var(--muted); font-size: 11.5px; word-break: break-all; }
            .swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
            .best { font-weight: 700; }
            .sig { color: var(--good); font-weight: 700; }
            .bad { color: var(--bad); }
            .note { color: var(--muted); font-size: 13px; max-width: 100ch; }
            figure { margin: 18px 0 26px; }
            svg.chart { display: block; width: 100%; height: auto; border: 1px solid var(--line);
                        border-radius: 4px; }
            figcaption { color: var(--muted); font-size: 13px; margin-top: 6px; max-width: 90ch; }
            pre { background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 12px 14px;
                  overflow-x: auto; font-size: 12.5px; line-height: 1.45; }
            details summary { cursor: pointer; color: var(--muted); margin: 8px 0; }
            footer { margin-top: 34px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted);
                     font-size: 13px; }
            @media print { body { background: #fff; } main { border: 0; max-width: none; } }
            """;
}
