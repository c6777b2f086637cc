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
import org.leakbench.results.RunLayout;

/**
 * ε of each accountant (RDP, PRV, PLD, GDP) against the number of steps, one line per accountant and DP setting
 * (σ, q) of the run, from {@code epsilon-steps.csv}; and a table of the four at the run's own steps with PRV's
 * bracket. Log-log: both axes span decades. GDP is a central-limit approximation, not a bound, which the caption
 * says.
 */
final class AccountantFigure {
    static final String NAME = "epsilon-vs-steps";
    static final List<String> ACCOUNTANTS = List.of("rdp", "prv", "pld", "gdp");

    private AccountantFigure() {}

    static void render(RunContext ctx) throws IOException {
        Path file = ctx.runDir.resolve(RunLayout.EPSILON_STEPS);
        if (!Files.isRegularFile(file)) {
            ctx.skip("figure " + NAME, "no " + RunLayout.EPSILON_STEPS + " (the run has no DP-SGD or DP-FedAvg point)");
            return;
        }
        CsvTable t =
                CsvTable.read(file, List.of("accountant", "sigma", "sample_rate", "steps", "epsilon", "run_steps"));
        // setting "σ=…, q=…" -> accountant -> points
        Map<String, Map<String, List<XYSeriesData.XY>>> bySetting = new LinkedHashMap<>();
        Map<String, Map<String, String>> atRun = new LinkedHashMap<>();
        java.util.Set<String> common = new java.util.HashSet<>();
        for (Map<String, String> row : t.rows()) {
            String setting =
                    "σ=" + row.get("sigma") + ", q=" + row.get("sample_rate") + ", " + row.get("run_steps") + " steps";
            common.add(row.get("sample_rate") + "," + row.get("run_steps"));
            String acc = row.get("accountant");
            double steps = t.number(row, "steps");
            double eps = t.number(row, "epsilon");
            if (Double.isFinite(eps) && eps > 0 && steps > 0) {
                bySetting
                        .computeIfAbsent(
                                setting, k -> new TreeMap<>(java.util.Comparator.comparingInt(ACCOUNTANTS::indexOf)))
                        .computeIfAbsent(acc, k -> new ArrayList<>())
                        .add(new XYSeriesData.XY(steps, new Summary(eps, 0, 1)));
            }
            if (row.get("steps").equals(row.get("run_steps"))) {
                atRun.computeIfAbsent(setting, k -> new LinkedHashMap<>()).put(acc, cell(row));
            }
        }
        if (bySetting.isEmpty()) {
            ctx.skip("figure " + NAME, "no positive epsilon in " + RunLayout.EPSILON_STEPS);
            return;
        }
        XYChart chart = ChartStyle.xy(
                "Privacy budget vs steps, by accountant", "steps (log scale)", "ε (log scale, lower is more private)");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        int i = 0;
        for (Map.Entry<String, Map<String, List<XYSeriesData.XY>>> s : bySetting.entrySet()) {
            for (Map.Entry<String, List<XYSeriesData.XY>> a : s.getValue().entrySet()) {
                List<XYSeriesData.XY> pts = a.getValue();
                pts.sort(java.util.Comparator.comparingDouble(XYSeriesData.XY::x));
                // Settings that share q and the run's steps differ only in σ: the legend names just σ.
                String setting =
                        common.size() == 1 ? s.getKey().substring(0, s.getKey().indexOf(',')) : s.getKey();
                String label = a.getKey() + (bySetting.size() > 1 ? ", " + setting : "");
                XYSeriesData.add(chart, label, pts, false, i++);
            }
        }
        String delta = t.rows().get(0).getOrDefault("delta", "");
        String first = bySetting.keySet().iterator().next();
        String settings = bySetting.size() == 1
                ? " (" + first + ")"
                : common.size() == 1 ? " (" + first.substring(first.indexOf(',') + 2) + " in the run)" : "";
        ctx.figure(
                chart,
                NAME,
                "ε vs steps by accountant",
                "Privacy budget ε at δ=" + delta + " against the number of steps of the Poisson-subsampled Gaussian"
                        + settings + ", from " + RunLayout.EPSILON_STEPS + ": RDP (upper bound), PRV and PLD "
                        + "(tight upper bounds), GDP (central-limit approximation, not a bound)");
        table(ctx, atRun, delta);
    }

    private static String cell(Map<String, String> row) {
        String eps = row.get("epsilon");
        String lower = row.getOrDefault("epsilon_lower", "");
        return lower.isBlank() ? eps : eps + " (≥ " + lower + ")";
    }

    private static void table(RunContext ctx, Map<String, Map<String, String>> atRun, String delta) throws IOException {
        List<String> header = new ArrayList<>(List.of("setting"));
        header.addAll(ACCOUNTANTS);
        List<List<TextTable.Cell>> rows = new ArrayList<>();
        atRun.forEach((setting, byAcc) -> {
            List<TextTable.Cell> r = new ArrayList<>();
            r.add(TextTable.Cell.of(setting));
            for (String a : ACCOUNTANTS) {
                r.add(TextTable.Cell.of(byAcc.getOrDefault(a, "")));
            }
            rows.add(r);
        });
        TextTable table = new TextTable(header, rows);
        String caption = "ε at δ=" + delta + " of each DP setting of the run at its own number of steps, by "
                + "accountant: RDP, PRV (with its lower bound) and PLD are upper bounds; GDP is a central-limit "
                + "approximation and may under-state ε. " + ctx.provenance.captionTag() + ".";
        ctx.table(FigureWriter.writeText(
                ctx.tablesDir.resolve("epsilon-accountants.tex"), table.latex(caption, "tab:epsilon-accountants")));
        ctx.table(FigureWriter.writeText(ctx.tablesDir.resolve("epsilon-accountants.md"), table.markdown(caption)));
    }
}
