package org.leakbench.plots;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The cost side of the frontier: overhead (time per point, bytes uploaded) against each defense family's knob,
 * one series per family, with the undefended cost as a black dashed reference line. Placed next to the
 * frontier in the report.
 */
final class CostFigures {
    static final List<Metric> COSTS = List.of(Metric.TIME_MS, Metric.BYTES_UP);

    private CostFigures() {
    }

    // Compression shrinks uploads by orders of magnitude: a log axis keeps the small ones visible.
    private static boolean logY(Map<String, List<XYSeriesData.XY>> series) {
        double lo = series.values().stream().flatMap(List::stream).mapToDouble(p -> p.y().mean()).min().orElse(1);
        double hi = series.values().stream().flatMap(List::stream).mapToDouble(p -> p.y().mean()).max().orElse(1);
        return lo > 0 && hi / lo > 20 && XYSeriesData.allPositive(series, false);
    }

    static void render(RunContext ctx) throws IOException {
        for (Metric cost : COSTS) {
            String name = "cost-" + cost;
            List<ResultRow> rows = ctx.results.okRows().stream().filter(r -> r.metric(cost).isPresent()).toList();
            if (rows.isEmpty()) {
                ctx.skip("figure " + name, "no ok row measured " + cost);
                continue;
            }
            Slice slice = Slice.of(rows, ctx.results.parameters(),
                    Set.of(ResultsFile.DEFENSE, ResultsFile.DEFENSE_PARAM));
            Map<String, List<XYSeriesData.XY>> series = new LinkedHashMap<>();
            List<ResultRow> none = new ArrayList<>();
            Slice.group(slice.rows(), r -> r.param(ResultsFile.DEFENSE)).forEach((fam, g) -> {
                if (Defenses.isNone(fam)) {
                    none.addAll(g);
                } else {
                    List<XYSeriesData.XY> pts = XYSeriesData.points(g, ResultRow::defenseParam, cost);
                    if (!pts.isEmpty()) {
                        series.put(fam, pts);
                    }
                }
            });
            if (series.isEmpty()) {
                ctx.skip("figure " + name, "no defended row with a numeric defense_param measured " + cost);
                continue;
            }
            boolean logX = XYSeriesData.allPositive(series, true);
            XYChart chart = ChartStyle.xy("Cost of defenses: " + cost,
                    "defense knob (σ, keep fraction, bits…)" + (logX ? ", log scale" : ""),
                    cost.label() + (logY(series) ? ", log scale" : ""));
            chart.getStyler().setXAxisLogarithmic(logX);
            double yMax = series.values().stream().flatMap(List::stream).mapToDouble(p -> p.y().mean()).max()
                    .orElse(1);
            boolean logY = logY(series);
            chart.getStyler().setYAxisLogarithmic(logY);
            if (yMax >= 1e4) {
                chart.getStyler().setYAxisDecimalPattern("#,##0");
            }
            boolean errors = XYSeriesData.multiSeed(series);
            int i = 0;
            for (Map.Entry<String, List<XYSeriesData.XY>> e : series.entrySet()) {
                XYSeriesData.add(chart, e.getKey() + " (" + Defenses.knob(e.getKey()) + ")", e.getValue(), errors,
                        i++);
            }
            Summary base = Slice.summarize(none, cost);
            double yLo = series.values().stream().flatMap(List::stream).mapToDouble(p -> p.y().mean() - p.y().std())
                    .min().orElse(0);
            double yHi = series.values().stream().flatMap(List::stream).mapToDouble(p -> p.y().mean() + p.y().std())
                    .max().orElse(1);
            if (base.present()) {
                yLo = Math.min(yLo, base.mean());
                yHi = Math.max(yHi, base.mean());
            }
            ChartStyle.padY(chart, yLo, yHi, logY);
            if (base.present()) {
                double lo = series.values().stream().flatMap(List::stream).mapToDouble(XYSeriesData.XY::x)
                        .min().orElse(0);
                double hi = series.values().stream().flatMap(List::stream).mapToDouble(XYSeriesData.XY::x)
                        .max().orElse(1);
                if (hi <= lo) {
                    // A single knob value: draw the reference across a visible width around it.
                    lo = logX ? lo / 2 : lo - 1;
                    hi = logX ? hi * 2 : hi + 1;
                }
                XYSeries s = chart.addSeries("no defense", new double[] {lo, hi},
                        new double[] {base.mean(), base.mean()});
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(ChartStyle.REFERENCE);
                s.setLineStyle(SeriesLines.DASH_DASH);
            }
            String caption = "Cost of each defense family against its knob: " + cost.label()
                    + (errors ? "; means over seeds, error bars ±1 std" : "")
                    + (base.present() ? "; dashed black line = no defense" : "")
                    + (slice.fixed().isEmpty() ? "" : "; fixed: " + slice.describe());
            ctx.figure(chart, name, "Cost: " + cost, caption);
        }
    }
}
