package org.leakbench.plots;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;

/**
 * The main results table: one row per (attack, defense, knob) and any other parameter that varies, with
 * mean ± std over seeds of the main metrics and, within each attack, the best value of each column in bold
 * (the defender's view: lowest leakage, cost, ε and perplexity, highest accuracy; the header arrow says which).
 * Perplexity is a column only where the run has text points that measured it. The oracle
 * and random-guess rows are brackets, not attacks, and get no bold. {@code n} counts ok seeds; {@code div.}
 * counts diverged attacks, which are attack failures and so are left out of the leakage means rather than
 * averaged in; {@code fail} counts failed and timed-out rows.
 */
final class ResultsTables {
    static final List<Metric> MAIN = List.of(
            Metric.PSNR,
            Metric.SSIM,
            Metric.MIA_AUC,
            Metric.ACCURACY,
            Metric.PERPLEXITY,
            Metric.DEFENSE_MS,
            Metric.BYTES_UP,
            Metric.EPSILON);

    private ResultsTables() {}

    static void render(RunContext ctx) throws IOException {
        List<Metric> metrics = MAIN.stream().filter(ctx.results::has).toList();
        if (metrics.isEmpty()) {
            ctx.skip("table results", "no ok row measured any of " + MAIN);
            return;
        }
        VictimValues victims = VictimValues.near(ctx.results);
        TextTable table = build(ctx.results, metrics, victims);
        String caption = (table.header().contains(VICTIMS) ? VICTIM_CAPTION : "")
                + "Mean ± std over seeds per attack and defense; within each attack the best value per "
                + "column for the defender in bold (↓ lower is better: leakage, cost, ε, perplexity; ↑ higher is "
                + "better: accuracy; oracle and random guess are brackets and get none); n = ok seeds, div. = diverged "
                + "attacks (attack failures, not averaged), fail = failed or timed-out rows. "
                + ctx.provenance.captionTag() + ".";
        ctx.table(FigureWriter.writeText(
                ctx.tablesDir.resolve("results.tex"),
                table.latex(caption, "tab:results-" + ctx.provenance.runId().replaceAll("[^A-Za-z0-9-]", ""))));
        ctx.table(FigureWriter.writeText(ctx.tablesDir.resolve("results.md"), table.markdown(caption)));
    }

    static TextTable build(ResultsFile results, List<Metric> metrics) {
        return build(results, metrics, VictimValues.none());
    }

