package org.leakbench.plots;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;

/**
 * The privacy–utility–cost page, one per leakage metric (PSNR, SSIM, membership AUC). The large panel is the
 * frontier: leakage of the strongest attack (x) against test accuracy (y), one line per defense family through
 * its points in knob order, every point labelled with its knob, the undefended point as a black diamond, the
 * Pareto-optimal points ringed and joined by a thick grey line, and the random guess as a dotted floor. Two
 * small panels beside it put the per-round cost of the same points (bytes uploaded, time spent defending the
 * update) on the same leakage axis, with the same markers and labels, so a point is found at the same x in all
 * three panels.
 */
final class FrontierFigures {
    static final List<Metric> LEAKAGE = List.of(Metric.PSNR, Metric.SSIM, Metric.MIA_AUC);
    static final int SMALL_W = 400;
    static final int SMALL_H = ChartStyle.HEIGHT / 2;

    private FrontierFigures() {}

    static void render(RunContext ctx) throws IOException {
        if (!ctx.results.has(Metric.ACCURACY)) {
            ctx.skip("figure privacy–utility frontier", "no ok row of results.csv measured accuracy");
            return;
        }
        for (Metric leak : LEAKAGE) {
            List<ResultRow> eligible = DefensePoints.eligible(ctx.results.okRows(), leak);
            if (eligible.isEmpty()) {
                ctx.skip("figure frontier-" + leak, "no ok row measured both " + leak + " and accuracy");
                continue;
            }
            for (Map.Entry<String, List<ResultRow>> split :
                    Splits.bySetting(eligible).entrySet()) {
                String name = "frontier-" + leak + split.getKey();
                DefensePoints perSeed = DefensePoints.of(ctx.results, split.getValue(), leak);
                VictimValues victims = VictimValues.near(ctx.results);
                boolean pooled = poolable(perSeed, victims);
                DefensePoints dp = pooled ? pooledByVictim(perSeed, leak, victims) : perSeed;
                if (dp.points().isEmpty()) {
                    ctx.skip(
                            "figure " + name,
                            "no ok row of a real attack (not oracle or random) measured both " + leak
                                    + " and accuracy");
                    continue;
                }
                if (dp.points().size() < 2) {
                    ctx.skip("figure " + name, "only one defense point measured " + leak + ", no frontier to draw");
                    continue;
                }
                renderOne(
                        ctx,
                        leak,
                        dp,
                        pooled,
                        name,
                        Splits.describe(split.getKey(), split.getValue()),
                        pooled ? notSignificant(perSeed, leak, victims) : List.of());
            }
        }
    }

    private static void renderOne(
            RunContext ctx,
            Metric leak,
            DefensePoints dp,
            boolean pooled,
            String name,
            String setting,
            List<String> notSignificant)
            throws IOException {
        double[] xRange = xRange(dp);
        XYChart frontier = ChartStyle.xy(
                "Privacy–utility frontier" + (setting.isEmpty() ? "" : ", " + setting),
                "leakage of the strongest of " + String.join(", ", dp.attacks()) + ": " + leak.label()
                        + " (lower is better)",
                "test accuracy (higher is better)");
        List<PointLabels.Label> labels = new ArrayList<>();
        List<DefensePoints.Point> front = DefensePoints.paretoFront(dp.points());
        if (front.size() >= 2) {
            XYSeries s = frontier.addSeries(
                    "Pareto front",
                    front.stream().mapToDouble(p -> p.leak().mean()).toArray(),
                    front.stream().mapToDouble(p -> p.acc().mean()).toArray());
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(ChartStyle.FRONT);
            s.setLineStyle(SeriesLines.SOLID);
            s.setLineWidth(6f);
        }
        double[] yRange = addPoints(ctx.results, frontier, dp, DefensePoints.Point::acc, true, labels, front);
        frontier.getStyler().setXAxisMin(xRange[0]);
        frontier.getStyler().setXAxisMax(xRange[1]);
        ChartStyle.padY(frontier, yRange[0], yRange[1], false);
        addFloor(frontier, dp);

        List<Drawing.Placed> placed = new ArrayList<>();
        placed.add(new Drawing.Placed(new Drawing.Panel(frontier, PointLabels.overlay(labels)), 0, 0));
        List<String> costNotes = new ArrayList<>();
        int y = 0;
        for (Metric cost : DefensePoints.COSTS) {
            if (dp.points().stream().noneMatch(p -> p.cost(cost).present())) {
                costNotes.add(cost + " not measured");
                continue;
            }
            List<PointLabels.Label> costLabels = new ArrayList<>();
            XYChart c = costPanel(ctx.results, dp, leak, cost, xRange, costLabels);
            placed.add(new Drawing.Placed(
                    new Drawing.Panel(c, PointLabels.sparseOverlay(costLabels)), ChartStyle.WIDTH, y));
            y += SMALL_H;
        }
        int width = ChartStyle.WIDTH + (y > 0 ? SMALL_W : 0);
        String caption = caption(leak, dp, pooled, setting, y > 0, costNotes)
                + (notSignificant.isEmpty()
                        ? ""
                        : " Not significantly different from no defense (the 95 % "
                                + "bootstrap interval of the mean difference, paired by victim, contains 0): "
                                + String.join(", ", notSignificant) + ".");
        ctx.figure(
                Drawing.page(placed, width, ChartStyle.HEIGHT, ctx.footer()),
                name,
                "Privacy–utility–cost frontier, " + leak + (setting.isEmpty() ? "" : " (" + setting + ")"),
                caption);
    }

