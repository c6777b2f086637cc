package org.leakbench.plots;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;

/**
 * The defenses next to the naive and the adaptive attack: per defense point (defense, knob) the PSNR of the
 * strongest naive attack and of the strongest adaptive one ({@code attack.adaptive: true}, the attacker knows the
 * defense; Balunović et al., ICLR 2022), each the maximum over attacks per seed and then mean ± std over seeds,
 * the larger of the two, and the accuracy. A defense that was not attacked adaptively reads "not run" there, so a
 * low naive PSNR is never shown alone as a defense that held. Rendered when some row ran an adaptive attack; the
 * oracle and random guess are brackets, not attacks, and rows that did not finish ok are left out.
 */
final class AdaptiveDefenseTable {
    /** The results column of {@code attack.adaptive}. */
    static final String ADAPTIVE = ResultColumns.parameterColumn("attack.adaptive");

    static final String NOT_RUN = "not run";

    private AdaptiveDefenseTable() {}

    static void render(RunContext ctx) throws IOException {
        List<ResultRow> rows = ctx.results.okRows().stream()
                .filter(r -> r.metric(Metric.PSNR).isPresent())
                .filter(r -> !DefensePoints.BASELINES.contains(r.param(ResultColumns.ATTACK)))
                .toList();
        if (rows.stream().noneMatch(AdaptiveDefenseTable::adaptive)) {
            if (ctx.results.parameters().contains(ADAPTIVE)) {
                ctx.skip("table defenses-adaptive", "no ok row ran an adaptive attack (attack.adaptive: true)");
            }
            return;
        }
        for (Map.Entry<String, List<ResultRow>> split : Splits.bySetting(rows).entrySet()) {
            TextTable t = build(split.getValue());
            String setting = Splits.describe(split.getKey(), split.getValue());
            String caption = "Defenses against the naive and the adaptive attack"
                    + (setting.isEmpty() ? "" : " (" + setting + ")")
                    + ": PSNR of the strongest attack of each kind (maximum over attacks per seed, then mean ± std "
                    + "over seeds; ↓ lower is better for the defender); adaptive = the attacker knows the defense "
                    + "(attack.adaptive: true); \"" + NOT_RUN + "\" = no adaptive attack was run against that "
                    + "defense, so its naive PSNR is not evidence that it holds. " + ctx.provenance.captionTag()
                    + ".";
            String name = "defenses-adaptive" + split.getKey();
            String label = "tab:" + name + "-" + ctx.provenance.runId().replaceAll("[^A-Za-z0-9-]", "");
            ctx.table(FigureWriter.writeText(ctx.tablesDir.resolve(name + ".tex"), t.latex(caption, label)));
            ctx.table(FigureWriter.writeText(ctx.tablesDir.resolve(name + ".md"), t.markdown(caption)));
        }
    }

    static boolean adaptive(ResultRow r) {
        return "true".equalsIgnoreCase(r.param(ADAPTIVE));
    }

    /** One row per defense point, in the order the points first appear. */
    static TextTable build(List<ResultRow> rows) {
        Map<String, List<ResultRow>> points =
                Slice.group(rows, r -> r.param(ResultColumns.DEFENSE) + "\u0000" + Numbers.compact(r.defenseParam()));
        List<List<TextTable.Cell>> out = new ArrayList<>();
        for (List<ResultRow> point : points.values()) {
            ResultRow first = point.get(0);
            String defense = first.param(ResultColumns.DEFENSE);
            Summary naive = strongest(point.stream().filter(r -> !adaptive(r)).toList());
            Summary adaptive = strongest(
                    point.stream().filter(AdaptiveDefenseTable::adaptive).toList());
            Summary both = strongest(point);
            Summary accuracy = Slice.summarize(firstPerSeed(point), Metric.ACCURACY);
            List<TextTable.Cell> row = new ArrayList<>();
            row.add(TextTable.Cell.of(Defenses.isNone(defense) ? "none" : defense));
            row.add(TextTable.Cell.of(Defenses.hasKnob(defense) ? Defenses.label(defense, first.defenseParam()) : "–"));
            row.add(TextTable.Cell.of(naive.present() ? ResultsTables.cell(naive) : "–"));
            row.add(TextTable.Cell.of(
                    adaptive.present() ? ResultsTables.cell(adaptive) : Defenses.isNone(defense) ? "–" : NOT_RUN));
            row.add(TextTable.Cell.of(ResultsTables.cell(both)));
            row.add(TextTable.Cell.of(accuracy.present() ? ResultsTables.cell(accuracy) : "–"));
            out.add(row);
        }
        return new TextTable(
                List.of(
                        "defense",
                        "knob",
                        "naive PSNR (dB) ↓",
                        "adaptive PSNR (dB) ↓",
                        "strongest PSNR (dB) ↓",
                        "accuracy ↑"),
                out);
    }

    /** The per-seed maximum PSNR over {@code rows}, summarised over seeds. */
    private static Summary strongest(List<ResultRow> rows) {
        Map<String, Double> perSeed = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            perSeed.merge(r.seed(), r.metric(Metric.PSNR).getAsDouble(), Math::max);
        }
        return Summary.of(new ArrayList<>(perSeed.values()));
    }

    private static List<ResultRow> firstPerSeed(List<ResultRow> rows) {
        Map<String, ResultRow> bySeed = new LinkedHashMap<>();
        rows.forEach(r -> bySeed.putIfAbsent(r.seed(), r));
        return new ArrayList<>(bySeed.values());
    }
}
