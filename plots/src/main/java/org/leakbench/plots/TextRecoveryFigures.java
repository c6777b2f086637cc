package org.leakbench.plots;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;

/**
 * Text recovery against sequence length (the {@code text.context} of token windows), one line per attack and
 * batch size, as DAGER (Petrov et al. 2024) and LAMP (Balunović et al. 2022) plot it: ROUGE-1, ROUGE-2 and the
 * share of windows recovered exactly. Undefended rows are used when present.
 */
final class TextRecoveryFigures {
    /** The parameter column of the window length. */
    static final String CONTEXT = "text_context";

    static final List<Metric> METRICS = List.of(Metric.ROUGE_1, Metric.ROUGE_2, Metric.TOKEN_EXACT);

    private TextRecoveryFigures() {}

    static void render(RunContext ctx) throws IOException {
        if (!ctx.results.parameters().contains(CONTEXT)) {
            ctx.skip("figure text-recovery-vs-context", "no " + CONTEXT + " column: no text data set in the run");
            return;
        }
        for (Metric m : METRICS) {
            render(ctx, m);
        }
    }

    private static void render(RunContext ctx, Metric metric) throws IOException {
        String name = "text-recovery-vs-context-" + metric;
        ToDoubleFunction<ResultRow> x = r -> Numbers.parseOrNaN(r.param(CONTEXT));
        List<ResultRow> rows = ctx.results.okRows().stream()
                .filter(r -> !"oracle".equalsIgnoreCase(r.param(ResultColumns.ATTACK)))
                .filter(r -> r.metric(metric).isPresent() && !Double.isNaN(x.applyAsDouble(r)))
                .toList();
        if (rows.isEmpty()) {
            ctx.skip("figure " + name, "no ok row with both " + metric + " and a " + CONTEXT + " value");
            return;
        }
        Set<String> free = new java.util.HashSet<>(Set.of(CONTEXT, ResultColumns.ATTACK, ResultColumns.BATCH));
        ctx.results.parameters().stream()
                .filter(c -> c.startsWith(ResultColumns.ATTACK + "_"))
                .forEach(free::add);
        Slice slice = Slice.of(rows, ctx.results.parameters(), free);
        VictimValues victims = VictimValues.near(ctx.results);
        boolean pooled = slice.rows().stream().allMatch(victims::has);
        Map<String, List<XYSeriesData.XY>> series = new LinkedHashMap<>();
        Slice.group(
                        slice.rows(),
                        r -> LeakageFigures.seriesName(r, slice.rows(), ctx.results.parameters()) + " · batch "
                                + r.param(ResultColumns.BATCH))
                .forEach((s, g) -> series.put(
                        s,
                        pooled ? XYSeriesData.victimPoints(g, x, metric, victims) : XYSeriesData.points(g, x, metric)));
        long lengths = series.values().stream()
                .flatMap(List::stream)
                .mapToDouble(XYSeriesData.XY::x)
                .distinct()
                .count();
        if (lengths < 2) {
            ctx.skip("figure " + name, "only one " + CONTEXT + " value in the ok rows, nothing to compare");
            return;
        }
        XYChart chart = ChartStyle.xy("Text recovery vs sequence length", "sequence length (tokens)", metric.label());
        boolean errors = XYSeriesData.multiSeed(series);
        int i = 0;
        for (Map.Entry<String, List<XYSeriesData.XY>> e : series.entrySet()) {
            XYSeriesData.add(chart, e.getKey(), e.getValue(), errors, i++);
        }
        String caption = metric.label() + " against the window length text.context, one line per attack and batch"
                + " size"
                + (errors
                        ? pooled
                                ? "; means over " + LeakageFigures.victimCounts(slice.rows(), metric, victims)
                                        + " per point, error bars span the 95 % percentile-bootstrap interval of the mean"
                                : "; means over seeds, error bars ±1 std"
                        : "")
                + (slice.fixed().isEmpty() ? "" : "; fixed: " + slice.describe());
        ctx.figure(chart, name, "Text recovery vs sequence length, " + metric, caption);
    }
}