    /**
     * With victims.csv, each point's leakage pools victims: the strongest attack per victim, then the mean over
     * the victims of every seed, with half the 95 % bootstrap interval's width as its (horizontal) bar. Points
     * are left as they are when some row has no victims.
     */
    /**
     * Labels of the defense points whose strongest-attack leakage per victim is not significantly different
     * from no defense's, by the paired bootstrap the tables use; empty without an undefended point.
     */
    static List<String> notSignificant(DefensePoints dp, Metric leak, VictimValues victims) {
        Map<String, Map<String, Double>> strongest = DefenseTable.strongestPerVictim(dp, leak, victims);
        Map<String, Double> none = dp.undefended().stream()
                .map(p -> strongest.get(p.defense() + "\u0000" + Numbers.compact(p.param())))
                .filter(v -> v != null && !v.isEmpty())
                .findFirst()
                .orElse(null);
        List<String> out = new ArrayList<>();
        if (none == null) {
            return out;
        }
        for (DefensePoints.Point p : dp.points()) {
            Map<String, Double> v = strongest.get(p.defense() + "\u0000" + Numbers.compact(p.param()));
            if (!Defenses.isNone(p.defense()) && v != null && !v.isEmpty() && !VictimStatistics.differs(v, none)) {
                out.add(Defenses.hasKnob(p.defense()) ? p.defense() + " " + p.label() : p.label());
            }
        }
        return out;
    }

    /** Whether every row of a real attack in {@code dp} names its victim, so leakage can be pooled per victim. */
    private static boolean poolable(DefensePoints dp, VictimValues victims) {
        List<ResultRow> attacks = dp.slice().rows().stream()
                .filter(r -> !DefensePoints.baseline(r.param(ResultColumns.ATTACK)))
                .toList();
        return !attacks.isEmpty() && attacks.stream().allMatch(victims::has);
    }

    static DefensePoints pooledByVictim(DefensePoints dp, Metric leak, VictimValues victims) {
        if (!poolable(dp, victims)) {
            return dp;
        }
        Map<String, Map<String, Double>> strongest = DefenseTable.strongestPerVictim(dp, leak, victims);
        List<DefensePoints.Point> points = new ArrayList<>();
        for (DefensePoints.Point p : dp.points()) {
            Map<String, Double> v = strongest.get(p.defense() + "\u0000" + Numbers.compact(p.param()));
            if (v == null || v.isEmpty()) {
                points.add(p);
                continue;
            }
            VictimStatistics.Cell c = VictimStatistics.cell(v.values());
            Summary leakSummary = new Summary(c.mean(), c.hasInterval() ? (c.high() - c.low()) / 2 : 0, c.n());
            points.add(
                    new DefensePoints.Point(p.defense(), p.param(), leakSummary, p.acc(), p.costs(), p.notMeasured()));
        }
        return new DefensePoints(points, dp.floor(), dp.attacks(), dp.slice(), dp.unmeasured());
    }

