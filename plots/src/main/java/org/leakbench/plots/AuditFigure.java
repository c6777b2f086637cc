package org.leakbench.plots;

import java.awt.BasicStroke;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
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
        XYChart chart = chart(rows);
        double confidence = rows.get(0).metric(Metric.EPSILON_AUDIT_CONFIDENCE).orElse(Double.NaN);
        ctx.figure(
                chart,
                "audit-epsilon",
                "ε̂ vs ε",
                "Privacy audit: the accountant's ε (dashed, an upper bound, one line per mechanism) and the audited ε̂ "
                        + "(markers, one shape per canary and method, nudged sideways where they would overlap; a lower "
                        + "bound with confidence " + Numbers.format(confidence)
                        + ") against the noise multiplier σ, at "
                        + "δ = " + rows.get(0).metric(Metric.DELTA).orElse(Double.NaN) + "; a marker above its line "
                        + "would be a broken mechanism; ε̂ = 0 is left off the log axis (see the audit table)");
    }

    /**
     * One accountant line per audited mechanism (defense, steps, rate: the accountant's ε does not depend on how
     * it is audited), and one set of markers per canary and method in the mechanism's colour, a shape per
     * auditor. Markers at the same σ are dodged sideways by a few percent of the σ range, so that equal ε̂ of two auditors
     * (or of two mechanisms that release the same thing) stay visible instead of hiding each other; the line of a
     * later mechanism gets another dash pattern for the same reason.
     */
    static XYChart chart(List<ResultRow> rows) {
        XYChart chart = ChartStyle.xy("Audited ε̂ vs accountant ε", "noise multiplier σ", "ε, ε̂ (log scale)");
        chart.getStyler().setYAxisLogarithmic(true);
        Map<String, List<ResultRow>> mechanisms = Slice.group(rows, AuditFigure::mechanism);
        int markerSeries = 0;
        for (List<ResultRow> m : mechanisms.values()) {
            markerSeries += Slice.group(m, AuditFigure::auditor).size();
        }
        double lo = rows.stream().mapToDouble(ResultRow::defenseParam).min().orElse(0);
        double hi = rows.stream().mapToDouble(ResultRow::defenseParam).max().orElse(0);
        double span = hi > lo ? hi - lo : Math.max(Math.abs(hi), 1);
        List<String> names = new ArrayList<>();
        int i = 0;
        int k = 0;
        for (Map.Entry<String, List<ResultRow>> m : mechanisms.entrySet()) {
            List<XYSeriesData.XY> eps = XYSeriesData.points(m.getValue(), ResultRow::defenseParam, Metric.EPSILON);
            XYSeries line = XYSeriesData.add(chart, "ε accountant: " + m.getKey(), eps, false, i);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineStyle(DASHES[i % DASHES.length]);
            names.add(line.getName());
            int j = 0;
            for (Map.Entry<String, List<ResultRow>> a :
                    Slice.group(m.getValue(), AuditFigure::auditor).entrySet()) {
                double shift = Math.min(DODGE, 0.2 / markerSeries) * span * (k - (markerSeries - 1) / 2.0);
                List<XYSeriesData.XY> audit = new ArrayList<>();
                for (XYSeriesData.XY p :
                        XYSeriesData.points(a.getValue(), ResultRow::defenseParam, Metric.EPSILON_AUDIT)) {
                    // ε̂ = 0 (nothing certified) has no place on a log axis: it is in the table.
                    if (p.y().mean() > 0) {
                        audit.add(new XYSeriesData.XY(p.x() + shift, p.y()));
                    }
                }
                if (!audit.isEmpty()) {
                    XYSeries marks = XYSeriesData.add(chart, "ε̂ " + m.getKey() + ": " + a.getKey(), audit, false, i);
                    // Markers only: a NONE stroke still draws a hairline between the points in Java2D.
                    marks.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    marks.setMarkerColor(ChartStyle.color(i));
                    marks.setMarker(SHAPES[j % SHAPES.length]);
                    names.add(marks.getName());
                }
                j++;
                k++;
            }
            i++;
        }
        ChartStyle.fitLegend(chart, names);
        return chart;
    }

    /** Sideways offset between neighbouring marker series at one σ, as a share of the σ range. */
    static final double DODGE = 0.025;

    private static final BasicStroke[] DASHES = {
        SeriesLines.DASH_DASH, SeriesLines.DOT_DOT, SeriesLines.DASH_DOT, SeriesLines.SOLID
    };

    private static final Marker[] SHAPES = {
        SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP
    };

    /** What the accountant's ε depends on: the audited defense and, when given, steps and rate. */
    static String mechanism(ResultRow r) {
        String steps = r.param(STEPS);
        String rate = r.param(RATE);
        return r.param(ResultColumns.DEFENSE)
                + (steps.isBlank() ? "" : ", T=" + steps)
                + (rate.isBlank() ? "" : ", q=" + rate);
    }

    /** How a row audits: its canary and method. */
    static String auditor(ResultRow r) {
        return r.param(CANARY) + ", " + r.param(METHOD);
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
