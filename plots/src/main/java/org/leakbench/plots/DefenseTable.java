package org.leakbench.plots;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;

/**
 * The paper table: one row per defense point, on the same slice as the frontier, with the leakage of the
 * strongest attack for each leakage metric (maximum over attacks per seed, then mean ± std over seeds), the
 * accuracy (and perplexity, for text), the per-round costs and ε. The best value of each column for the defender is bold; the header
 * arrows say which direction is best. Attack rows that diverged, failed or timed out are counted in a "not
 * measured" column (shown when there are any), and their seeds are left out of the leakage (see
 * {@link DefensePoints}); a point no seed measured is listed with "–". One table per data set and model when they vary.
 */
final class DefenseTable {
    private static final List<Metric> LEAKS = FrontierFigures.LEAKAGE;
    private static final List<Metric> AFTER =
            List.of(Metric.ACCURACY, Metric.PERPLEXITY, Metric.BYTES_UP, Metric.DEFENSE_MS, Metric.EPSILON);

    private DefenseTable() {}

    static void render(RunContext ctx) throws IOException {
        List<ResultRow> rows = ctx.results.okRows().stream()
                .filter(r -> r.metric(Metric.ACCURACY).isPresent())
                .toList();
        if (rows.isEmpty()) {
            ctx.skip("table defenses", "no ok row measured accuracy");
            return;
        }
        for (Map.Entry<String, List<ResultRow>> split : Splits.bySetting(rows).entrySet()) {
            DefensePoints first = LEAKS.stream()
                    .map(m -> DefensePoints.of(ctx.results, split.getValue(), m))
                    .filter(d -> !d.points().isEmpty())
                    .findFirst()
                    .orElse(null);
            TextTable t = build(ctx.results, split.getValue(), VictimValues.near(ctx.results));
            String name = "defenses" + split.getKey();
            if (t == null) {
                ctx.skip("table " + name, "no defense point measured a leakage metric and accuracy");
                continue;
            }
            String setting = Splits.describe(split.getKey(), split.getValue());
            boolean pooled = t != null && t.header().contains(ResultsTables.VICTIMS);
            String caption = (pooled ? VICTIM_CAPTION : "")
                    + "Defenses against the strongest attack" + (setting.isEmpty() ? "" : " (" + setting + ")")
                    + (pooled ? ": other leakage columns are" : ": leakage is")
                    + " the maximum over attacks per seed (oracle and random guess excluded), then "
                    + "mean ± std over seeds; bold = best for the defender (↓ lower is better, ↑ higher is "
                    + "better); upload and defense time are per client and round; accuracy and cost come from "
                    + "the rows of the first leakage column"
                    + (t.header().contains("not measured")
                            ? "; not measured = attack rows that diverged, failed or "
                                    + "timed out: the strongest attack's leakage is unknown there, so their seeds are left out"
                            : "")
                    + (first == null || first.slice().fixed().isEmpty()
                            ? ""
                            : "; fixed: " + first.slice().describe())
                    + ". " + ctx.provenance.captionTag() + ".";
            String label = "tab:" + name + "-" + ctx.provenance.runId().replaceAll("[^A-Za-z0-9-]", "");
            ctx.table(FigureWriter.writeText(ctx.tablesDir.resolve(name + ".tex"), t.latex(caption, label)));
            ctx.table(FigureWriter.writeText(ctx.tablesDir.resolve(name + ".md"), t.markdown(caption)));
        }
    }

    /** The table for {@code rows}, or null when no defense point has a leakage value. */
    static final String VICTIM_CAPTION = "PSNR and SSIM: for every victim the strongest attack's value, then the "
            + "mean over the victims of every seed with its 95 % percentile-bootstrap interval [low, high] (2000 "
            + "resamples, fixed seed); victims×seeds = victims per seed × seeds pooled; n.s. = not significantly "
            + "different from no defense (the 95 % bootstrap interval of the mean difference, paired by victim, "
            + "contains 0). ";

    static TextTable build(ResultsFile results, List<ResultRow> rows) {
        return build(results, rows, VictimValues.none());
    }

