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
import org.leakbench.results.JmhUnits;

/**
 * JMH figures: grouped bars comparing backends, one figure per benchmark class and score unit (one group per
 * method and parameters other than {@code backend}, one bar per backend, JMH's 99.9% error as error bars;
 * classes without a backend parameter get one bar per benchmark); and
 * scaling curves per class (score against a numeric parameter such as the vector size or the number of
 * clients, log–log) when a parameter takes at least three numeric values.
 */
final class JmhFigures {
    static final String BACKEND = "backend";
    static final String TORCH_SERIES = "PyTorch";
    private static final int MAX_GROUPS = 16;

    private JmhFigures() {}

    static void render(RunContext ctx, List<JmhResult> results) throws IOException {
        if (results.isEmpty()) {
            ctx.skip("figure jmh-backends", "no jmh/*.json results in the run folder");
            ctx.skip("figure jmh-scaling", "no jmh/*.json results in the run folder");
            return;
        }
        // One bar figure per benchmark class: a figure mixing every class needs labels too long to read.
        Map<String, List<JmhResult>> byClass = results.stream()
                .collect(Collectors.groupingBy(JmhFigures::className, LinkedHashMap::new, Collectors.toList()));
        // Scaling curves per class too: one figure holding every class had more lines than its legend could
        // show next to a readable plot.
        boolean anyScaling = false;
        JmhSource source = JmhSource.read(ctx.runDir, "");
        for (Map.Entry<String, List<JmhResult>> c : byClass.entrySet()) {
            Map<String, List<JmhResult>> byUnit = byUnit(c.getValue());
            boolean compared = c.getValue().stream().anyMatch(r -> r.params().containsKey(BACKEND));
            for (Map.Entry<String, List<JmhResult>> e : byUnit.entrySet()) {
                String suffix = c.getKey() + unitSuffix(byUnit, e.getKey());
                bars(ctx, c.getKey(), e.getKey(), e.getValue(), (compared ? "jmh-backends-" : "jmh-") + suffix, source);
                anyScaling |= scaling(ctx, c.getKey(), e.getKey(), e.getValue(), "jmh-scaling-" + suffix);
            }
        }
        if (!anyScaling) {
            ctx.skip("figure jmh-scaling", "no JMH parameter with three or more numeric values");
        }
    }

    private static Map<String, List<JmhResult>> byUnit(List<JmhResult> rs) {
        return rs.stream().collect(Collectors.groupingBy(JmhResult::unit, LinkedHashMap::new, Collectors.toList()));
    }

    private static String unitSuffix(Map<String, ?> byUnit, String unit) {
        return byUnit.size() > 1 ? "-" + unit.replaceAll("[^A-Za-z0-9]+", "_") : "";
    }

    /** The benchmark class without its package ({@code GradientBench}). */
    static String className(JmhResult r) {
        String s = r.shortName();
        int dot = s.indexOf('.');
        return dot < 0 ? s : s.substring(0, dot);
    }

    private static String methodName(JmhResult r) {
        String s = r.shortName();
        return s.substring(s.indexOf('.') + 1);
    }

    static String groupLabel(JmhResult r, String excluded) {
        String params = params(r, excluded, ", ");
        return r.shortName() + (params.isEmpty() ? "" : " [" + params + "]");
    }

    /** A bar's label inside its class's figure: the method when the class has several, and the parameters. */
    static String barLabel(JmhResult r, boolean withMethod) {
        return barLabel(r, withMethod, Set.of());
    }

    /** As {@link #barLabel(JmhResult, boolean)}, leaving out the parameters in {@code fixed} (named in the caption). */
    static String barLabel(JmhResult r, boolean withMethod, Set<String> fixed) {
        String params = r.params().entrySet().stream()
                .filter(p -> !p.getKey().equals(BACKEND) && !fixed.contains(p.getKey()))
                .map(p -> p.getKey() + "=" + p.getValue())
                .collect(Collectors.joining(" "));
        String method = withMethod || params.isEmpty() ? methodName(r) : "";
        return (method + " " + params).trim();
    }

    private static String params(JmhResult r, String excluded, String separator) {
        return r.params().entrySet().stream()
                .filter(p -> !p.getKey().equals(excluded))
                .map(p -> p.getKey() + "=" + p.getValue())
                .collect(Collectors.joining(separator));
    }

