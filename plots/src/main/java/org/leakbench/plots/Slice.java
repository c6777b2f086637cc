package org.leakbench.plots;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;

/**
 * A figure varies a few parameters (its free columns) and must hold every other parameter fixed, or it would
 * average unlike points. A slice keeps the rows whose other parameters equal a reference value: {@code none}
 * for the defense when present, otherwise the value that leaves the free columns the most distinct values
 * (so a batch-size figure holds the model at the one whose batch was varied), then the most common one (ties go
 * to the first seen). The fixed values are listed in the caption.
 *
 * @param rows  the rows kept
 * @param fixed each parameter that varied in the input and was fixed, with its value
 */
record Slice(List<ResultRow> rows, Map<String, String> fixed) {

    static Slice of(List<ResultRow> rows, List<String> parameters, Set<String> free) {
        List<ResultRow> kept = new ArrayList<>(rows);
        Map<String, String> fixed = new LinkedHashMap<>();
        for (String p : parameters) {
            if (free.contains(p)) {
                continue;
            }
            Map<String, Long> counts = kept.stream()
                    .collect(Collectors.groupingBy(r -> r.param(p), LinkedHashMap::new, Collectors.counting()));
            if (counts.size() <= 1) {
                continue;
            }
            List<ResultRow> pool = kept;
            Map<String, Long> spread = new LinkedHashMap<>();
            for (String v : counts.keySet()) {
                spread.put(
                        v,
                        pool.stream()
                                .filter(r -> r.param(p).equals(v))
                                .map(r -> free.stream().map(r::param).toList())
                                .distinct()
                                .count());
            }
            String value = ResultColumns.DEFENSE.equals(p) && counts.containsKey("none")
                    ? "none"
                    : counts.keySet().stream()
                            .max(Comparator.comparingLong((String v) -> spread.get(v))
                                    .thenComparingLong(counts::get))
                            .orElseThrow();
            fixed.put(p, value);
            kept.removeIf(r -> !r.param(p).equals(value));
        }
        return new Slice(List.copyOf(kept), fixed);
    }

    /** "batch=8, model=mlp", or the empty string when nothing had to be fixed. */
    String describe() {
        return fixed.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** Groups rows by a key, keeping the order in which keys first appear. */
    static <K> Map<K, List<ResultRow>> group(List<ResultRow> rows, Function<ResultRow, K> key) {
        return rows.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
    }

    /** Summary of a metric over rows that measured it. */
    static Summary summarize(List<ResultRow> rows, Metric m) {
        return Summary.of(rows.stream()
                .filter(r -> r.metric(m).isPresent())
                .map(r -> r.metric(m).getAsDouble())
                .toList());
    }
}
