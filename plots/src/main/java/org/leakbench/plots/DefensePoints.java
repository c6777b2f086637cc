package org.leakbench.plots;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;

/**
 * The points of a privacy–utility frontier: one per (defense, knob), with the leakage of the strongest attack,
 * the test accuracy and the per-round costs, each as mean ± std over seeds. For every seed the leakage is the
 * largest over the attacks run against that defense point (the defender must survive the best attack), and
 * the means are taken over those per-seed maxima. The oracle (reads the truth) and the random guess are
 * brackets, not attacks: they never count as the strongest attack, and the random guess of the undefended
 * point is kept as the floor of the leakage axis. An attack that diverged, failed or timed out measured nothing:
 * for that seed the strongest attack's leakage is unknown, so the seed is left out of the point (the other
 * attacks' lower values must not stand in for it) and counted in {@link Point#notMeasured()}; a point with no
 * seed left is listed in {@code unmeasured} instead of being drawn as a defense that stopped the attacks.
 *
 * @param points   one per defense point, the undefended one included
 * @param floor    the random guess's leakage on the same slice, if it was run (AUC 0.5 for membership)
 * @param attacks  the attacks whose maximum was taken
 * @param slice    the parameters held fixed
 * @param unmeasured defense points where every seed had an attack that diverged, failed or timed out
 */
record DefensePoints(List<Point> points, Summary floor, Set<String> attacks, Slice slice, List<Point> unmeasured) {
    static final Set<String> BASELINES = Set.of("oracle", "random");
    static final List<Metric> COSTS = List.of(Metric.BYTES_UP, Metric.DEFENSE_MS);
    /** The per-point values averaged over the attack rows besides accuracy: the costs and a text model's perplexity. */
    static final List<Metric> AVERAGED = List.of(Metric.BYTES_UP, Metric.DEFENSE_MS, Metric.PERPLEXITY);

    /**
     * A (defense, knob) point.
     *
     * @param costs       the {@link #AVERAGED} metrics the point's rows measured (perplexity among them)
     * @param notMeasured attack rows at this point (any seed) that diverged, failed or timed out
     */
    record Point(String defense, double param, Summary leak, Summary acc, Map<Metric, Summary> costs, int notMeasured) {
        Point(String defense, double param, Summary leak, Summary acc, Map<Metric, Summary> costs) {
            this(defense, param, leak, acc, costs, 0);
        }

        /** The knob ("σ=0.5"); the family's name when it has no knob ("secagg"), so every point is named. */
        String label() {
            if (Defenses.isNone(defense)) {
                return "no defense";
            }
            return Defenses.hasKnob(defense) ? Defenses.label(defense, param) : defense;
        }

        Summary cost(Metric m) {
            return costs.getOrDefault(m, new Summary(Double.NaN, 0, 0));
        }
    }

    /** Rows that measured {@code leak} and accuracy. */
    static List<ResultRow> eligible(List<ResultRow> rows, Metric leak) {
        return rows.stream()
                .filter(r ->
                        r.metric(leak).isPresent() && r.metric(Metric.ACCURACY).isPresent())
                .toList();
    }

    static boolean baseline(String attack) {
        return BASELINES.contains(attack.toLowerCase(Locale.ROOT));
    }

    /** The points for {@code leak} in the ok rows that measured it and accuracy; empty points when none did. */
    static DefensePoints of(ResultsFile results, Metric leak) {
        return of(results, results.okRows(), leak);
    }

    /** The points for {@code leak} among {@code candidates} (ok rows of {@code results}). */
    static DefensePoints of(ResultsFile results, List<ResultRow> candidates, Metric leak) {
        List<ResultRow> rows = eligible(candidates, leak);
        Set<String> free = new HashSet<>(Set.of(ResultColumns.DEFENSE, ResultColumns.DEFENSE_PARAM));
        // The maximum is over every attack configuration, so attack sub-parameters are free too.
        results.parameters().stream()
                .filter(p -> p.startsWith(ResultColumns.ATTACK))
                .forEach(free::add);
        Slice slice = Slice.of(rows, results.parameters(), free);
        List<ResultRow> attacks = slice.rows().stream()
                .filter(r -> !baseline(r.param(ResultColumns.ATTACK)))
                .toList();
        List<ResultRow> random = slice.rows().stream()
                .filter(r -> "random".equalsIgnoreCase(r.param(ResultColumns.ATTACK))
                        && Defenses.isNone(r.param(ResultColumns.DEFENSE)))
                .toList();
        Set<String> names = new TreeSet<>();
        attacks.forEach(r -> names.add(r.param(ResultColumns.ATTACK)));
        // Only the attacks that measure this metric where they succeed count as missing it where they did not.
        Map<String, List<ResultRow>> failed = Slice.group(
                notMeasured(results, slice, free).stream()
                        .filter(r -> names.contains(r.param(ResultColumns.ATTACK)))
                        .toList(),
                DefensePoints::key);
        List<Point> points = new ArrayList<>();
        List<Point> unmeasured = new ArrayList<>();
        Slice.group(attacks, DefensePoints::key).forEach((k, g) -> {
            List<ResultRow> bad = failed.getOrDefault(k, List.of());
            Set<String> badSeeds = new HashSet<>();
            bad.forEach(r -> badSeeds.add(r.seed()));
            List<ResultRow> kept =
                    g.stream().filter(r -> !badSeeds.contains(r.seed())).toList();
            if (kept.isEmpty()) {
                unmeasured.add(new Point(
                        g.get(0).param(ResultColumns.DEFENSE),
                        g.get(0).defenseParam(),
                        new Summary(Double.NaN, 0, 0),
                        new Summary(Double.NaN, 0, 0),
                        Map.of(),
                        bad.size()));
            } else {
                points.add(point(kept, leak, bad.size()));
            }
        });
        Summary floor = Slice.summarize(random, leak);
        if (!floor.present() && leak == Metric.MIA_AUC) {
            // A membership guess that ignores the model has AUC 0.5, whether or not the sweep ran one.
            floor = new Summary(0.5, 0, 1);
        }
        return new DefensePoints(points, floor, names, slice, unmeasured);
    }