    private static String caption(
            Metric leak, DefensePoints dp, boolean pooled, String setting, boolean costs, List<String> costNotes) {
        boolean multiSeed = dp.points().stream().anyMatch(p -> p.acc().n() > 1);
        StringBuilder sb = new StringBuilder(setting.isEmpty() ? "" : "For " + setting + ": ");
        sb.append("Privacy, utility and cost of each defense point: ")
                .append(leak.label())
                .append(" of the strongest of ")
                .append(String.join(", ", dp.attacks()))
                .append(pooled ? " (maximum over attacks per victim)" : " (maximum over attacks per seed)")
                .append(" against test accuracy; one line per defense family, ")
                .append("points labelled by the knob; black diamond = no defense; ringed points (and the grey ")
                .append("band) = Pareto front");
        if (dp.floor().present()) {
            sb.append("; grey dash-dotted line = random guess (the floor)");
        }
        if (costs) {
            sb.append("; right: per-round upload and defense time of the same points on the same leakage axis ")
                    .append("(labels left out where points crowd)");
        }
        if (!costNotes.isEmpty()) {
            sb.append(" (").append(String.join(", ", costNotes)).append(")");
        }
        if (pooled) {
            int n = dp.points().stream().mapToInt(p -> p.leak().n()).max().orElse(0);
            long seeds = dp.points().stream().mapToInt(p -> p.acc().n()).max().orElse(0);
            sb.append("; leakage = strongest attack per victim, mean over up to ")
                    .append(n)
                    .append(" victims (victims × ")
                    .append(seeds)
                    .append(" seeds), horizontal grey bars span the 95 % ")
                    .append("percentile-bootstrap interval of the mean (half its width either side)");
            if (multiSeed) {
                sb.append("; accuracy: mean over seeds, vertical bars ±1 std");
            }
        } else if (multiSeed) {
            sb.append("; means over seeds, error bars ±1 std of accuracy (vertical) and of leakage (horizontal, ")
                    .append("grey)");
        }
        int notMeasured =
                dp.points().stream().mapToInt(DefensePoints.Point::notMeasured).sum()
                        + dp.unmeasured().stream()
                                .mapToInt(DefensePoints.Point::notMeasured)
                                .sum();
        if (notMeasured > 0) {
            sb.append("; ")
                    .append(notMeasured)
                    .append(notMeasured == 1 ? " attack row" : " attack rows")
                    .append(" diverged, failed or timed out: their seeds are left out");
            if (!dp.unmeasured().isEmpty()) {
                sb.append(", and ")
                        .append(dp.unmeasured().stream()
                                .map(DefensePoints.Point::label)
                                .toList())
                        .append(" (no seed measured) are not drawn");
            }
        }
        if (!dp.slice().fixed().isEmpty()) {
            sb.append("; fixed: ").append(dp.slice().describe());
        }
        return sb.toString();
    }

    private static XYChart costPanel(
            ResultsFile results,
            DefensePoints dp,
            Metric leak,
            Metric cost,
            double[] xRange,
            List<PointLabels.Label> labels) {
        XYChart c = ChartStyle.xy(
                "",
                "",
                cost == Metric.BYTES_UP ? "upload / round (bytes)" : "defense time / round (ms)",
                SMALL_W,
                SMALL_H);
        c.getStyler().setChartTitleVisible(false);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setAxisTitleFont(ChartStyle.TICKS);
        c.getStyler().setAxisTickLabelsFont(ChartStyle.ANNOTATION);
        c.getStyler().setMarkerSize(6);
        c.getStyler().setChartPadding(4);
        double[] yRange = addPoints(results, c, dp, p -> p.cost(cost), false, labels, List.of());
        double lo = yRange[0];
        double hi = yRange[1];
        boolean log = lo > 0 && hi / lo > 20;
        c.getStyler().setYAxisLogarithmic(log);
        if (hi >= 1e4) {
            c.getStyler().setYAxisDecimalPattern(log ? "0.#E0" : "#,##0");
        }
        c.getStyler().setXAxisMin(xRange[0]);
        c.getStyler().setXAxisMax(xRange[1]);
        ChartStyle.padY(c, lo, hi, log);
        // The cost panels are small: their x title would only repeat the frontier's.
        c.setXAxisTitle(leak.column() + " (same axis as the frontier)");
        return c;
    }

