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
 * Leakage against the size of what the attacker must invert: batch size (one series per attack) and model
 * size (parameter count, log x). Undefended rows are used when present, so the curves show the attack alone.
 */
final class LeakageFigures {
    private static final Set<String> MODEL_COLUMNS =
            Set.of("model", "model_width", "model_depth", "model_heads", "model_norm", "model_shortcut");
    /** Columns of an attack's own knobs: each attack keeps its own, and a series per setting where they vary. */
    private static final String ATTACK_KNOB = ResultColumns.ATTACK + "_";

    private LeakageFigures() {}

    static void render(RunContext ctx) throws IOException {
        for (Metric leak : FrontierFigures.LEAKAGE) {
            renderVs(
                    ctx,
                    leak,
                    "batch",
                    "batch size (examples, log scale)",
                    Set.of(ResultColumns.BATCH, ResultColumns.ATTACK),
                    r -> Numbers.parseOrNaN(r.param(ResultColumns.BATCH)),
                    true,
                    false);
            Set<String> free = new java.util.HashSet<>(MODEL_COLUMNS);
            free.add(ResultColumns.ATTACK);
            renderVs(
                    ctx,
                    leak,
                    "model-size",
                    "model size (parameters, log scale)",
                    free,
                    r -> r.metric(Metric.PARAMS).orElse(Double.NaN),
                    true,
                    true);
        }
    }

    /**
     * The attack of a row, with the knobs (attack_* columns) that take more than one value among that attack's
     * rows: "ig (attack_iterations=200)" next to "ig (attack_iterations=2000)"; plain "ig" when it ran one way.
     */
    static String seriesName(ResultRow row, List<ResultRow> rows, List<String> parameters) {
        String attack = row.param(ResultColumns.ATTACK);
        StringBuilder knobs = new StringBuilder();
        for (String c : parameters) {
            if (!c.startsWith(ATTACK_KNOB)) {
                continue;
            }
            long values = rows.stream()
                    .filter(r -> r.param(ResultColumns.ATTACK).equals(attack))
                    .map(r -> r.param(c))
                    .distinct()
                    .count();
            if (values > 1) {
                knobs.append(knobs.length() == 0 ? "" : ", ")
                        .append(c)
                        .append('=')
                        .append(row.param(c));
            }
        }
        String name = attack.isBlank() ? "attack" : attack;
        return knobs.length() == 0 ? name : name + " (" + knobs + ")";
    }

    /** "8 victims × 2 seeds", or the range of pooled victims when points differ. */
    static String victimCounts(List<ResultRow> rows, Metric leak, VictimValues victims) {
        java.util.IntSummaryStatistics perRow = rows.stream()
                .mapToInt(r -> victims.values(List.of(r), leak).size())
                .summaryStatistics();
        long seeds = rows.stream().map(ResultRow::seed).distinct().count();
        String v = perRow.getMin() == perRow.getMax()
                ? Integer.toString(perRow.getMin())
                : perRow.getMin() + "–" + perRow.getMax();
        return v + " victims × " + seeds + " seed" + (seeds == 1 ? "" : "s");
    }

    private static void renderVs(
            RunContext ctx,
            Metric leak,
            String axis,
            String xLabel,
            Set<String> free,
            ToDoubleFunction<ResultRow> x,
            boolean logX,
            boolean perModel)
            throws IOException {
        String name = "leakage-vs-" + axis + "-" + leak;
        // The oracle reads the truth (PSNR capped at 100 dB): as a line it would only flatten the others.
        List<ResultRow> rows = ctx.results.okRows().stream()
                .filter(r -> !"oracle".equalsIgnoreCase(r.param(ResultColumns.ATTACK)))
                .filter(r -> r.metric(leak).isPresent() && !Double.isNaN(x.applyAsDouble(r)))
                .toList();
        if (rows.isEmpty()) {
            ctx.skip("figure " + name, "no ok row with both " + leak + " and a " + axis + " value");
            return;
        }
        // Different models are different victims: on the batch axis each data set and model gets its own figure
        // (on the size axis the models are the x values and share one).
        Map<String, List<ResultRow>> splits = perModel ? Map.of("", rows) : Splits.bySetting(rows);
        for (Map.Entry<String, List<ResultRow>> split : splits.entrySet()) {
            renderSplit(ctx, leak, axis, xLabel, free, x, logX, perModel, split.getKey(), split.getValue());
        }
    }

