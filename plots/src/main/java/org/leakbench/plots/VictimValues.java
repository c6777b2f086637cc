package org.leakbench.plots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;
import org.leakbench.results.RunLayout;
import org.leakbench.results.VictimColumns;

/**
 * The per-victim values of {@code victims.csv} beside a results file, so a cell can pool the victims of all its
 * seeds and compare two defenses victim by victim. A victim is keyed by its seed and test indices: the harness
 * draws the same victims for every attack and defense of a seed, so equal keys are the same private batch. Only
 * victims whose attack ran to the end ({@code ok}) are kept; when a point was redone, its last rows win.
 */
final class VictimValues {

    /** (point_id|seed) → victim key → column → value. */
    private final Map<String, Map<String, Map<String, Double>>> byRow;

    private VictimValues(Map<String, Map<String, Map<String, Double>>> byRow) {
        this.byRow = byRow;
    }

    /** No victims: every row counts as one victim. */
    static VictimValues none() {
        return new VictimValues(new LinkedHashMap<>());
    }

    /** The victims beside {@code results}; none when the run wrote no victims file (older runs). */
    static VictimValues near(ResultsFile results) throws IOException {
        Path parent = results.file().toAbsolutePath().getParent();
        Path file = parent == null ? null : parent.resolve(RunLayout.VICTIMS);
        Map<String, Map<String, Map<String, Double>>> byRow = new LinkedHashMap<>();
        if (file == null || !Files.isRegularFile(file)) {
            return new VictimValues(byRow);
        }
        CsvTable t = CsvTable.read(file, VictimColumns.REQUIRED);
        Map<String, Map<String, String>> last = new LinkedHashMap<>();
        for (Map<String, String> r : t.rows()) {
            String victim =
                    r.get(ResultColumns.POINT_ID) + "|" + r.get(ResultColumns.SEED) + "|" + r.get(VictimColumns.VICTIM);
            last.put(victim, r);
        }
        for (Map<String, String> r : last.values()) {
            if (!ResultColumns.OK.equals(r.get(ResultColumns.STATUS))) {
                continue;
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (Metric m : VictimColumns.METRICS) {
                String text = r.getOrDefault(m.column(), "");
                if (!text.isEmpty()) {
                    double v = Numbers.parseOrNaN(text);
                    if (Double.isNaN(v)) {
                        throw new PlotInputException(
                                file.toString(),
                                m.column(),
                                Long.parseLong(r.get(CsvTable.LINE)),
                                "not a number: '" + text + "'");
                    }
                    values.put(m.column(), v);
                }
            }
            String row = r.get(ResultColumns.POINT_ID) + "|" + r.get(ResultColumns.SEED);
            byRow.computeIfAbsent(row, k -> new LinkedHashMap<>())
                    .put(r.get(ResultColumns.SEED) + "|" + r.get(VictimColumns.INDICES), values);
        }
        return new VictimValues(byRow);
    }

    /** Whether the victims file has victims of {@code row}. */
    boolean has(ResultRow row) {
        return byRow.containsKey(row.pointId() + "|" + row.seed());
    }

    /**
     * The victims' values of {@code m} over {@code rows} (victim key → value); a row without victims in the file
     * (an older run) counts as one victim with its row value, keyed by its seed.
     */
    Map<String, Double> values(List<ResultRow> rows, Metric m) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            Map<String, Map<String, Double>> victims = byRow.get(r.pointId() + "|" + r.seed());
            if (victims == null) {
                r.metric(m).ifPresent(v -> out.put(r.seed(), v));
                continue;
            }
            victims.forEach((key, values) -> {
                Double v = values.get(m.column());
                if (v != null) {
                    out.put(key, v);
                }
            });
        }
        return out;
    }
}