    static TextTable build(ResultsFile results, List<Metric> metrics, VictimValues victims) {
        List<String> keys =
                new ArrayList<>(List.of(ResultColumns.ATTACK, ResultColumns.DEFENSE, ResultColumns.DEFENSE_PARAM));
        keys.removeIf(k -> !results.parameters().contains(k));
        for (String p : results.parameters()) {
            if (!keys.contains(p)
                    && results.rows().stream().map(r -> r.param(p)).distinct().count() > 1) {
                keys.add(p);
            }
        }
        Map<List<String>, List<ResultRow>> groups =
                Slice.group(results.rows(), r -> keys.stream().map(r::param).toList());
        List<List<String>> order = new ArrayList<>(groups.keySet());
        order.sort((a, b) -> compareKeys(keys, a, b));

        Map<List<String>, Map<Metric, Summary>> stats = new LinkedHashMap<>();
        for (List<String> k : order) {
            List<ResultRow> ok = groups.get(k).stream().filter(ResultRow::ok).toList();
            Map<Metric, Summary> m = new LinkedHashMap<>();
            metrics.forEach(metric -> m.put(metric, Slice.summarize(ok, metric)));
            stats.put(k, m);
        }
        VictimCells pooled = VictimCells.of(victims, keys, order, groups, metrics);
        pooled.cells()
                .forEach((k, byMetric) ->
                        byMetric.forEach((m, c) -> stats.get(k).put(m, new Summary(c.mean(), 0, c.n()))));
        int attackKey = keys.indexOf(ResultColumns.ATTACK);
        Map<String, Map<Metric, Double>> best = new LinkedHashMap<>();
        for (List<String> k : order) {
            String attack = attackKey < 0 ? "" : k.get(attackKey);
            if (DefensePoints.baseline(attack)) {
                continue;
            }
            Map<Metric, Double> b = best.computeIfAbsent(attack, a -> new LinkedHashMap<>());
            for (Metric metric : metrics) {
                Summary s = stats.get(k).get(metric);
                if (s.present()) {
                    b.merge(metric, s.mean(), metric.better() == Metric.Better.HIGHER ? Math::max : Math::min);
                }
            }
        }

        List<String> header = new ArrayList<>(keys.stream()
                .map(k -> k.equals(ResultColumns.DEFENSE_PARAM) ? "knob" : k)
                .toList());
        header.add("n");
        header.add("div.");
        header.add("fail");
        if (!pooled.cells().isEmpty()) {
            header.add(VICTIMS);
        }
        metrics.forEach(m -> header.add(m.column() + (m.better() == Metric.Better.HIGHER ? " ↑" : " ↓")));
        List<List<TextTable.Cell>> rows = new ArrayList<>();
        for (List<String> k : order) {
            List<TextTable.Cell> row = new ArrayList<>();
            int knobKey = keys.indexOf(ResultColumns.DEFENSE_PARAM);
            int defenseKey = keys.indexOf(ResultColumns.DEFENSE);
            for (int i = 0; i < k.size(); i++) {
                // A family without a knob (none, secagg, sign) has no meaningful defense_param to show.
                boolean noKnob = i == knobKey && defenseKey >= 0 && !Defenses.hasKnob(k.get(defenseKey));
                row.add(TextTable.Cell.of(noKnob ? "–" : k.get(i)));
            }
            List<ResultRow> g = groups.get(k);
            long ok = g.stream().filter(ResultRow::ok).count();
            long diverged = g.stream().filter(ResultRow::diverged).count();
            row.add(TextTable.Cell.of(Long.toString(ok)));
            row.add(TextTable.Cell.of(Long.toString(diverged)));
            row.add(TextTable.Cell.of(Long.toString(g.size() - ok - diverged)));
            if (!pooled.cells().isEmpty()) {
                row.add(TextTable.Cell.of(pooled.count(k)));
            }
            Map<Metric, Double> b = best.getOrDefault(attackKey < 0 ? "" : k.get(attackKey), Map.of());
            for (Metric metric : metrics) {
                Summary s = stats.get(k).get(metric);
                String text = pooled.has(k, metric) ? pooled.text(k, metric) : cell(s);
                row.add(new TextTable.Cell(text, s.present() && b.containsKey(metric) && s.mean() == b.get(metric)));
            }
            rows.add(row);
        }
        return new TextTable(header, rows);
    }

    static final String VICTIMS = "victims×seeds";
    static final String VICTIM_CAPTION = "PSNR and SSIM: mean over every victim of every ok seed with its 95 % "
            + "percentile-bootstrap interval [low, high] (2000 resamples, fixed seed); victims×seeds = victims per "
            + "seed × ok seeds pooled in the cell; n.s. = not significantly different from the same attack without "
            + "a defense (the 95 % bootstrap interval of the mean difference, paired by victim, contains 0). ";

    static String cell(Summary s) {
        if (!s.present()) {
            return "–";
        }
        String mean = Numbers.format(s.mean());
        return s.n() > 1 ? mean + " ± " + Numbers.formatLike(s.std(), s.mean()) : mean;
    }

    // Attack, then the undefended row first, then every other key in numeric order where it is a number.
    private static int compareKeys(List<String> keys, List<String> a, List<String> b) {
        for (int i = 0; i < keys.size(); i++) {
            String x = a.get(i);
            String y = b.get(i);
            if (keys.get(i).equals(ResultColumns.DEFENSE) && Defenses.isNone(x) != Defenses.isNone(y)) {
                return Defenses.isNone(x) ? -1 : 1;
            }
            double dx = Numbers.parseOrNaN(x);
            double dy = Numbers.parseOrNaN(y);
            int c = !Double.isNaN(dx) && !Double.isNaN(dy) ? Double.compare(dx, dy) : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