    private static void renderSplit(
            RunContext ctx,
            Metric leak,
            String axis,
            String xLabel,
            Set<String> free,
            ToDoubleFunction<ResultRow> x,
            boolean logX,
            boolean perModel,
            String suffix,
            List<ResultRow> rows)
            throws IOException {
        String name = "leakage-vs-" + axis + "-" + leak + suffix;
        String setting = Splits.describe(suffix, rows);
        Set<String> freeHere = new java.util.HashSet<>(free);
        ctx.results.parameters().stream().filter(c -> c.startsWith(ATTACK_KNOB)).forEach(freeHere::add);
        Slice slice = Slice.of(rows, ctx.results.parameters(), freeHere);
        VictimValues victims = VictimValues.near(ctx.results);
        // With victims.csv, every point pools the victims of its seeds and its bars are bootstrap intervals.
        boolean pooled = slice.rows().stream().allMatch(victims::has);
        Map<String, List<XYSeriesData.XY>> series = new LinkedHashMap<>();
        // Families differ in more than size (a LeNet and a ResNet of equal size are different victims): on the
        // size axis each family gets its own line.
        boolean families = perModel
                && slice.rows().stream().map(r -> r.param("model")).distinct().count() > 1;
        Slice.group(
                        slice.rows(),
                        r -> seriesName(r, slice.rows(), ctx.results.parameters())
                                + (families ? " · " + r.param("model") : ""))
                .forEach((attack, g) -> series.put(
                        attack,
                        pooled ? XYSeriesData.victimPoints(g, x, leak, victims) : XYSeriesData.points(g, x, leak)));
        long distinctX = series.values().stream()
                .flatMap(List::stream)
                .mapToDouble(XYSeriesData.XY::x)
                .distinct()
                .count();
        if (distinctX < 2) {
            ctx.skip("figure " + name, "only one " + axis + " value in the ok rows, nothing to compare");
            return;
        }
        boolean useLog = logX && XYSeriesData.allPositive(series, true);
        XYChart chart = ChartStyle.xy(
                "Leakage vs " + axis.replace('-', ' ') + (setting.isEmpty() ? "" : " (" + setting + ")"),
                useLog ? xLabel : xLabel.replace(", log scale", ""),
                leak.label());
        chart.getStyler().setXAxisLogarithmic(useLog);
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
        // Batch sizes 1 to 32 lie within two decades: label the ticks between the powers of ten too.
        chart.getStyler().setXAxisLogarithmicDecadeOnly(xHi / xLo > 300);
        boolean errors = XYSeriesData.multiSeed(series);
        int i = 0;
        for (Map.Entry<String, List<XYSeriesData.XY>> e : series.entrySet()) {
            XYSeriesData.add(chart, e.getKey(), e.getValue(), errors, i++);
        }
        String caption = leak.label() + " against " + xLabel + ", one line per attack" + (perModel ? " and model" : "")
                + (errors
                        ? pooled
                                ? "; means over " + victimCounts(slice.rows(), leak, victims) + " per point, error "
                                        + "bars span the 95 % percentile-bootstrap interval of the mean (half its width either side)"
                                : "; means over seeds, error bars ±1 std"
                        : "")
                + (slice.fixed().isEmpty() ? "" : "; fixed: " + slice.describe());
        ctx.figure(
                chart,
                name,
                "Leakage vs " + axis + ", " + leak + (setting.isEmpty() ? "" : " (" + setting + ")"),
                caption);
    }
}
