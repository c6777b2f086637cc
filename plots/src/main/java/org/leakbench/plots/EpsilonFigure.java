package org.leakbench.plots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;
import org.leakbench.results.RunLayout;

/**
 * The privacy budget ε against the noise multiplier σ, one line per number of steps (from {@code epsilon.csv},
 * the accountant's table), or, without that file, against the DP defenses' σ from the results' epsilon column,
 * one line per defense and, where they vary, per number of rounds and local steps.
 * Log y: ε spans orders of magnitude.
 */
final class EpsilonFigure {
    static final String ROUNDS = "fl_rounds";
    static final String LOCAL_STEPS = "fl_local_steps";

    private EpsilonFigure() {}

    static void render(RunContext ctx) throws IOException {
        Path file = ctx.runDir.resolve(RunLayout.EPSILON);
        Map<String, List<XYSeriesData.XY>> series = new LinkedHashMap<>();
        String source;
        if (Files.isRegularFile(file)) {
            CsvTable t = CsvTable.read(file, List.of("sigma", "steps", "epsilon"));
            // Hold the sampling rate and δ at their first values so each line varies only σ.
            String rate = t.rows().isEmpty() ? "" : t.rows().get(0).getOrDefault("sample_rate", "");
            String delta = t.rows().isEmpty() ? "" : t.rows().get(0).getOrDefault("delta", "");
            String accountant = t.rows().isEmpty() ? "" : t.rows().get(0).getOrDefault("accountant", "");
            Map<Double, List<XYSeriesData.XY>> bySteps = new TreeMap<>();
            for (Map<String, String> row : t.rows()) {
                if (!row.getOrDefault("sample_rate", "").equals(rate)
                        || !row.getOrDefault("delta", "").equals(delta)
                        || !row.getOrDefault("accountant", "").equals(accountant)) {
                    continue;
                }
                double sigma = t.number(row, "sigma");
                double eps = t.number(row, "epsilon");
                double steps = t.number(row, "steps");
                if (Double.isFinite(sigma) && Double.isFinite(eps) && eps > 0) {
                    bySteps.computeIfAbsent(steps, k -> new ArrayList<>())
                            .add(new XYSeriesData.XY(sigma, new Summary(eps, 0, 1)));
                }
            }
            bySteps.forEach((steps, pts) -> {
                pts.sort(java.util.Comparator.comparingDouble(XYSeriesData.XY::x));
                series.put(
                        (steps == Math.rint(steps) ? Long.toString(steps.longValue()) : Numbers.format(steps))
                                + " steps",
                        pts);
            });
            source = "from " + RunLayout.EPSILON + (rate.isBlank() ? "" : ", sampling rate q=" + rate)
                    + (delta.isBlank() ? "" : ", δ=" + delta)
                    + (accountant.isBlank() ? "" : ", " + accountant + " accountant");
        } else {
            List<ResultRow> rows = ctx.results.okRows().stream()
                    .filter(r -> r.metric(Metric.EPSILON).orElse(0) > 0 && !Double.isNaN(r.defenseParam()))
                    .toList();
            // ε grows with the number of noisy steps: rounds (and local steps) are lines of their own.
            Set<String> free = new java.util.HashSet<>(
                    Set.of(ResultColumns.DEFENSE, ResultColumns.DEFENSE_PARAM, ROUNDS, LOCAL_STEPS));
            ctx.results.parameters().stream()
                    .filter(p -> p.startsWith(ResultColumns.ATTACK))
                    .forEach(free::add);
            Slice slice = Slice.of(rows, ctx.results.parameters(), free);
            boolean byRounds = slice.rows().stream()
                            .map(r -> r.param(ROUNDS) + "/" + r.param(LOCAL_STEPS))
                            .distinct()
                            .count()
                    > 1;
            Slice.group(
                            slice.rows(),
                            r -> r.param(ResultColumns.DEFENSE)
                                    + (byRounds
                                            ? ", " + r.param(ROUNDS) + " rounds"
                                                    + (r.param(LOCAL_STEPS).isBlank()
                                                            ? ""
                                                            : " × " + r.param(LOCAL_STEPS) + " steps")
                                            : ""))
                    .forEach((label, g) ->
                            series.put(label, XYSeriesData.points(g, ResultRow::defenseParam, Metric.EPSILON)));
            source = "from the epsilon column of results.csv"
                    + (slice.fixed().isEmpty() ? "" : "; fixed: " + slice.describe());
        }
        series.values().removeIf(List::isEmpty);
        if (series.isEmpty()) {
            ctx.skip("figure epsilon-vs-sigma", "no " + RunLayout.EPSILON + " and no positive epsilon in the ok rows");
            return;
        }
        if (series.values().stream()
                        .flatMap(List::stream)
                        .mapToDouble(XYSeriesData.XY::x)
                        .distinct()
                        .count()
                < 2) {
            ctx.skip(
                    "figure epsilon-vs-sigma",
                    "a single noise multiplier σ in " + (Files.isRegularFile(file) ? RunLayout.EPSILON : "the ok rows")
                            + ", no curve to draw (its ε is in the results table)");
            return;
        }
        XYChart chart =
                ChartStyle.xy("Privacy budget vs noise", "noise multiplier σ", "ε (log scale, lower is more private)");
        chart.getStyler().setYAxisLogarithmic(true);
        int i = 0;
        for (Map.Entry<String, List<XYSeriesData.XY>> e : series.entrySet()) {
            XYSeriesData.add(chart, e.getKey(), e.getValue(), false, i++);
        }
        ctx.figure(
                chart,
                "epsilon-vs-sigma",
                "ε vs σ",
                "Privacy budget ε against noise multiplier σ, one line per "
                        + (source.startsWith("from " + RunLayout.EPSILON) ? "number of steps" : "DP defense") + " ("
                        + source + ")");
    }
}