    private static String key(ResultRow r) {
        return r.param(ResultColumns.DEFENSE) + "\u0000" + r.param(ResultColumns.DEFENSE_PARAM);
    }

    /**
     * The attack rows (not baselines) of {@code results} that are not ok and belong to {@code slice}: equal to
     * its rows in every parameter that is not free.
     */
    private static List<ResultRow> notMeasured(ResultsFile results, Slice slice, Set<String> free) {
        if (slice.rows().isEmpty()) {
            return List.of();
        }
        ResultRow ref = slice.rows().get(0);
        List<String> held =
                results.parameters().stream().filter(p -> !free.contains(p)).toList();
        return results.rows().stream()
                .filter(r -> !r.ok() && !baseline(r.param(ResultColumns.ATTACK)))
                .filter(r -> held.stream().allMatch(p -> r.param(p).equals(ref.param(p))))
                .toList();
    }

    private static Point point(List<ResultRow> g, Metric leak, int notMeasured) {
        Map<String, List<ResultRow>> bySeed = Slice.group(g, ResultRow::seed);
        List<Double> leaks = new ArrayList<>();
        List<Double> accs = new ArrayList<>();
        Map<Metric, List<Double>> costs = new LinkedHashMap<>();
        for (List<ResultRow> seedRows : bySeed.values()) {
            leaks.add(seedRows.stream()
                    .mapToDouble(r -> r.metric(leak).getAsDouble())
                    .max()
                    .orElseThrow());
            // Utility and cost do not depend on the attack: average what the attacks' rows recorded.
            accs.add(seedRows.stream()
                    .mapToDouble(r -> r.metric(Metric.ACCURACY).getAsDouble())
                    .average()
                    .orElseThrow());
            for (Metric c : AVERAGED) {
                seedRows.stream()
                        .filter(r -> r.metric(c).isPresent())
                        .mapToDouble(r -> r.metric(c).getAsDouble())
                        .average()
                        .ifPresent(v ->
                                costs.computeIfAbsent(c, k -> new ArrayList<>()).add(v));
            }
        }
        Map<Metric, Summary> costSummaries = new LinkedHashMap<>();
        costs.forEach((m, vs) -> costSummaries.put(m, Summary.of(vs)));
        ResultRow first = g.get(0);
        return new Point(
                first.param(ResultColumns.DEFENSE),
                first.defenseParam(),
                Summary.of(leaks),
                Summary.of(accs),
                costSummaries,
                notMeasured);
    }

    /** Points no other point beats on both leakage (lower) and accuracy (higher), by increasing leakage. */
    static List<Point> paretoFront(List<Point> points) {
        List<Point> front = new ArrayList<>();
        for (Point p : points) {
            boolean dominated = points.stream()
                    .anyMatch(q -> !q.equals(p)
                            && q.leak().mean() <= p.leak().mean()
                            && q.acc().mean() >= p.acc().mean()
                            && (q.leak().mean() < p.leak().mean()
                                    || q.acc().mean() > p.acc().mean()));
            if (!dominated) {
                front.add(p);
            }
        }
        front.sort(java.util.Comparator.comparingDouble(p -> p.leak().mean()));
        return front;
    }

    /** The defended families in order of first appearance, each with its points sorted by knob. */
    Map<String, List<Point>> families() {
        Map<String, List<Point>> out = new LinkedHashMap<>();
        for (Point p : points) {
            if (!Defenses.isNone(p.defense())) {
                out.computeIfAbsent(p.defense(), k -> new ArrayList<>()).add(p);
            }
        }
        out.values().forEach(l -> l.sort(java.util.Comparator.comparingDouble(Point::param)));
        return out;
    }

    List<Point> undefended() {
        return points.stream().filter(p -> Defenses.isNone(p.defense())).toList();
    }
}
