package org.leakbench.plots;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Privacy–utility frontier: leakage (x) against test accuracy (y), one series per defense family through its
 * points sorted by the family's knob, each point labelled with the knob, the undefended point as a black
 * diamond reference, and the Pareto front (lower leakage and higher accuracy) as a thick grey line.
 * One figure per available leakage metric (PSNR, SSIM, MIA AUC) and attack.
 */
final class FrontierFigures {
    static final List<Metric> LEAKAGE = List.of(Metric.PSNR, Metric.SSIM, Metric.MIA_AUC);

    private FrontierFigures() {
    }

    /** A (defense, knob) point: leakage and accuracy, mean and std over seeds. */
    record Point(String defense, double param, Summary leak, Summary acc) {
    }

    static void render(RunContext ctx) throws IOException {
        if (!ctx.results.has(Metric.ACCURACY)) {
            ctx.skip("figure privacy–utility frontier", "no accuracy measured in results.csv");
            return;
        }
        for (Metric leak : LEAKAGE) {
            List<ResultRow> rows = ctx.results.okRows().stream()
                    .filter(r -> r.metric(leak).isPresent() && r.metric(Metric.ACCURACY).isPresent()).toList();
            if (rows.isEmpty()) {
                ctx.skip("figure frontier-" + leak, "no ok row measured both " + leak + " and accuracy");
                continue;
            }
            Map<String, List<ResultRow>> byAttack = Slice.group(rows, r -> r.param(ResultsFile.ATTACK));
            for (Map.Entry<String, List<ResultRow>> e : byAttack.entrySet()) {
                String name = "frontier-" + leak + (byAttack.size() > 1 ? "-" + e.getKey() : "");
                renderOne(ctx, leak, e.getKey(), e.getValue(), name);
            }
        }
    }

