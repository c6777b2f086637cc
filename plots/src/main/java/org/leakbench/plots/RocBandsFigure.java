package org.leakbench.plots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.leakbench.results.RunLayout;

/**
 * Membership-inference ROC curves with their bootstrap bands on log–log axes: the curve's TPR on a log-spaced
 * FPR grid (solid) between the ends of its 95% percentile interval (dotted, same colour), from resampling the
 * candidates. A band that reaches the bottom of the plot means the lower end is 0 there: with the candidates
 * at hand the attack cannot be shown to beat chance at that FPR. Several seeds of one curve are averaged.
 */
final class RocBandsFigure {
    private static final int MAX_CURVES = 6;
    /** Where a TPR of 0 is drawn on the log axis. */
    private static final double FLOOR = 1e-4;

    private RocBandsFigure() {}

    static void render(RunContext ctx) throws IOException {
        Path file = ctx.runDir.resolve(RunLayout.ROC_BANDS);
        if (!Files.isRegularFile(file)) {
            ctx.skip("figure roc-bands", "no " + RunLayout.ROC_BANDS + " in the run folder");
            return;
        }
        CsvTable t = CsvTable.read(file, List.of("fpr", "tpr", "tpr_low", "tpr_high"));
        // label -> fpr -> sums of (tpr, low, high) and a count
        Map<String, TreeMap<Double, double[]>> curves = new LinkedHashMap<>();
        for (Map<String, String> row : t.rows()) {
            double fpr = t.number(row, "fpr");
            double[] v = {t.number(row, "tpr"), t.number(row, "tpr_low"), t.number(row, "tpr_high")};
            if (!(fpr > 0) || Double.isNaN(v[0]) || Double.isNaN(v[1]) || Double.isNaN(v[2])) {
                continue;
            }
            String defense = row.getOrDefault("defense", "");
            String label = row.getOrDefault("attack", "") + ", "
                    + (Defenses.isNone(defense)
                            ? "no defense"
                            : defense + " "
                                    + Defenses.label(
                                            defense, Numbers.parseOrNaN(row.getOrDefault("defense_param", ""))));
            double[] sum = curves.computeIfAbsent(label, k -> new TreeMap<>()).computeIfAbsent(fpr, k -> new double[4]);
            for (int i = 0; i < 3; i++) {
                sum[i] += v[i];
            }
            sum[3]++;
        }
        if (curves.isEmpty()) {
            ctx.skip("figure roc-bands", RunLayout.ROC_BANDS + " has no rows with numeric fpr and tpr bands");
            return;
        }
        XYChart chart = ChartStyle.xy(
                "Membership inference ROC, 95% bootstrap bands",
                "false-positive rate (log scale)", "true-positive rate (log scale)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setPlotGridLinesVisible(false);
        double lo =
                curves.values().stream().mapToDouble(TreeMap::firstKey).min().orElse(FLOOR);
        XYSeries chance = chart.addSeries("chance (TPR = FPR)", new double[] {lo, 1}, new double[] {lo, 1});
        chance.setMarker(SeriesMarkers.NONE);
        chance.setLineColor(ChartStyle.FRONT);
        chance.setLineStyle(SeriesLines.DASH_DASH);
        int i = 0;
        for (Map.Entry<String, TreeMap<Double, double[]>> e : curves.entrySet()) {
            if (i == MAX_CURVES) {
                break;
            }
            List<Double> x = new ArrayList<>();
            List<List<Double>> y = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (Map.Entry<Double, double[]> p : e.getValue().entrySet()) {
                x.add(p.getKey());
                for (int k = 0; k < 3; k++) {
                    y.get(k).add(Math.max(FLOOR, p.getValue()[k] / p.getValue()[3]));
                }
            }
            XYSeries curve = chart.addSeries(e.getKey(), x, y.get(0));
            ChartStyle.styleSeries(curve, i);
            for (int k = 1; k < 3; k++) {
                XYSeries band = chart.addSeries(e.getKey() + (k == 1 ? " low" : " high"), x, y.get(k));
                band.setMarker(SeriesMarkers.NONE);
                band.setLineColor(ChartStyle.color(i));
                band.setLineStyle(SeriesLines.DOT_DOT);
                band.setLineWidth(0.8f); // thinner than any curve, so a band never reads as a curve
                band.setShowInLegend(false);
            }
            i++;
        }
        String more = curves.size() > MAX_CURVES ? "; first " + MAX_CURVES + " of " + curves.size() + " curves" : "";
        ctx.figure(
                chart,
                "roc-bands",
                "Membership ROC with bootstrap bands",
                "Membership-inference ROC curves (solid) with 95% bootstrap bands over the candidates (dotted), "
                        + "log–log axes, grey dashed = chance; a TPR of 0 is drawn at " + FLOOR + more);
    }
}
