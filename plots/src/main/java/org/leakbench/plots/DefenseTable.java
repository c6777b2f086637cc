package org.leakbench.plots;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper table: one row per defense point, on the same slice as the frontier, with the leakage of the
 * strongest attack for each leakage metric (maximum over attacks per seed, then mean ± std over seeds), the
 * accuracy, the per-round costs and ε. The best value of each column for the defender is bold; the header
 * arrows say which direction is best. Attack rows that diverged, failed or timed out are counted in a "not
 * measured" column (shown when there are any), and their seeds are left out of the leakage (see
 * {@link DefensePoints}); a point no seed measured is listed with "–". One table per data set and model when they vary.
 */
final class DefenseTable {
    private static final List<Metric> LEAKS = FrontierFigures.LEAKAGE;
    private static final List<Metric> AFTER = List.of(Metric.ACCURACY, Metric.BYTES_UP, Metric.DEFENSE_MS,
            Metric.EPSILON);

    private DefenseTable() {
    }

    static void render(RunContext ctx) throws IOException {
        List<ResultRow> rows = ctx.results.okRows().stream().filter(r -> r.metric(Metric.ACCURACY).isPresent())
                .toList();
        if (rows.isEmpty()) {
            ctx.skip("table defenses", "no ok row measured accuracy");
            return;
        }
        for (Map.Entry<String, List<ResultRow>> split : Splits.bySetting(rows).entrySet()) {
            DefensePoints first = LEAKS.stream().map(m -> DefensePoints.of(ctx.results, split.getValue(), m))
                    .filter(d -> !d.points().isEmpty()).findFirst().orElse(null);
            TextTable t = build(ctx.results, split.getValue());
            String name = "defenses" + split.getKey();
            if (t == null) {
                ctx.skip("table " + name, "no defense point measured a leakage metric and accuracy");
                continue;
            }
            String setting = Splits.describe(split.getKey(), split.getValue());
            String caption = "Defenses against the strongest attack" + (setting.isEmpty() ? "" : " (" + setting + ")")
                    + ": leakage is the maximum over attacks per seed (oracle and random guess excluded), then "
                    + "mean ± std over seeds; bold = best for the defender (↓ lower is better, ↑ higher is "
                    + "better); upload and defense time are per client and round; accuracy and cost come from "
                    + "the rows of the first leakage column"
                    + (t.header().contains("not measured") ? "; not measured = attack rows that diverged, failed or "
                    + "timed out: the strongest attack's leakage is unknown there, so their seeds are left out" : "")
                    + (first == null || first.slice().fixed().isEmpty() ? "" : "; fixed: " + first.slice().describe())
                    + ". " + ctx.provenance.captionTag() + ".";
            String label = "tab:" + name + "-" + ctx.provenance.runId().replaceAll("[^A-Za-z0-9-]", "");
            ctx.table(FigureWriter.writeText(ctx.tablesDir.resolve(name + ".tex"), t.latex(caption, label)));
            ctx.table(FigureWriter.writeText(ctx.tablesDir.resolve(name + ".md"), t.markdown(caption)));
        }
    }

    /** The table for {@code rows}, or null when no defense point has a leakage value. */
    static TextTable build(ResultsFile results, List<ResultRow> rows) {
        Map<String, Map<Metric, Summary>> cells = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        Map<String, Integer> notMeasured = new LinkedHashMap<>();
        List<Metric> leaks = new ArrayList<>();
        for (Metric leak : LEAKS) {
            DefensePoints dp = DefensePoints.of(results, rows, leak);
            if (dp.points().isEmpty()) {
                continue;
            }
            leaks.add(leak);
            List<DefensePoints.Point> ordered = new ArrayList<>(dp.undefended());
            dp.families().values().forEach(ordered::addAll);
            ordered.addAll(dp.unmeasured());
            for (DefensePoints.Point p : ordered) {
                String key = p.defense() + "\u0000" + Numbers.compact(p.param());
                names.putIfAbsent(key, new String[] {Defenses.isNone(p.defense()) ? "none" : p.defense(),
                        Defenses.hasKnob(p.defense()) ? Defenses.label(p.defense(), p.param()) : "–"});
                notMeasured.merge(key, p.notMeasured(), Math::max);
                Map<Metric, Summary> m = cells.computeIfAbsent(key, k -> new LinkedHashMap<>());
                if (p.leak().present()) {
                    m.put(leak, p.leak());
                    m.putIfAbsent(Metric.ACCURACY, p.acc());
                    p.costs().forEach(m::putIfAbsent);
                }
            }
        }
        if (leaks.isEmpty()) {
            return null;
        }
        // ε does not depend on the attack either: the mean over the defense point's rows.
        for (Map.Entry<String, List<ResultRow>> g : Slice.group(rows, r -> r.param(ResultsFile.DEFENSE) + "\u0000"
                + Numbers.compact(r.defenseParam())).entrySet()) {
            if (cells.containsKey(g.getKey())) {
                Summary eps = Slice.summarize(g.getValue(), Metric.EPSILON);
                if (eps.present()) {
                    cells.get(g.getKey()).put(Metric.EPSILON, eps);
                }
            }
        }
        List<Metric> columns = new ArrayList<>(leaks);
        AFTER.stream().filter(m -> cells.values().stream().anyMatch(c -> c.containsKey(m))).forEach(columns::add);
        Map<Metric, Double> best = new LinkedHashMap<>();
        for (Metric m : columns) {
            cells.values().stream().map(c -> c.get(m)).filter(s -> s != null && s.present())
                    .mapToDouble(Summary::mean).forEach(v -> best.merge(m, v,
                            m.better() == Metric.Better.HIGHER ? Math::max : Math::min));
        }
        boolean anyMissing = notMeasured.values().stream().anyMatch(n -> n > 0);
        List<String> header = new ArrayList<>(List.of("defense", "knob", "seeds"));
        if (anyMissing) {
            header.add("not measured");
        }
        columns.forEach(m -> header.add(title(m) + (m.better() == Metric.Better.HIGHER ? " ↑" : " ↓")));
        List<List<TextTable.Cell>> out = new ArrayList<>();
        for (Map.Entry<String, Map<Metric, Summary>> e : cells.entrySet()) {
            List<TextTable.Cell> row = new ArrayList<>();
            row.add(TextTable.Cell.of(names.get(e.getKey())[0]));
            row.add(TextTable.Cell.of(names.get(e.getKey())[1]));
            Summary acc = e.getValue().get(Metric.ACCURACY);
            row.add(TextTable.Cell.of(Integer.toString(acc == null ? 0 : acc.n())));
            if (anyMissing) {
                row.add(TextTable.Cell.of(Integer.toString(notMeasured.getOrDefault(e.getKey(), 0))));
            }
            for (Metric m : columns) {
                Summary s = e.getValue().get(m);
                boolean present = s != null && s.present();
                row.add(new TextTable.Cell(present ? ResultsTables.cell(s) : "–",
                        present && s.mean() == best.get(m)));
            }
            out.add(row);
        }
        return new TextTable(header, out);
    }

    private static String title(Metric m) {
        return switch (m) {
            case PSNR -> "PSNR (dB)";
            case SSIM -> "SSIM";
            case MIA_AUC -> "MIA AUC";
            case ACCURACY -> "accuracy";
            case BYTES_UP -> "upload (B)";
            case DEFENSE_MS -> "defense (ms)";
            case EPSILON -> "ε";
            default -> m.column();
        };
    }
}
