package org.leakbench.plots;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;

/**
 * The malicious servers at large batch: the fraction of the batch recovered against the batch size, one line per
 * attack (Robbing the Fed's imprint, trap weights, fishing), and for the imprint a dashed line of the fraction its
 * bins are expected to isolate, (1 − 1/bins)^(batch − 1) (Fowl et al., ICLR 2022), so that the measurement can be
 * read against the closed form. Only rows of the {@code malicious-server} threat are drawn.
 */
final class MaliciousServerFigure {
    static final String NAME = "recovered-vs-batch";
    static final String THREAT = "threat";
    static final String MALICIOUS = "malicious-server";

    private MaliciousServerFigure() {}

    static void render(RunContext ctx) throws IOException {
        ToDoubleFunction<ResultRow> batch = r -> Numbers.parseOrNaN(r.param(ResultColumns.BATCH));
        List<ResultRow> rows = ctx.results.okRows().stream()
                .filter(r -> MALICIOUS.equals(r.param(THREAT)))
                .filter(r -> r.metric(Metric.RECOVERED_FRAC).isPresent() && !Double.isNaN(batch.applyAsDouble(r)))
                .toList();
        if (rows.isEmpty()) {
            ctx.skip("figure " + NAME, "no ok row of threat " + MALICIOUS + " with " + Metric.RECOVERED_FRAC);
            return;
        }
        Set<String> free = new java.util.HashSet<>(Set.of(ResultColumns.BATCH, ResultColumns.ATTACK));
        // Each attack keeps its own knobs (rtf_bins, trap_rate, fishing_class, attack_*).
        ctx.results.parameters().stream()
                .filter(c -> c.startsWith(ResultColumns.ATTACK + "_")
                        || c.startsWith("rtf_")
                        || c.startsWith("trap_")
                        || c.startsWith("fishing_"))
                .forEach(free::add);
        Slice slice = Slice.of(rows, ctx.results.parameters(), free);
        Map<String, List<XYSeriesData.XY>> measured = new LinkedHashMap<>();
        Slice.group(slice.rows(), r -> r.param(ResultColumns.ATTACK))
                .forEach((attack, g) -> measured.put(attack, XYSeriesData.points(g, batch, Metric.RECOVERED_FRAC)));
        if (measured.values().stream()
                        .flatMap(List::stream)
                        .mapToDouble(XYSeriesData.XY::x)
                        .distinct()
                        .count()
                < 2) {
            ctx.skip("figure " + NAME, "only one batch size in the malicious-server rows, nothing to compare");
            return;
        }
        XYChart chart = ChartStyle.xy(
                "Malicious servers: recovered fraction vs batch", "batch size (examples, log scale)", "recovered");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        boolean errors = XYSeriesData.multiSeed(measured);
        int i = 0;
        for (Map.Entry<String, List<XYSeriesData.XY>> e : measured.entrySet()) {
            XYSeriesData.add(chart, e.getKey(), e.getValue(), errors, i++);
        }
        List<XYSeriesData.XY> formula = XYSeriesData.points(
                slice.rows().stream()
                        .filter(r -> r.metric(Metric.RECOVERED_EXPECTED).isPresent())
                        .toList(),
                batch,
                Metric.RECOVERED_EXPECTED);
        if (!formula.isEmpty()) {
            XYSeries s = chart.addSeries(
                    "rtf, expected (Fowl et al.)",
                    formula.stream().mapToDouble(XYSeriesData.XY::x).toArray(),
                    formula.stream().mapToDouble(p -> p.y().mean()).toArray());
            s.setLineStyle(SeriesLines.DASH_DASH);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(java.awt.Color.DARK_GRAY);
        }
        String caption = "Fraction of the batch recovered (a sample counts when its reconstruction reaches 30 dB PSNR) "
                + "against the batch size, one line per malicious-server attack"
                + (formula.isEmpty() ? "" : "; dashed: the imprint's expected fraction (1 − 1/bins)^(batch − 1)")
                + (errors ? "; means over seeds, error bars ±1 std" : "")
                + (slice.fixed().isEmpty() ? "" : "; fixed: " + slice.describe());
        ctx.figure(chart, NAME, "Malicious servers: recovered fraction vs batch size", caption);
    }
}