    /**
     * Adds one series per family and the undefended diamond with y from {@code y}; fills {@code labels}; returns
     * the y range covered (means ± std).
     */
    private static double[] addPoints(
            ResultsFile results,
            XYChart chart,
            DefensePoints dp,
            Function<DefensePoints.Point, Summary> y,
            boolean legend,
            List<PointLabels.Label> labels,
            List<DefensePoints.Point> front) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, List<DefensePoints.Point>> fam : dp.families().entrySet()) {
            List<DefensePoints.Point> ps =
                    fam.getValue().stream().filter(p -> y.apply(p).present()).toList();
            int style = ChartStyle.familyIndex(results, fam.getKey());
            if (ps.isEmpty()) {
                continue;
            }
            XYSeries s = series(chart, fam.getKey(), ps, y);
            ChartStyle.styleSeries(s, style);
            for (DefensePoints.Point p : ps) {
                labels.add(new PointLabels.Label(
                        p.leak().mean(),
                        y.apply(p).mean(),
                        p.label(),
                        front.contains(p),
                        ps.size() > 1 ? fam.getKey() : "",
                        legend ? p.leak().std() : 0,
                        y.apply(p).std()));
                lo = Math.min(lo, y.apply(p).mean() - y.apply(p).std());
                hi = Math.max(hi, y.apply(p).mean() + y.apply(p).std());
            }
        }
        List<DefensePoints.Point> none =
                dp.undefended().stream().filter(p -> y.apply(p).present()).toList();
        if (!none.isEmpty()) {
            XYSeries s = series(chart, "no defense", none, y);
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setMarkerColor(ChartStyle.REFERENCE);
            s.setLineColor(ChartStyle.REFERENCE);
            s.setLineStyle(SeriesLines.NONE);
            for (DefensePoints.Point p : none) {
                labels.add(new PointLabels.Label(
                        p.leak().mean(),
                        y.apply(p).mean(),
                        legend ? "" : "none",
                        front.contains(p),
                        "",
                        legend ? p.leak().std() : 0,
                        y.apply(p).std()));
                lo = Math.min(lo, y.apply(p).mean() - y.apply(p).std());
                hi = Math.max(hi, y.apply(p).mean() + y.apply(p).std());
            }
        }
        return new double[] {lo, hi};
    }

    private static XYSeries series(
            XYChart chart, String name, List<DefensePoints.Point> ps, Function<DefensePoints.Point, Summary> y) {
        double[] xs = ps.stream().mapToDouble(p -> p.leak().mean()).toArray();
        double[] ys = ps.stream().mapToDouble(p -> y.apply(p).mean()).toArray();
        if (ps.stream().anyMatch(p -> y.apply(p).n() > 1)) {
            return chart.addSeries(
                    name, xs, ys, ps.stream().mapToDouble(p -> y.apply(p).std()).toArray());
        }
        return chart.addSeries(name, xs, ys);
    }

    // A vertical line across the whole (already padded) y range.
    private static void addFloor(XYChart chart, DefensePoints dp) {
        Double y0 = chart.getStyler().getYAxisMin();
        Double y1 = chart.getStyler().getYAxisMax();
        if (!dp.floor().present() || y0 == null || y1 == null) {
            return;
        }
        double x = dp.floor().mean();
        XYSeries s = chart.addSeries("random guess", new double[] {x, x}, new double[] {y0, y1});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(ChartStyle.FRONT);
        s.setLineStyle(SeriesLines.DASH_DOT);
        s.setLineWidth(1.2f);
    }

    // Leakage range of every point, its error bar and the floor, with room on both sides for labels.
    private static double[] xRange(DefensePoints dp) {
        double lo = dp.points().stream()
                .mapToDouble(p -> p.leak().mean() - p.leak().std())
                .min()
                .orElse(0);
        double hi = dp.points().stream()
                .mapToDouble(p -> p.leak().mean() + p.leak().std())
                .max()
                .orElse(1);
        if (dp.floor().present()) {
            lo = Math.min(lo, dp.floor().mean());
            hi = Math.max(hi, dp.floor().mean());
        }
        double span = hi > lo ? hi - lo : Math.max(Math.abs(hi) * 0.1, 1e-6);
        return new double[] {lo - 0.08 * span, hi + 0.12 * span};
    }
}
