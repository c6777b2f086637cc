package org.leakbench.plots;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;

/**
 * JMH figures: grouped bars comparing backends (one group per benchmark and parameters other than
 * {@code backend}, one bar per backend, JMH's 99.9% error as error bars), one figure per score unit; and
 * scaling curves (score against a numeric parameter such as the vector size or the number of clients, log–log)
 * when a parameter takes at least three numeric values.
 */
final class JmhFigures {
    static final String BACKEND = "backend";
    private static final int MAX_GROUPS = 12;

    private JmhFigures() {
    }

    static void render(RunContext ctx, List<JmhResult> results) throws IOException {
        if (results.isEmpty()) {
            ctx.skip("figure jmh-backends", "no jmh/*.json results in the run folder");
            ctx.skip("figure jmh-scaling", "no jmh/*.json results in the run folder");
            return;
        }
        Map<String, List<JmhResult>> byUnit = results.stream()
                .collect(Collectors.groupingBy(JmhResult::unit, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<JmhResult>> e : byUnit.entrySet()) {
            String suffix = byUnit.size() > 1 ? "-" + e.getKey().replaceAll("[^A-Za-z0-9]+", "_") : "";
            bars(ctx, e.getKey(), e.getValue(), "jmh-backends" + suffix);
            scaling(ctx, e.getKey(), e.getValue(), "jmh-scaling" + suffix);
        }
    }

    static String groupLabel(JmhResult r, String excluded) {
        String params = r.params().entrySet().stream().filter(p -> !p.getKey().equals(excluded))
                .map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining(", "));
        return r.shortName() + (params.isEmpty() ? "" : " [" + params + "]");
    }

    private static void bars(RunContext ctx, String unit, List<JmhResult> rs, String name) throws IOException {
        Set<String> backends = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        for (JmhResult r : rs) {
            backends.add(r.params().getOrDefault(BACKEND, "score"));
            groups.add(groupLabel(r, BACKEND));
        }
        List<String> shown = new ArrayList<>(groups).subList(0, Math.min(MAX_GROUPS, groups.size()));
        CategoryChart chart = ChartStyle.bars("JMH: backends compared", "benchmark [parameters]",
                "score (" + unit + ")");
        boolean anyError = rs.stream().anyMatch(r -> Double.isFinite(r.scoreError()));
        int i = 0;
        for (String backend : backends) {
            List<Double> ys = new ArrayList<>();
            List<Double> errs = new ArrayList<>();
            for (String g : shown) {
                JmhResult hit = rs.stream().filter(r -> groupLabel(r, BACKEND).equals(g)
                        && r.params().getOrDefault(BACKEND, "score").equals(backend)).findFirst().orElse(null);
                // XChart needs a value per category; a missing combination is drawn as an empty bar.
                ys.add(hit == null ? 0.0 : hit.score());
                errs.add(hit == null || !Double.isFinite(hit.scoreError()) ? 0.0 : hit.scoreError());
            }
            var s = anyError ? chart.addSeries(backend, shown, ys, errs) : chart.addSeries(backend, shown, ys);
            s.setFillColor(ChartStyle.color(i++));
        }
        String more = groups.size() > MAX_GROUPS ? "; first " + MAX_GROUPS + " of " + groups.size() + " groups" : "";
        ctx.figure(chart, name, "JMH backends (" + unit + ")", "JMH scores in " + unit
                + (rs.get(0).higherIsBetter() ? " (higher is better)" : " (lower is better)")
                + ", one bar per " + (backends.size() > 1 ? "backend" : "benchmark")
                + (anyError ? ", error bars = JMH 99.9% confidence half-width" : "") + more);
    }

    private static void scaling(RunContext ctx, String unit, List<JmhResult> rs, String name) throws IOException {
        String axis = scalingParam(rs);
        if (axis == null) {
            ctx.skip("figure " + name, "no JMH parameter with three or more numeric values in " + unit);
            return;
        }
        Map<String, List<XYSeriesData.XY>> series = new LinkedHashMap<>();
        for (JmhResult r : rs) {
            double x = Numbers.parseOrNaN(r.params().get(axis));
            if (!(x > 0) || !(r.score() > 0)) {
                continue;
            }
            series.computeIfAbsent(groupLabel(r, axis), k -> new ArrayList<>())
                    .add(new XYSeriesData.XY(x, new Summary(r.score(), 0, 1)));
        }
        series.values().removeIf(v -> v.size() < 2);
        if (series.isEmpty()) {
            ctx.skip("figure " + name, "no benchmark has two or more positive " + axis + " values");
            return;
        }
        XYChart chart = ChartStyle.xy("JMH scaling with " + axis, axis + " (log scale)",
                "score (" + unit + ", log scale)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        int i = 0;
        for (Map.Entry<String, List<XYSeriesData.XY>> e : series.entrySet()) {
            e.getValue().sort(Comparator.comparingDouble(XYSeriesData.XY::x));
            XYSeriesData.add(chart, e.getKey(), e.getValue(), false, i++);
        }
        ctx.figure(chart, name, "JMH scaling (" + unit + ")",
                "JMH score in " + unit + " against " + axis + " on log–log axes, one line per benchmark and "
                        + "other parameters");
    }

    /** The numeric parameter with the most distinct values (at least three), or null. */
    static String scalingParam(List<JmhResult> rs) {
        Map<String, Set<Double>> values = new LinkedHashMap<>();
        Set<String> nonNumeric = new LinkedHashSet<>();
        for (JmhResult r : rs) {
            r.params().forEach((k, v) -> {
                double d = Numbers.parseOrNaN(v);
                if (Double.isNaN(d)) {
                    nonNumeric.add(k);
                } else {
                    values.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(d);
                }
            });
        }
        return values.entrySet().stream().filter(e -> !nonNumeric.contains(e.getKey()) && e.getValue().size() >= 3)
                .max(Comparator.comparingInt(e -> e.getValue().size())).map(Map.Entry::getKey).orElse(null);
    }
}
