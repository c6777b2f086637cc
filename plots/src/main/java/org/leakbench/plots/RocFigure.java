package org.leakbench.plots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.leakbench.results.ResultColumns;
import org.leakbench.results.RunLayout;

/**
 * Membership-inference ROC curves on log–log axes with the chance diagonal, as Carlini et al. (2022, "Membership
 * Inference Attacks From First Principles") recommend: what matters is the TPR at low FPR. One curve per
 * (attack, defense, knob); curves of several seeds are averaged on a common log-spaced FPR grid.
 */
final class RocFigure {
    private static final int MAX_CURVES = 8;
    private static final int GRID = 25;

    private RocFigure() {}

    static void render(RunContext ctx) throws IOException {
        Path file = ctx.runDir.resolve(RunLayout.ROC);
        if (!Files.isRegularFile(file)) {
            ctx.skip("figure roc", "no " + RunLayout.ROC + " in the run folder");
            return;
        }
        CsvTable t = CsvTable.read(file, List.of("fpr", "tpr"));
        Map<String, Map<String, List<double[]>>> curves = new LinkedHashMap<>();
        double minFpr = 1;
        for (Map<String, String> row : t.rows()) {
            double fpr = t.number(row, "fpr");
            double tpr = t.number(row, "tpr");
            if (Double.isNaN(fpr) || Double.isNaN(tpr)) {
                continue;
            }
            String defense = row.getOrDefault("defense", "");
            String label = (row.getOrDefault("attack", "").isBlank() ? "" : row.get("attack") + ", ")
                    + (Defenses.isNone(defense)
                            ? "no defense"
                            : defense + " "
                                    + Defenses.label(
                                            defense, Numbers.parseOrNaN(row.getOrDefault("defense_param", ""))));
            String run = row.getOrDefault(ResultColumns.POINT_ID, "") + "/" + row.getOrDefault(ResultColumns.SEED, "");
            curves.computeIfAbsent(label.strip(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(run, k -> new ArrayList<>())
                    .add(new double[] {fpr, tpr});
            if (fpr > 0) {
                minFpr = Math.min(minFpr, fpr);
            }
        }
        if (curves.isEmpty()) {
            ctx.skip("figure roc", RunLayout.ROC + " has no rows with numeric fpr and tpr");
            return;
        }
        double lo = Math.max(minFpr, 1e-5);
        double[] grid = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            grid[i] = lo * Math.pow(1 / lo, i / (double) (GRID - 1));
        }
        XYChart chart = ChartStyle.xy(
                "Membership inference ROC", "false-positive rate (log scale)", "true-positive rate (log scale)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setPlotGridLinesVisible(false);
        XYSeries chance = chart.addSeries("chance (TPR = FPR)", new double[] {lo, 1}, new double[] {lo, 1});
        chance.setMarker(SeriesMarkers.NONE);
        chance.setLineColor(ChartStyle.FRONT);
        chance.setLineStyle(SeriesLines.DASH_DASH);
        int i = 0;
        for (Map.Entry<String, Map<String, List<double[]>>> e : curves.entrySet()) {
            if (i == MAX_CURVES) {
                break;
            }
            double[] mean = averaged(e.getValue().values(), grid);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int k = 0; k < grid.length; k++) {
                if (mean[k] > 0) {
                    xs.add(grid[k]);
                    ys.add(mean[k]);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(e.getKey(), xs, ys);
            ChartStyle.styleSeries(s, i++);
        }
        String more = curves.size() > MAX_CURVES ? "; first " + MAX_CURVES + " of " + curves.size() + " curves" : "";
        ctx.figure(
                chart,
                "roc",
                "Membership ROC",
                "Membership-inference ROC curves on log–log axes (grey dashed = chance); curves averaged over "
                        + "seeds on a common FPR grid" + more);
    }

    /** Mean over curves of TPR linearly interpolated at each grid FPR. */
    private static double[] averaged(Iterable<List<double[]>> runs, double[] grid) {
        double[] sum = new double[grid.length];
        int n = 0;
        for (List<double[]> pts : runs) {
            List<double[]> sorted = new ArrayList<>(pts);
            sorted.sort(Comparator.comparingDouble((double[] p) -> p[0]).thenComparingDouble(p -> p[1]));
            for (int k = 0; k < grid.length; k++) {
                sum[k] += interpolate(sorted, grid[k]);
            }
            n++;
        }
        for (int k = 0; k < grid.length; k++) {
            sum[k] /= n;
        }
        return sum;
    }

    private static double interpolate(List<double[]> pts, double fpr) {
        double[] prev = {0, 0};
        for (double[] p : pts) {
            if (p[0] >= fpr) {
                if (p[0] == prev[0]) {
                    return p[1];
                }
                double w = (fpr - prev[0]) / (p[0] - prev[0]);
                return prev[1] + w * (p[1] - prev[1]);
            }
            prev = p;
        }
        return 1.0;
    }
}
