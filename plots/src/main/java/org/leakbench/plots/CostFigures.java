package org.leakbench.plots;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;

/**
 * Per-round cost of each defense family against its own knob: one small panel per family (σ, keep fraction,
 * bits and pruned fraction have different units, so they never share an axis), with the undefended cost as a
 * dashed black line. Two figures: the time spent computing the defended update and the bytes it uploads.
 * Families without a knob (secure aggregation, sign) are listed in the caption with their mean cost.
 */
final class CostFigures {
    static final List<Metric> COSTS = List.of(Metric.DEFENSE_MS, Metric.BYTES_UP);
    static final int PANEL_W = 320;
    static final int PANEL_H = 220;
    static final int COLUMNS = 3;

    private CostFigures() {}

    static void render(RunContext ctx) throws IOException {
        for (Metric cost : COSTS) {
            String name = "cost-" + cost;
            List<ResultRow> rows = ctx.results.okRows().stream()
                    .filter(r -> r.metric(cost).isPresent())
                    .toList();
            if (rows.isEmpty()) {
                ctx.skip("figure " + name, "no ok row measured " + cost);
                continue;
            }
            Set<String> free = new HashSet<>(Set.of(ResultColumns.DEFENSE, ResultColumns.DEFENSE_PARAM));
            // Cost does not depend on the attack, so every attack's row is a measurement of it.
            ctx.results.parameters().stream()
                    .filter(p -> p.startsWith(ResultColumns.ATTACK))
                    .forEach(free::add);
            Slice slice = Slice.of(rows, ctx.results.parameters(), free);
            Summary base = Slice.summarize(
                    slice.rows().stream()
                            .filter(r -> Defenses.isNone(r.param(ResultColumns.DEFENSE)))
                            .toList(),
                    cost);
            List<Drawing.Panel> panels = new ArrayList<>();
            List<String> noKnob = new ArrayList<>();
            Map<String, List<ResultRow>> families = Slice.group(slice.rows(), r -> r.param(ResultColumns.DEFENSE));
            for (Map.Entry<String, List<ResultRow>> fam : families.entrySet()) {
                if (Defenses.isNone(fam.getKey())) {
                    continue;
                }
                if (!Defenses.hasKnob(fam.getKey())) {
                    noKnob.add(fam.getKey() + " " + ResultsTables.cell(Slice.summarize(fam.getValue(), cost)));
                    continue;
                }
                List<XYSeriesData.XY> pts = XYSeriesData.points(fam.getValue(), ResultRow::defenseParam, cost);
                if (!pts.isEmpty()) {
                    panels.add(new Drawing.Panel(
                            panel(fam.getKey(), pts, cost, base, ChartStyle.familyIndex(ctx.results, fam.getKey()))));
                }
            }
            if (panels.isEmpty()) {
                ctx.skip("figure " + name, "no defense with a numeric knob measured " + cost);
                continue;
            }
            boolean errors =
                    slice.rows().stream().map(ResultRow::seed).distinct().count() > 1;
            String caption = "Per-round cost of each defense family against its knob: " + cost.label()
                    + (errors ? "; means over seeds and attacks, error bars ±1 std" : "; means over attacks")
                    + (base.present() ? "; dashed black line = no defense (" + ResultsTables.cell(base) + ")" : "")
                    + (noKnob.isEmpty() ? "" : "; without a knob: " + String.join(", ", noKnob))
                    + (slice.fixed().isEmpty() ? "" : "; fixed: " + slice.describe());
            ctx.figure(Drawing.grid(panels, COLUMNS, ctx.footer()), name, "Cost: " + cost, caption);
        }
    }

    private static XYChart panel(String family, List<XYSeriesData.XY> pts, Metric cost, Summary base, int style) {
        double xLo = pts.stream().mapToDouble(XYSeriesData.XY::x).min().orElse(0);
        double xHi = pts.stream().mapToDouble(XYSeriesData.XY::x).max().orElse(1);
        boolean logX = xLo > 0 && xHi / xLo >= 10;
        XYChart c = ChartStyle.xy(
                family, Defenses.knobAxis(family) + (logX ? " (log)" : ""), cost.label(), PANEL_W, PANEL_H);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setAxisTitleFont(ChartStyle.TICKS);
        c.getStyler().setChartTitleFont(ChartStyle.AXIS_TITLE);
        c.getStyler().setXAxisLogarithmic(logX);
        boolean errors = pts.stream().anyMatch(p -> p.y().n() > 1);
        XYSeriesData.add(c, family, pts, errors, style);
        double yLo =
                pts.stream().mapToDouble(p -> p.y().mean() - p.y().std()).min().orElse(0);
        double yHi =
                pts.stream().mapToDouble(p -> p.y().mean() + p.y().std()).max().orElse(1);
        if (base.present()) {
            yLo = Math.min(yLo, base.mean());
            yHi = Math.max(yHi, base.mean());
        }
        // Log y only when the means themselves span orders of magnitude (compression), not their error bars.
        double mLo = pts.stream().mapToDouble(p -> p.y().mean()).min().orElse(0);
        double mHi = pts.stream().mapToDouble(p -> p.y().mean()).max().orElse(1);
        if (base.present()) {
            mLo = Math.min(mLo, base.mean());
            mHi = Math.max(mHi, base.mean());
        }
        boolean logY = mLo > 0 && mHi / mLo > 20;
        if (logY) {
            yLo = mLo;
            yHi = Math.max(yHi, mHi);
        }
        c.getStyler().setYAxisLogarithmic(logY);
        if (yHi >= 1e4) {
            c.getStyler().setYAxisDecimalPattern(logY ? "0.#E0" : "#,##0");
        }
        ChartStyle.padY(c, yLo, yHi, logY);
        if (!logY && mLo >= 0) {
            // Times and byte counts are never negative: a linear axis from zero shows them in proportion.
            c.getStyler().setYAxisMin(0.0);
        }
        // A single knob value still gets an x range, so the point and the reference line are visible.
        double lo = xHi > xLo ? xLo : (xLo > 0 ? xLo * 0.5 : xLo - 0.5);
        double hi = xHi > xLo ? xHi : (xHi > 0 ? xHi * 1.5 : xHi + 0.5);
        if (xHi <= xLo) {
            c.getStyler().setXAxisMin(lo);
            c.getStyler().setXAxisMax(hi);
        }
        if (base.present()) {
            XYSeries s = c.addSeries("no defense", new double[] {lo, hi}, new double[] {base.mean(), base.mean()});
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(ChartStyle.REFERENCE);
            s.setLineStyle(SeriesLines.DASH_DASH);
            s.setLineWidth(1.2f);
        }
        return c;
    }
}