    /**
     * Parameters (other than the backend) with one value wherever they occur in {@code rs}, as key=value: they
     * go into the caption, so the bar labels show only what varies. Empty when leaving them out would give two
     * bars of one backend the same label.
     */
    static Map<String, String> fixedParams(List<JmhResult> rs, boolean withMethod) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (JmhResult r : rs) {
            r.params()
                    .forEach((k, v) -> values.computeIfAbsent(k, x -> new LinkedHashSet<>())
                            .add(v));
        }
        Map<String, String> fixed = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!k.equals(BACKEND) && v.size() == 1) {
                fixed.put(k, v.iterator().next());
            }
        });
        long distinct = rs.stream()
                .map(r -> barLabel(r, withMethod, fixed.keySet()) + "\0"
                        + r.params().get(BACKEND))
                .distinct()
                .count();
        return distinct == rs.size() ? fixed : Map.of();
    }

    private static void bars(
            RunContext ctx, String benchClass, String unit, List<JmhResult> rs, String name, JmhSource source)
            throws IOException {
        boolean withMethod = rs.stream().map(JmhFigures::methodName).distinct().count() > 1;
        Map<String, String> fixed = fixedParams(rs, withMethod);
        Set<String> backends = new LinkedHashSet<>();
        Map<String, Map<String, JmhResult>> groups = new LinkedHashMap<>();
        for (JmhResult r : rs) {
            String backend = r.params().getOrDefault(BACKEND, "score");
            backends.add(backend);
            groups.computeIfAbsent(barLabel(r, withMethod, fixed.keySet()), k -> new LinkedHashMap<>())
                    .put(backend, r);
        }
        // XChart needs a bar for every backend in every group: keep the groups every backend ran.
        List<String> shown = groups.entrySet().stream()
                .filter(e -> e.getValue().keySet().containsAll(backends))
                .map(Map.Entry::getKey)
                .limit(MAX_GROUPS)
                .toList();
        if (shown.isEmpty()) {
            ctx.skip(
                    "figure " + name,
                    "no " + benchClass + " benchmark in " + unit + " ran on every backend " + backends);
            return;
        }
        boolean compared = backends.size() > 1;
        boolean named = !backends.contains("score"); // the series are backends
        String title = "JMH " + benchClass
                + (compared
                        ? ": backends compared"
                        : named ? " on " + backends.iterator().next() : "");
        CategoryChart chart = ChartStyle.bars(
                title, withMethod ? "benchmark and parameters" : "parameters", "score (" + unit + ")", shown);
        chart.getStyler().setLegendVisible(named); // one unnamed series needs no legend
        // Bars are what the JMH table quotes: the median of sampled operations, which a busy machine's stalls
        // barely move, and the average in other modes.
        List<Double> torch = torchBars(source, shown, groups, unit);
        double lo = shown.stream()
                .flatMap(g -> groups.get(g).values().stream())
                .mapToDouble(JmhResult::typical)
                .min()
                .orElse(1);
        double hi = shown.stream()
                .flatMap(g -> groups.get(g).values().stream())
                .mapToDouble(JmhResult::typical)
                .max()
                .orElse(1);
        if (torch != null) {
            lo = Math.min(
                    lo, torch.stream().mapToDouble(Double::doubleValue).min().orElse(lo));
            hi = Math.max(
                    hi, torch.stream().mapToDouble(Double::doubleValue).max().orElse(hi));
        }
        // Scores of different benchmarks span orders of magnitude; a linear axis would hide the small ones.
        boolean log = lo > 0 && hi / lo > 50;
        chart.getStyler().setYAxisLogarithmic(log);
        if (log) {
            chart.setYAxisTitle("score (" + unit + ", log scale)");
            chart.getStyler().setYAxisMin(logBarFloor(lo));
            chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(hi))));
        }
        // XChart draws error bars of log-scale bars wrongly, so they are left to the JMH table there; JMH's error
        // is a confidence interval of the average, so a median gets none.
        boolean anyError = !log && rs.stream().anyMatch(JmhFigures::hasError);
        int i = 0;
        for (String backend : backends) {
            List<Double> ys = new ArrayList<>();
            List<Double> errs = new ArrayList<>();
            for (String g : shown) {
                JmhResult hit = groups.get(g).get(backend);
                ys.add(hit.typical());
                errs.add(hasError(hit) ? hit.scoreError() : 0.0);
            }
            var s = anyError ? chart.addSeries(backend, shown, ys, errs) : chart.addSeries(backend, shown, ys);
            s.setFillColor(ChartStyle.color(i++));
        }
        if (torch != null) {
            var s = anyError
                    ? chart.addSeries(
                            TORCH_SERIES,
                            shown,
                            torch,
                            torch.stream().map(t -> 0.0).toList())
                    : chart.addSeries(TORCH_SERIES, shown, torch);
            s.setFillColor(ChartStyle.color(i));
            chart.getStyler().setLegendVisible(true);
        }
        long total = groups.size();
        String more = shown.size() < total ? "; " + shown.size() + " of " + total + " groups shown" : "";
        ctx.jmhFigure(
                chart,
                name,
                "JMH " + benchClass + " (" + unit + ")",
                benchClass + " scores in " + unit
                        + (rs.get(0).higherIsBetter() ? " (higher is better)" : " (lower is better)")
                        + (compared ? ", one bar per backend" : "")
                        + (torch == null
                                ? ""
                                : ", and the PyTorch reference on the same machine (median, "
                                        + threads(source.settings().get("torch.threads")) + ")")
                        + (rs.stream().anyMatch(r -> Double.isFinite(r.median()))
                                ? ", median of sampled operations"
                                : "")
                        + (fixed.isEmpty()
                                ? ""
                                : "; all with "
                                        + fixed.entrySet().stream()
                                                .map(f -> f.getKey() + "=" + f.getValue())
                                                .collect(Collectors.joining(", ")))
                        + (anyError ? ", error bars = JMH 99.9% confidence half-width" : "")
                        + (log ? ", log scale (errors in the JMH table)" : "")
                        + more);
    }

    /**
     * The PyTorch reference's time for each shown group in the figure's unit, or null unless every group has
     * one (a bar chart needs a bar in every group) and the unit is a time per operation.
     */
    static List<Double> torchBars(
            JmhSource source, List<String> shown, Map<String, Map<String, JmhResult>> groups, String unit) {
        double perMilli = JmhUnits.millisPerOp(1, unit);
        if (source.torch().isEmpty() || !unit.endsWith("/op") || !(perMilli > 0)) {
            return null;
        }
        List<Double> ys = new ArrayList<>();
        for (String g : shown) {
            Double ms = JmhComparison.torchMillis(
                    source, groups.get(g).values().iterator().next());
            if (ms == null) {
                return null;
            }
            ys.add(ms / perMilli);
        }
        return ys;
    }

    private static String threads(String count) {
        return count == null ? "threads not recorded" : count + (count.equals("1") ? " thread" : " threads");
    }

    /** An average with JMH's confidence interval (sampled results are shown by their median, without one). */
    private static boolean hasError(JmhResult r) {
        return Double.isNaN(r.median()) && Double.isFinite(r.scoreError());
    }

    /** The scaling figures of one class and unit, one per numeric parameter; false when it has none. */
    private static boolean scaling(RunContext ctx, String benchClass, String unit, List<JmhResult> rs, String name)
            throws IOException {
        List<String> axes = scalingParams(rs);
        for (String axis : axes) {
            scalingOne(ctx, benchClass, unit, rs, axis, name + "-" + axis.replaceAll("[^A-Za-z0-9]+", "_"));
        }
        return !axes.isEmpty();
    }

    /** A line's label: the method when the class has several, and the other parameters (backend included). */
    static String lineLabel(JmhResult r, String axis, boolean withMethod) {
        String params = params(r, axis, " ");
        String method = withMethod || params.isEmpty() ? methodName(r) : "";
        return (method + " " + params).trim();
    }

    private static void scalingOne(
            RunContext ctx, String benchClass, String unit, List<JmhResult> rs, String axis, String name)
            throws IOException {
        boolean withMethod = rs.stream().map(JmhFigures::methodName).distinct().count() > 1;
        Map<String, List<XYSeriesData.XY>> series = new LinkedHashMap<>();
        for (JmhResult r : rs) {
            double x = Numbers.parseOrNaN(r.params().get(axis));
            if (!(x > 0) || !(r.typical() > 0)) {
                continue;
            }
            series.computeIfAbsent(lineLabel(r, axis, withMethod), k -> new ArrayList<>())
                    .add(new XYSeriesData.XY(x, new Summary(r.typical(), 0, 1)));
        }
        series.values().removeIf(v -> v.size() < 2);
        if (series.isEmpty()) {
            ctx.skip("figure " + name, "no " + benchClass + " benchmark has two or more positive " + axis + " values");
            return;
        }
        XYChart chart = ChartStyle.xy(
                "JMH " + benchClass + ": scaling with " + axis,
                axis + " (log scale)",
                "score (" + unit + ", log scale)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        ChartStyle.fitLegend(chart, series.keySet());
        int i = 0;
        for (Map.Entry<String, List<XYSeriesData.XY>> e : series.entrySet()) {
            e.getValue().sort(Comparator.comparingDouble(XYSeriesData.XY::x));
            XYSeriesData.add(chart, e.getKey(), e.getValue(), false, i++);
        }
        ctx.jmhFigure(
                chart,
                name,
                "JMH " + benchClass + " scaling with " + axis + " (" + unit + ")",
                benchClass + " score in " + unit + " against " + axis + " on log–log axes (median of sampled "
                        + "operations), one line per " + (withMethod ? "benchmark and " : "") + "other parameters");
    }

    /** Numeric parameters with at least three distinct values, most values first. */
    static List<String> scalingParams(List<JmhResult> rs) {
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
        return values.entrySet().stream()
                .filter(e -> !nonNumeric.contains(e.getKey()) && e.getValue().size() >= 3)
                .sorted(Comparator.comparingInt((Map.Entry<String, Set<Double>> e) ->
                                e.getValue().size())
                        .reversed())
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Where log-scale bars start. XChart takes the axis minimum as the bars' base, so it must lie well below
     * the smallest bar: a power of ten at least three times below it (110 µs starts at 10, not at 100, where
     * its bar would be a sliver).
     */
    static double logBarFloor(double lo) {
        return Math.pow(10, Math.floor(Math.log10(lo / 3)));
    }
}