    private static void renderOne(RunContext ctx, Metric leak, String attack, List<ResultRow> rows, String name)
            throws IOException {
        Slice slice = Slice.of(rows, ctx.results.parameters(),
                Set.of(ResultsFile.ATTACK, ResultsFile.DEFENSE, ResultsFile.DEFENSE_PARAM));
        List<Point> points = new ArrayList<>();
        Slice.group(slice.rows(), r -> r.param(ResultsFile.DEFENSE) + "\u0000" + r.param(ResultsFile.DEFENSE_PARAM))
                .forEach((k, g) -> points.add(new Point(g.get(0).param(ResultsFile.DEFENSE),
                        g.get(0).defenseParam(), Slice.summarize(g, leak), Slice.summarize(g, Metric.ACCURACY))));
        String title = "Privacy–utility frontier" + (attack.isBlank() ? "" : " (" + attack + ")");
        XYChart chart = ChartStyle.xy(title, "leakage: " + leak.label() + " (lower is better)",
                "test accuracy (higher is better)");

        List<Point> front = paretoFront(points);
        if (front.size() >= 2) {
            XYSeries s = chart.addSeries("Pareto front", front.stream().mapToDouble(p -> p.leak().mean()).toArray(),
                    front.stream().mapToDouble(p -> p.acc().mean()).toArray());
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(ChartStyle.FRONT);
            s.setLineStyle(SeriesLines.SOLID);
            s.setLineWidth(6f);
        }
        int i = 0;
        boolean multiSeed = points.stream().anyMatch(p -> p.acc().n() > 1);
        Map<String, List<Point>> families = new java.util.LinkedHashMap<>();
        for (Point p : points) {
            families.computeIfAbsent(p.defense(), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, List<Point>> fam : families.entrySet()) {
            if (Defenses.isNone(fam.getKey())) {
                continue;
            }
            List<Point> ps = fam.getValue().stream().sorted(Comparator.comparingDouble(Point::param)).toList();
            XYSeries s = addSeries(chart, fam.getKey(), ps, multiSeed);
            ChartStyle.styleSeries(s, i++);
        }
        for (Point p : families.getOrDefault(Defenses.NONE, List.of())) {
            XYSeries s = addSeries(chart, "no defense", List.of(p), multiSeed);
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setMarkerColor(ChartStyle.REFERENCE);
            s.setLineColor(ChartStyle.REFERENCE);
            s.setLineStyle(SeriesLines.NONE);
        }
        chart.getStyler().setMarkerSize(8);
        label(chart, points);
        // Room on the right for the label of the most leaky point.
        double xLo = points.stream().mapToDouble(p -> p.leak().mean()).min().orElse(0);
        double xHi = points.stream().mapToDouble(p -> p.leak().mean()).max().orElse(1);
        double pad = Math.max(xHi - xLo, Math.abs(xHi) * 0.05 + 1e-9);
        chart.getStyler().setXAxisMin(xLo - 0.04 * pad);
        chart.getStyler().setXAxisMax(xHi + 0.12 * pad);
        ChartStyle.padY(chart, points.stream().mapToDouble(p -> p.acc().mean() - p.acc().std()).min().orElse(0),
                points.stream().mapToDouble(p -> p.acc().mean() + p.acc().std()).max().orElse(1), false);
        String caption = "Privacy–utility frontier for attack " + (attack.isBlank() ? "?" : attack) + ": "
                + leak.label() + " against test accuracy; one line per defense family, points labelled by the "
                + "defense knob; black diamond = no defense; grey band = Pareto front"
                + (multiSeed ? "; means over seeds, error bars ±1 std of accuracy" : "")
                + (slice.fixed().isEmpty() ? "" : "; fixed: " + slice.describe());
        ctx.figure(chart, name, title + ", " + leak, caption);
    }

    private static XYSeries addSeries(XYChart chart, String name, List<Point> ps, boolean errors) {
        double[] x = ps.stream().mapToDouble(p -> p.leak().mean()).toArray();
        double[] y = ps.stream().mapToDouble(p -> p.acc().mean()).toArray();
        if (errors) {
            return chart.addSeries(name, x, y, ps.stream().mapToDouble(p -> p.acc().std()).toArray());
        }
        return chart.addSeries(name, x, y);
    }

    // Labels sit to the upper right of each point, in data coordinates, clear of the marker and error bar.
    // An annotation is centred on its anchor, so the x offset grows with the label's length.
    private static void label(XYChart chart, List<Point> points) {
        double yLo = points.stream().mapToDouble(p -> p.acc().mean() - p.acc().std()).min().orElse(0);
        double yHi = points.stream().mapToDouble(p -> p.acc().mean() + p.acc().std()).max().orElse(1);
        double xLo = points.stream().mapToDouble(p -> p.leak().mean()).min().orElse(0);
        double xHi = points.stream().mapToDouble(p -> p.leak().mean()).max().orElse(1);
        double dy = Math.max(yHi - yLo, 1e-9) * 0.035;
        // About 4.4 points per character at the annotation font, over a plot area of ~70% of the width.
        double perChar = Math.max(xHi - xLo, 1e-9) * 1.16 / (ChartStyle.WIDTH * 0.70) * 4.4;
        for (Point p : points) {
            String text = Defenses.isNone(p.defense()) ? "" : Defenses.label(p.defense(), p.param());
            if (!text.isEmpty()) {
                double dx = (text.length() / 2.0 + 2.0) * perChar;
                chart.addAnnotation(new AnnotationText(text, p.leak().mean() + dx, p.acc().mean() + dy, false));
            }
        }
    }

    /** Points no other point beats on both leakage (lower) and accuracy (higher), by increasing leakage. */
    static List<Point> paretoFront(List<Point> points) {
        List<Point> front = new ArrayList<>();
        for (Point p : points) {
            boolean dominated = points.stream().anyMatch(q -> q != p
                    && q.leak().mean() <= p.leak().mean() && q.acc().mean() >= p.acc().mean()
                    && (q.leak().mean() < p.leak().mean() || q.acc().mean() > p.acc().mean()));
            if (!dominated) {
                front.add(p);
            }
        }
        front.sort(Comparator.comparingDouble(p -> p.leak().mean()));
        return front;
    }
}
