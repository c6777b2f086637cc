package org.leakbench.plots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.leakbench.results.Metric;

/**
 * Builds a line chart's series from grouped rows: x from a parameter or metric, y as the mean of a metric
 * over seeds with ±1 std error bars when some point has more than one seed.
 */
final class XYSeriesData {
    private XYSeriesData() {}

    record XY(double x, Summary y) {}

    /** Points of one series: rows grouped by their x value, y summarised; NaN x dropped; sorted by x. */
    static List<XY> points(List<ResultRow> rows, ToDoubleFunction<ResultRow> x, Metric y) {
        List<XY> out = new ArrayList<>();
        Map<Double, List<ResultRow>> byX = Slice.group(
                rows.stream()
                        .filter(r ->
                                !Double.isNaN(x.applyAsDouble(r)) && r.metric(y).isPresent())
                        .toList(),
                r -> x.applyAsDouble(r));
        byX.forEach((xv, g) -> out.add(new XY(xv, Slice.summarize(g, y))));
        out.sort(Comparator.comparingDouble(XY::x));
        return out;
    }

    /**
     * Like {@link #points}, but each y pools the victims of every row at that x ({@code victims.csv}): the mean
     * over victims, with half the width of its 95 % percentile-bootstrap interval in place of the std (so the
     * error bar spans about the interval) and n = victims pooled.
     */
    static List<XY> victimPoints(List<ResultRow> rows, ToDoubleFunction<ResultRow> x, Metric y, VictimValues victims) {
        List<XY> out = new ArrayList<>();
        Map<Double, List<ResultRow>> byX = Slice.group(
                rows.stream()
                        .filter(r ->
                                !Double.isNaN(x.applyAsDouble(r)) && r.metric(y).isPresent())
                        .toList(),
                r -> x.applyAsDouble(r));
        byX.forEach((xv, g) -> {
            VictimStatistics.Cell c = VictimStatistics.cell(victims.values(g, y).values());
            out.add(new XY(xv, new Summary(c.mean(), c.hasInterval() ? (c.high() - c.low()) / 2 : 0, c.n())));
        });
        out.sort(Comparator.comparingDouble(XY::x));
        return out;
    }

    /** Adds one styled series; returns it. */
    static XYSeries add(XYChart chart, String name, List<XY> pts, boolean errors, int styleIndex) {
        double[] xs = pts.stream().mapToDouble(XY::x).toArray();
        double[] ys = pts.stream().mapToDouble(p -> p.y().mean()).toArray();
        XYSeries s = errors
                ? chart.addSeries(
                        name, xs, ys, pts.stream().mapToDouble(p -> p.y().std()).toArray())
                : chart.addSeries(name, xs, ys);
        ChartStyle.styleSeries(s, styleIndex);
        return s;
    }

    static boolean multiSeed(Map<String, List<XY>> series) {
        return series.values().stream().flatMap(List::stream).anyMatch(p -> p.y().n() > 1);
    }

    static boolean allPositive(Map<String, List<XY>> series, boolean xAxis) {
        return series.values().stream()
                .flatMap(List::stream)
                .allMatch(p -> xAxis ? p.x() > 0 : p.y().mean() - p.y().std() > 0);
    }
}
