package org.leakbench.plots;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;

/**
 * How the per-round cost of each defense grows with the problem, from the sweep's own rows: defense time and
 * upload against the update's size (model parameters) and against the number of clients per round, on
 * log–log axes (a straight line of slope k is growth as size^k). One line per defense point. The JMH figures
 * show the same for the isolated kernels; these show it inside a whole federated round.
 */
final class ScalingFigures {
    private static final int MAX_SERIES = 8;
    private static final Set<String> MODEL_COLUMNS = Set.of("model", "model_width", "model_depth", "model_widths");

    private ScalingFigures() {}

    static void render(RunContext ctx) throws IOException {
        for (Metric cost : CostFigures.COSTS) {
            renderVs(
                    ctx,
                    cost,
                    "params",
                    "update size (model parameters, log scale)",
                    MODEL_COLUMNS,
                    r -> r.metric(Metric.PARAMS).orElse(Double.NaN));
            renderVs(
                    ctx,
                    cost,
                    "clients",
                    "clients per round (log scale)",
                    Set.of(ResultColumns.CLIENTS),
                    r -> Numbers.parseOrNaN(r.param(ResultColumns.CLIENTS)));
        }
    }

    private static void renderVs(
            RunContext ctx,
            Metric cost,
            String axis,
            String xLabel,
            Set<String> xColumns,
            ToDoubleFunction<ResultRow> x)
            throws IOException {
        String name = "scaling-" + cost + "-vs-" + axis;
        List<ResultRow> rows = ctx.results.okRows().stream()
                .filter(r -> r.metric(cost).orElse(0) > 0 && x.applyAsDouble(r) > 0)
                .toList();
        Set<String> free = new HashSet<>(xColumns);
        free.add(ResultColumns.DEFENSE);
        free.add(ResultColumns.DEFENSE_PARAM);
        ctx.results.parameters().stream()
                .filter(p -> p.startsWith(ResultColumns.ATTACK))
                .forEach(free::add);
        Slice slice = Slice.of(rows, ctx.results.parameters(), free);
        Map<String, List<XYSeriesData.XY>> series = new LinkedHashMap<>();
        Map<String, Integer> styles = new LinkedHashMap<>();
        Slice.group(slice.rows(), r -> r.param(ResultColumns.DEFENSE) + "\u0000" + r.param(ResultColumns.DEFENSE_PARAM))
                .forEach((k, g) -> {
                    List<XYSeriesData.XY> pts = XYSeriesData.points(g, x, cost);
                    if (pts.size() >= 2 && series.size() < MAX_SERIES) {
                        String d = g.get(0).param(ResultColumns.DEFENSE);
                        String label = Defenses.isNone(d)
                                ? "no defense"
                                : (d + " " + Defenses.label(d, g.get(0).defenseParam())).strip();
                        series.put(label, pts);
                        styles.put(label, Defenses.isNone(d) ? -1 : ChartStyle.familyIndex(ctx.results, d));
                    }
                });
        if (series.isEmpty()) {
            ctx.skip("figure " + name, "no defense point measured " + cost + " at two or more " + axis + " values");
            return;
        }
        double lo = series.values().stream()
                .flatMap(List::stream)
                .mapToDouble(p -> p.y().mean())
                .min()
                .orElse(1);
        double hi = series.values().stream()
                .flatMap(List::stream)
                .mapToDouble(p -> p.y().mean())
                .max()
                .orElse(1);
        // A log y axis over less than a factor of three has no labelled tick: such a cost barely grows, and a
        // linear axis shows by how much.
        boolean logY = hi / lo >= 3;
        XYChart chart = ChartStyle.xy(
                "Scaling: " + cost.column() + " vs " + axis, xLabel, cost.label() + (logY ? ", log scale" : ""));
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(logY);
        if (!logY && hi >= 1e4) {
            chart.getStyler().setYAxisDecimalPattern("#,##0");
        }
        double xLo = series.values().stream()
                .flatMap(List::stream)
                .mapToDouble(XYSeriesData.XY::x)
                .min()
                .orElse(1);
        double xHi = series.values().stream()
                .flatMap(List::stream)
                .mapToDouble(XYSeriesData.XY::x)
                .max()
                .orElse(1);
        // Within about a decade (4 to 32 clients) decade ticks alone would leave the axis unlabelled.
        chart.getStyler().setXAxisLogarithmicDecadeOnly(xHi / xLo > 30);
        ChartStyle.fitLegend(chart, series.keySet());
        boolean errors = XYSeriesData.multiSeed(series);
        for (Map.Entry<String, List<XYSeriesData.XY>> e : series.entrySet()) {
            int style = styles.get(e.getKey());
            var s = XYSeriesData.add(
                    chart,
                    e.getKey(),
                    e.getValue(),
                    errors && XYSeriesData.allPositive(Map.of(e.getKey(), e.getValue()), false),
                    Math.max(style, 0));
            if (style < 0) {
                s.setLineColor(ChartStyle.REFERENCE);
                s.setMarkerColor(ChartStyle.REFERENCE);
                s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.DIAMOND);
            }
        }
        ChartStyle.padY(chart, lo, hi, logY);
        ctx.figure(
                chart,
                name,
                "Scaling of " + cost + " with " + axis,
                cost.label() + " against " + xLabel + ", one line per defense point, "
                        + (logY ? "log–log axes" : "log x axis (the cost grows by less than a factor of three)")
                        + (errors ? "; means over seeds and attacks, error bars ±1 std" : "")
                        + (slice.fixed().isEmpty() ? "" : "; fixed: " + slice.describe()));
    }
}
