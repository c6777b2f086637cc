package org.leakbench.plots;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;

/**
 * Privacy audits ({@code dp-audit} rows): the accountant's ε (a dashed line, an upper bound) and the audited ε̂
 * (markers, a lower bound at the rows' confidence) against the noise multiplier σ, one colour per audited
 * mechanism, canary and method; and a table of the same numbers with ε̂/ε. A sound mechanism keeps every marker
 * on or below its line; the gap is what the audit cannot certify (or the accountant overstates).
 */
final class AuditFigure {
    static final String METHOD = "audit_method";
    static final String CANARY = "audit_canary";
    static final String STEPS = "audit_steps";
    static final String RATE = "audit_rate";

    private AuditFigure() {}

    static void render(RunContext ctx) throws IOException {
        List<ResultRow> rows = ctx.results.okRows().stream()
                .filter(r -> r.metric(Metric.EPSILON_AUDIT).isPresent()
                        && r.metric(Metric.EPSILON).isPresent()
                        && !Double.isNaN(r.defenseParam()))
                .toList();
        if (rows.isEmpty()) {
            ctx.skip("figure audit-epsilon", "no ok row with epsilon_audit (no dp-audit points)");
            return;
        }
        Map<String, List<ResultRow>> groups = Slice.group(rows, AuditFigure::label);
        table(ctx, groups);
        XYChart chart = ChartStyle.xy(
                "Audited ε̂ vs accountant ε", "noise multiplier σ", "ε (log scale): line accountant, marker audit");
        chart.getStyler().setYAxisLogarithmic(true);
        int i = 0;
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, List<ResultRow>> g : groups.entrySet()) {
            List<XYSeriesData.XY> eps = XYSeriesData.points(g.getValue(), ResultRow::defenseParam, Metric.EPSILON);
            List<XYSeriesData.XY> audit =
                    new ArrayList<>(XYSeriesData.points(g.getValue(), ResultRow::defenseParam, Metric.EPSILON_AUDIT));
            // ε̂ = 0 (nothing certified) has no place on a log axis: it is in the table.
            audit.removeIf(p -> !(p.y().mean() > 0));
            XYSeries line = XYSeriesData.add(chart, "ε " + g.getKey(), eps, false, i);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineStyle(SeriesLines.DASH_DASH);
            names.add(line.getName());
            if (!audit.isEmpty()) {
                XYSeries marks = XYSeriesData.add(chart, "ε̂ " + g.getKey(), audit, false, i);
                // Markers only: a NONE stroke still draws a hairline between the points in Java2D.
                marks.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                marks.setMarkerColor(ChartStyle.color(i));
                names.add(marks.getName());
            }
            i++;
        }
        ChartStyle.fitLegend(chart, names);
        double confidence = rows.get(0).metric(Metric.EPSILON_AUDIT_CONFIDENCE).orElse(Double.NaN);
        ctx.figure(
                chart,
                "audit-epsilon",
                "ε̂ vs ε",
                "Privacy audit: the accountant's ε (dashed, an upper bound) and the audited ε̂ (markers, a lower "
                        + "bound with confidence " + Numbers.format(confidence)
                        + ") against the noise multiplier σ, at "
                        + "δ = " + rows.get(0).metric(Metric.DELTA).orElse(Double.NaN) + "; a marker above its line "
                        + "would be a broken mechanism; ε̂ = 0 is left off the log axis (see the audit table)");
    }

    /** The audited mechanism, canary, method and, when given, steps and rate of a row. */
    static String label(ResultRow r) {
        String steps = r.param(STEPS);
        String rate = r.param(RATE);
        return r.param(ResultColumns.DEFENSE) + ", " + r.param(CANARY) + ", " + r.param(METHOD)
                + (steps.isBlank() ? "" : ", T=" + steps) + (rate.isBlank() ? "" : ", q=" + rate);
    }

    private static void table(RunContext ctx, Map<String, List<ResultRow>> groups) throws IOException {
        List<String> header = List.of("audit", "σ", "ε (accountant)", "ε̂ (audit)", "confidence", "ε̂/ε", "seeds");
        List<List<TextTable.Cell>> cells = new ArrayList<>();
        for (Map.Entry<String, List<ResultRow>> g : groups.entrySet()) {
            Map<Double, List<ResultRow>> bySigma =
                    new java.util.TreeMap<>(Slice.group(g.getValue(), ResultRow::defenseParam));
            for (Map.Entry<Double, List<ResultRow>> s : bySigma.entrySet()) {
                Summary eps = Slice.summarize(s.getValue(), Metric.EPSILON);
                Summary audit = Slice.summarize(s.getValue(), Metric.EPSILON_AUDIT);
                Summary conf = Slice.summarize(s.getValue(), Metric.EPSILON_AUDIT_CONFIDENCE);
                cells.add(List.of(
                        TextTable.Cell.of(g.getKey()),
                        TextTable.Cell.of(Numbers.format(s.getKey())),
                        TextTable.Cell.of(Numbers.format(eps.mean())),
                        new TextTable.Cell(Numbers.format(audit.mean()), audit.mean() > eps.mean()),
                        TextTable.Cell.of(Numbers.format(conf.mean())),
                        TextTable.Cell.of(Numbers.format(audit.mean() / eps.mean())),
                        TextTable.Cell.of(Integer.toString(s.getValue().size()))));
            }
        }
        TextTable t = new TextTable(header, cells);
        String caption = "Privacy audits: the accountant's ε next to the audited lower bound ε̂ (mean over seeds) and "
                + "its confidence; bold = ε̂ above ε, a mechanism that spends more than its accountant says. "
                + ctx.provenance.captionTag() + ".";
        ctx.table(FigureWriter.writeText(ctx.tablesDir.resolve("audit.md"), t.markdown(caption)));
        ctx.table(FigureWriter.writeText(
                ctx.tablesDir.resolve("audit.tex"),
                t.latex(caption, "tab:audit-" + ctx.provenance.runId().replaceAll("[^A-Za-z0-9-]", ""))));
    }
}
