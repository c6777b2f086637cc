package org.leakbench.plots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code report.md}: every figure (PNG link, SVG link, caption line), the frontier and cost figures side by
 * side, every table (the Markdown ones inlined, the LaTeX ones linked), the reconstruction gallery and what was
 * skipped and why. Links are relative to the run folder.
 */
final class ReportWriter {
    private ReportWriter() {
    }

    static Path write(RunContext ctx, List<Path> reconstructions, String tablesMarkdown) throws IOException {
        StringBuilder sb = new StringBuilder();
        Provenance p = ctx.provenance;
        sb.append("# LeakBench report: run ").append(p.runId()).append("\n\n");
        sb.append("Backend: ").append(p.backend())
                .append(p.backendDescription().isBlank() ? "" : " (" + p.backendDescription() + ")").append(". ");
        long ok = ctx.results.okRows().size();
        long diverged = ctx.results.rows().stream().filter(ResultRow::diverged).count();
        sb.append("Rows: ").append(ctx.results.rows().size()).append(" (").append(ok).append(" ok, ")
                .append(diverged).append(" diverged, ").append(ctx.results.rows().size() - ok - diverged)
                .append(" timed out or failed).\n\n");
        sb.append("Only ok rows are plotted. A diverged attack is an attack failure: it is counted in the ")
                .append("tables' `div.` column and left out of the leakage means.\n\n");

        sb.append("## Figures\n\n");
        for (PlotReport.Figure f : ctx.figures) {
            sb.append("### ").append(f.title()).append("\n\n");
            sb.append("![").append(f.title()).append("](").append(rel(ctx, f.png())).append(")\n\n");
            sb.append("*Figure ").append(f.name()).append(".* ").append(f.caption())
                    .append(" [SVG](").append(rel(ctx, f.vector())).append(")\n\n");
        }
        if (ctx.figures.isEmpty()) {
            sb.append("No figure had data.\n\n");
        }
        sb.append(sideBySide(ctx));

        sb.append("## Tables\n\n");
        for (Path t : ctx.tables) {
            sb.append("- [").append(t.getFileName()).append("](").append(rel(ctx, t)).append(")\n");
        }
        sb.append("\n").append(tablesMarkdown);

        sb.append("## Reconstructions\n\n");
        if (reconstructions.isEmpty()) {
            sb.append("No images in `reconstructions/`.\n\n");
        }
        for (Path r : reconstructions) {
            sb.append("![").append(r.getFileName()).append("](").append(rel(ctx, r)).append(")\n\n");
            sb.append("*").append(r.getFileName()).append("* (").append(p.captionTag()).append(")\n\n");
        }

        sb.append("## Skipped\n\n");
        if (ctx.skipped.isEmpty()) {
            sb.append("Nothing was skipped.\n");
        }
        for (PlotReport.Skipped s : ctx.skipped) {
            sb.append("- ").append(s.item()).append(": ").append(s.reason()).append("\n");
        }
        return FigureWriter.writeText(ctx.runDir.resolve("report.md"), sb.toString());
    }

    // Frontier and its costs on one line: an HTML table renders them next to each other in Markdown viewers.
    private static String sideBySide(RunContext ctx) {
        List<PlotReport.Figure> frontier = ctx.figures.stream().filter(f -> f.name().startsWith("frontier-")).toList();
        List<PlotReport.Figure> cost = ctx.figures.stream().filter(f -> f.name().startsWith("cost-")).toList();
        if (frontier.isEmpty() || cost.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("### Privacy, utility and cost together\n\n<table><tr>\n");
        for (PlotReport.Figure f : List.of(frontier.get(0), cost.get(0))) {
            sb.append("<td><img src=\"").append(rel(ctx, f.png())).append("\" width=\"480\"></td>\n");
        }
        sb.append("</tr></table>\n\n");
        return sb.toString();
    }

    private static String rel(RunContext ctx, Path p) {
        return ctx.runDir.relativize(p.toAbsolutePath()).toString().replace('\\', '/');
    }
}
