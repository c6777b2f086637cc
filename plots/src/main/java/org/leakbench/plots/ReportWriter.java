package org.leakbench.plots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;
import org.leakbench.results.RunLayout;

/**
 * Writes {@code report.md}: the row counts by status, every figure (the PNG shown, SVG and PDF linked, its
 * caption line), every table (the Markdown ones inlined, the LaTeX ones linked), every reconstruction image
 * and what was skipped and why. Links are relative to the run folder.
 */
final class ReportWriter {
    private ReportWriter() {}

    static Path write(RunContext ctx, List<Path> reconstructions, String tablesMarkdown) throws IOException {
        StringBuilder sb = new StringBuilder();
        Provenance p = ctx.provenance;
        sb.append("# LeakBench report: run ").append(p.runId()).append("\n\n");
        sb.append("Backend: ")
                .append(p.backend())
                .append(p.backendDescription().isBlank() ? "" : " (" + p.backendDescription() + ")")
                .append(". ");
        long ok = ctx.results.okRows().size();
        long diverged = ctx.results.rows().stream().filter(ResultRow::diverged).count();
        sb.append("Rows: ")
                .append(ctx.results.rows().size())
                .append(" (")
                .append(ok)
                .append(" ok, ")
                .append(diverged)
                .append(" diverged, ")
                .append(ctx.results.rows().size() - ok - diverged)
                .append(" timed out or failed).\n\n");
        sb.append("Only ok rows are plotted. A diverged attack is an attack failure: it is counted in the ")
                .append("tables' `div.` column and left out of the leakage means.\n\n");
        sb.append(statusCounts(ctx));

        sb.append("## Figures\n\n");
        for (PlotReport.Figure f : ctx.figures) {
            sb.append("### ").append(f.title()).append("\n\n");
            sb.append("![")
                    .append(f.title())
                    .append("](")
                    .append(rel(ctx, f.png()))
                    .append(")\n\n");
            sb.append("*Figure ")
                    .append(f.name())
                    .append(".* ")
                    .append(f.caption())
                    .append(" [SVG](")
                    .append(rel(ctx, f.vector()))
                    .append(") [PDF](")
                    .append(rel(ctx, f.pdf()))
                    .append(")\n\n");
        }
        if (ctx.figures.isEmpty()) {
            sb.append("No figure had data.\n\n");
        }

        sb.append("## Tables\n\n");
        for (Path t : ctx.tables) {
            sb.append("- [")
                    .append(t.getFileName())
                    .append("](")
                    .append(rel(ctx, t))
                    .append(")\n");
        }
        sb.append("\n").append(tablesMarkdown);

        sb.append("## Reconstructions\n\n");
        if (reconstructions.isEmpty()) {
            sb.append("No images in `reconstructions/`.\n\n");
        } else {
            sb.append("The galleries above (`reconstructions-<attack>`) show a few of these; every image of the ")
                    .append("run (true images on top, reconstruction below):\n\n");
        }
        java.util.Map<String, ResultRow> byImage = new java.util.HashMap<>();
        ctx.results.rows().forEach(r -> byImage.putIfAbsent(RunLayout.reconstruction(r.pointId(), r.seed()), r));
        for (Path r : reconstructions) {
            sb.append("- [")
                    .append(r.getFileName())
                    .append("](")
                    .append(rel(ctx, r))
                    .append(")")
                    .append(describe(byImage.get(r.getFileName().toString())))
                    .append("\n");
        }
        sb.append("\n");

        sb.append("## Skipped\n\n");
        if (ctx.skipped.isEmpty()) {
            sb.append("Nothing was skipped.\n");
        }
        for (PlotReport.Skipped s : ctx.skipped) {
            sb.append("- ").append(s.item()).append(": ").append(s.reason()).append("\n");
        }
        if (!ctx.removed.isEmpty()) {
            sb.append("\nRemoved, as an earlier rendering wrote them and this one did not: ")
                    .append(String.join(
                            ", ", ctx.removed.stream().map(r -> "`" + r + "`").toList()))
                    .append(".\n");
        }
        return FigureWriter.writeText(ctx.runDir.resolve(RunLayout.REPORT), sb.toString());
    }

    // Each status with its count, failures by reason, so a sweep's losses are visible next to its results.
    private static String statusCounts(RunContext ctx) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        ctx.results
                .rows()
                .forEach(r -> counts.merge(r.status().isBlank() ? "(empty status)" : r.status(), 1L, Long::sum));
        if (counts.size() <= 1) {
            return "";
        }
        StringBuilder sb = new StringBuilder("| status | rows |\n| --- | --- |\n");
        counts.forEach((status, n) -> sb.append("| ")
                .append(TextTable.mdEscape(status))
                .append(" | ")
                .append(n)
                .append(" |\n"));
        return sb.append("\n").toString();
    }

    // "dlg, topk keep=0.1, seed 1, PSNR 3.96 dB" for an image named <point_id>-s<seed>.png.
    private static String describe(ResultRow row) {
        return java.util.Optional.ofNullable(row)
                .map(r -> ": " + r.param(ResultColumns.ATTACK) + ", "
                        + (Defenses.isNone(r.param(ResultColumns.DEFENSE))
                                ? "no defense"
                                : (r.param(ResultColumns.DEFENSE) + " "
                                                + Defenses.label(r.param(ResultColumns.DEFENSE), r.defenseParam()))
                                        .strip())
                        + ", seed " + r.seed()
                        + (r.metric(Metric.PSNR).isPresent()
                                ? ", PSNR "
                                        + Numbers.format(r.metric(Metric.PSNR).getAsDouble()) + " dB"
                                : ""))
                .orElse("");
    }

    private static String rel(RunContext ctx, Path p) {
        return ctx.runDir.relativize(p.toAbsolutePath()).toString().replace('\\', '/');
    }
}
