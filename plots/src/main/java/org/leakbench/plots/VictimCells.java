package org.leakbench.plots;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;

/**
 * The cells of a table that pool victims: for each group of rows (one table row) and reconstruction metric, the
 * mean and bootstrap interval over every victim of every ok seed, how many victims and seeds that is, and whether
 * the cell differs significantly from the same group without a defense ({@link VictimStatistics#differs}).
 * Groups whose rows have no victims in {@code victims.csv} get no cell and keep the mean ± std over seeds.
 *
 * @param cells   group key → metric → pooled cell
 * @param values  group key → metric → victim key → value
 * @param counts  group key → "victims×seeds"
 * @param refs    group key → the key of its undefended group, when there is one
 */
record VictimCells(
        Map<List<String>, Map<Metric, VictimStatistics.Cell>> cells,
        Map<List<String>, Map<Metric, Map<String, Double>>> values,
        Map<List<String>, String> counts,
        Map<List<String>, List<String>> refs) {
    static final List<Metric> POOLED = List.of(Metric.PSNR, Metric.SSIM);

    static VictimCells of(
            VictimValues victims,
            List<String> keys,
            List<List<String>> order,
            Map<List<String>, List<ResultRow>> groups,
            List<Metric> metrics) {
        Map<List<String>, Map<Metric, VictimStatistics.Cell>> cells = new LinkedHashMap<>();
        Map<List<String>, Map<Metric, Map<String, Double>>> values = new LinkedHashMap<>();
        Map<List<String>, String> counts = new LinkedHashMap<>();
        for (List<String> k : order) {
            List<ResultRow> ok = groups.get(k).stream().filter(ResultRow::ok).toList();
            if (ok.stream().noneMatch(victims::has)) {
                continue;
            }
            for (Metric m : POOLED) {
                Map<String, Double> v = victims.values(ok, m);
                if (metrics.contains(m) && !v.isEmpty()) {
                    cells.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(m, VictimStatistics.cell(v.values()));
                    values.computeIfAbsent(k, x -> new LinkedHashMap<>()).put(m, v);
                }
            }
            List<Integer> perSeed = ok.stream()
                    .map(r -> victims.values(List.of(r), Metric.PSNR).size())
                    .distinct()
                    .toList();
            counts.put(
                    k,
                    perSeed.size() == 1
                            ? perSeed.get(0) + "×" + ok.size()
                            : ok.stream()
                                            .mapToInt(r -> victims.values(List.of(r), Metric.PSNR)
                                                    .size())
                                            .sum() + "×1");
        }
        return new VictimCells(cells, values, counts, refs(keys, cells.keySet()));
    }

    /** Each group's undefended counterpart: equal in every key but the defense (none) and its knob. */
    private static Map<List<String>, List<String>> refs(List<String> keys, Iterable<List<String>> groups) {
        int defense = keys.indexOf(ResultColumns.DEFENSE);
        int knob = keys.indexOf(ResultColumns.DEFENSE_PARAM);
        Map<List<String>, List<String>> out = new LinkedHashMap<>();
        if (defense < 0) {
            return out;
        }
        for (List<String> k : groups) {
            for (List<String> r : groups) {
                if (Defenses.isNone(r.get(defense))
                        && !Defenses.isNone(k.get(defense))
                        && sameBut(k, r, defense, knob)) {
                    out.put(k, r);
                }
            }
        }
        return out;
    }

    private static boolean sameBut(List<String> a, List<String> b, int defense, int knob) {
        for (int i = 0; i < a.size(); i++) {
            if (i != defense && i != knob && !Objects.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    boolean has(List<String> k, Metric m) {
        return cells.containsKey(k) && cells.get(k).containsKey(m);
    }

    /** "victims×seeds" of a group, or "–" when it has no victims. */
    String count(List<String> k) {
        return counts.getOrDefault(k, "–");
    }

    /** "mean [low, high]", with "n.s." when the group does not differ significantly from its undefended one. */
    String text(List<String> k, Metric m) {
        VictimStatistics.Cell c = cells.get(k).get(m);
        String mean = Numbers.format(c.mean());
        String text = c.hasInterval()
                ? mean + " [" + Numbers.formatLike(c.low(), c.mean()) + ", " + Numbers.formatLike(c.high(), c.mean())
                        + "]"
                : mean;
        List<String> ref = refs.get(k);
        if (ref != null
                && values.containsKey(ref)
                && values.get(ref).containsKey(m)
                && !VictimStatistics.differs(
                        values.get(k).get(m), values.get(ref).get(m))) {
            text += " n.s.";
        }
        return text;
    }
}
