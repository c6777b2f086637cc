package org.leakbench.plots;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.knowm.xchart.CategoryChart;

/**
 * {@code figures/jmh-thread-scaling}: the speed-up that n threads per operation give over one, per operation
 * of the thread-scaling pass, one bar per backend and one for PyTorch; a bar at 1 means the second core did not
 * help, a bar at n would be perfect scaling.
 */
final class ThreadScalingFigure {
    static final String NAME = "jmh-thread-scaling";

    private ThreadScalingFigure() {}

    static void render(RunContext ctx, List<ThreadScalingRows.Row> rows) throws IOException {
        if (rows.isEmpty()) {
            ctx.skip("figure " + NAME, "no thread-scaling pass (jmh/threads-N/) in the run folder");
            return;
        }
        Set<String> series = new LinkedHashSet<>();
        rows.forEach(r -> series.addAll(r.series().keySet()));
        if (series.remove(ThreadScalingRows.TORCH)) {
            series.add(ThreadScalingRows.TORCH);
        }
        Set<Integer> counts = new TreeSet<>();
        rows.forEach(r -> counts.add(r.threads()));
        List<String> categories = new ArrayList<>();
        for (ThreadScalingRows.Row r : rows) {
            categories.add(label(r, counts.size() > 1));
        }
        String n = counts.size() == 1 ? String.valueOf(counts.iterator().next()) : "n";
        CategoryChart chart = ChartStyle.bars(
                "Speed-up from " + n + " threads per operation", "operation", "time at 1 thread / at " + n, categories);
        int i = 0;
        for (String s : series) {
            List<Double> ys = new ArrayList<>();
            for (ThreadScalingRows.Row r : rows) {
                ThreadScalingRows.Times t = r.series().get(s);
                ys.add(t == null ? null : t.speedup()); // no bar where this series was not measured at both counts
            }
            chart.addSeries(s, categories, ys).setFillColor(ChartStyle.color(i++));
        }
        chart.getStyler().setYAxisMin(0.0);
        ctx.jmhFigure(
                chart,
                NAME,
                "JMH thread scaling",
                "Time per operation at one thread over the time at " + n
                        + " threads per operation (JMH median of sampled operations; above 1 = the extra cores "
                        + "help), per backend and for the PyTorch reference on the same machine in the same run");
    }

    /** "grad lenet b32" style: the method and the parameter values, short enough for a bar. */
    static String label(ThreadScalingRows.Row r, boolean withThreads) {
        String method = r.operation().substring(r.operation().indexOf('.') + 1);
        StringBuilder sb = new StringBuilder(method);
        String model = r.params().get("model"); // the model first: "grad lenet b32"
        if (model != null) {
            sb.append(' ').append(model);
        }
        r.params().forEach((k, v) -> {
            if (!k.equals("model")) {
                sb.append(' ').append(k.equals("batch") ? "b" + v : k.equals("size") ? v + "³" : v);
            }
        });
        return withThreads ? sb + " @" + r.threads() : sb.toString();
    }
}