    static TextTable build(ResultsFile results, List<ResultRow> rows, VictimValues victims) {
        Map<String, Map<Metric, Summary>> cells = new LinkedHashMap<>();
        Map<String, String[]> names = new LinkedHashMap<>();
        Map<String, Integer> notMeasured = new LinkedHashMap<>();
        Map<String, Map<Metric, Map<String, Double>>> pooled = new LinkedHashMap<>();
        List<Metric> leaks = new ArrayList<>();
        for (Metric leak : LEAKS) {
            DefensePoints dp = DefensePoints.of(results, rows, leak);
            if (dp.points().isEmpty()) {
                continue;
            }
            leaks.add(leak);
            if (VictimCells.POOLED.contains(leak)) {
                strongestPerVictim(dp, leak, victims)
                        .forEach((k, v) -> pooled.computeIfAbsent(k, x -> new LinkedHashMap<>())
                                .put(leak, v));
            }
            List<DefensePoints.Point> ordered = new ArrayList<>(dp.undefended());
            dp.families().values().forEach(ordered::addAll);
            ordered.addAll(dp.unmeasured());
            for (DefensePoints.Point p : ordered) {
                String key = p.defense() + "\u0000" + Numbers.compact(p.param());
                names.putIfAbsent(key, new String[] {
                    Defenses.isNone(p.defense()) ? "none" : p.defense(),
                    Defenses.hasKnob(p.defense()) ? Defenses.label(p.defense(), p.param()) : "–"
                });
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
        for (Map.Entry<String, List<ResultRow>> g : Slice.group(
                        rows, r -> r.param(ResultColumns.DEFENSE) + "\u0000" + Numbers.compact(r.defenseParam()))
                .entrySet()) {
            if (cells.containsKey(g.getKey())) {
                Summary eps = Slice.summarize(g.getValue(), Metric.EPSILON);
                if (eps.present()) {
                    cells.get(g.getKey()).put(Metric.EPSILON, eps);
                }
            }
        }
        String noneKey = cells.keySet().stream()
                .filter(k -> Defenses.isNone(k.substring(0, k.indexOf('\u0000'))))
                .findFirst()
                .orElse(null);
        for (Map.Entry<String, Map<Metric, Map<String, Double>>> e : pooled.entrySet()) {
            e.getValue().forEach((m, v) -> {
                VictimStatistics.Cell c = VictimStatistics.cell(v.values());
                if (cells.containsKey(e.getKey())) {
                    cells.get(e.getKey()).put(m, new Summary(c.mean(), 0, c.n()));
                }
            });
        }
        List<Metric> columns = new ArrayList<>(leaks);
        AFTER.stream()
                .filter(m -> cells.values().stream().anyMatch(c -> c.containsKey(m)))
                .forEach(columns::add);
        Map<Metric, Double> best = new LinkedHashMap<>();
        for (Metric m : columns) {
            cells.values().stream()
                    .map(c -> c.get(m))
                    .filter(s -> s != null && s.present())
                    .mapToDouble(Summary::mean)
                    .forEach(v -> best.merge(m, v, m.better() == Metric.Better.HIGHER ? Math::max : Math::min));
        }
        boolean anyMissing = notMeasured.values().stream().anyMatch(n -> n > 0);
        List<String> header = new ArrayList<>(List.of("defense", "knob", "seeds"));
        if (anyMissing) {
            header.add("not measured");
        }
        if (!pooled.isEmpty()) {
            header.add(ResultsTables.VICTIMS);
        }
        columns.forEach(m -> header.add(title(m) + (m.better() == Metric.Better.HIGHER ? " ↑" : " ↓")));
        List<List<TextTable.Cell>> out = new ArrayList<>();
        for (Map.Entry<String, Map<Metric, Summary>> e : cells.entrySet()) {
            List<TextTable.Cell> row = new ArrayList<>();
            row.add(TextTable.Cell.of(names.get(e.getKey())[0]));
            row.add(TextTable.Cell.of(names.get(e.getKey())[1]));
            Summary acc = e.getValue().get(Metric.ACCURACY);
            int seeds = acc == null ? 0 : acc.n();
            row.add(TextTable.Cell.of(Integer.toString(seeds)));
            if (anyMissing) {
                row.add(TextTable.Cell.of(Integer.toString(notMeasured.getOrDefault(e.getKey(), 0))));
            }
            Map<Metric, Map<String, Double>> victimValues = pooled.getOrDefault(e.getKey(), Map.of());
            if (!pooled.isEmpty()) {
                int n = victimValues.values().stream().mapToInt(Map::size).max().orElse(0);
                row.add(TextTable.Cell.of(
                        n == 0 || seeds == 0 ? "–" : n % seeds == 0 ? n / seeds + "×" + seeds : n + "×1"));
            }
            for (Metric m : columns) {
                Summary s = e.getValue().get(m);
                boolean present = s != null && s.present();
                String text = !present
                        ? "–"
                        : victimValues.containsKey(m)
                                ? pooledText(
                                        victimValues.get(m),
                                        noneKey == null || noneKey.equals(e.getKey())
                                                ? null
                                                : pooled.getOrDefault(noneKey, Map.of())
                                                        .get(m))
                                : ResultsTables.cell(s);
                row.add(new TextTable.Cell(text, present && s.mean() == best.get(m)));
            }
            out.add(row);
        }
        return new TextTable(header, out);
    }

    /**
     * For each defense point (key as in the table), the strongest attack's {@code leak} per victim: the maximum
     * over the non-baseline attacks' rows of that victim (same seed and test batch), like the per-seed maximum.
     */
    static Map<String, Map<String, Double>> strongestPerVictim(DefensePoints dp, Metric leak, VictimValues victims) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (ResultRow r : dp.slice().rows()) {
            if (DefensePoints.baseline(r.param(ResultColumns.ATTACK)) || !victims.has(r)) {
                continue;
            }
            String key = r.param(ResultColumns.DEFENSE) + "\u0000" + Numbers.compact(r.defenseParam());
            victims.values(List.of(r), leak)
                    .forEach((victim, v) ->
                            out.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(victim, v, Math::max));
        }
        return out;
    }

    private static String pooledText(Map<String, Double> values, Map<String, Double> undefended) {
        VictimStatistics.Cell c = VictimStatistics.cell(values.values());
        String text = Numbers.format(c.mean())
                + (c.hasInterval()
                        ? " [" + Numbers.formatLike(c.low(), c.mean()) + ", " + Numbers.formatLike(c.high(), c.mean())
                                + "]"
                        : "");
        return undefended != null && !VictimStatistics.differs(values, undefended) ? text + " n.s." : text;
    }

    private static String title(Metric m) {
        return switch (m) {
            case PSNR -> "PSNR (dB)";
            case SSIM -> "SSIM";
            case MIA_AUC -> "MIA AUC";
            case ACCURACY -> "accuracy";
            case PERPLEXITY -> "perplexity";
            case BYTES_UP -> "upload (B)";
            case DEFENSE_MS -> "defense (ms)";
            case EPSILON -> "ε";
            default -> m.column();
        };
    }
}
