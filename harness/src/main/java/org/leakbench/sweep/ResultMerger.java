package org.leakbench.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leakbench.results.ProvenanceFile;
import org.leakbench.results.ResultColumns;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;

/**
 * Combines the results of several run folders (typically the shards of one sweep) into one.
 *
 * <p>Every input must have the same header. A (point_id, seed) pair found in several inputs is kept once: the
 * first ok/diverged row wins, and an ok/diverged row always replaces a failed/timeout one. The merged rows follow
 * the sweep's point order (re-expanded from the first provenance's sweep text) when possible, else input order.
 */
public final class ResultMerger {

    private ResultMerger() {}

    /**
     * What a merge did.
     *
     * @param out the merged run folder
     * @param rows rows written
     * @param duplicates rows dropped because their pair was already present
     */
    public record Summary(Path out, int rows, int duplicates) {}

    /** Merges {@code inputs} (run folders, results files or results roots) into {@code out}. */
    public static Summary merge(List<Path> inputs, Path out) throws IOException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("merge needs at least one run folder");
        }
        List<String> header = null;
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        List<Map<String, Object>> provenances = new ArrayList<>();
        int duplicates = 0;
        for (Path input : inputs) {
            Path run = RunFolders.resolve(input);
            ResultTable table = ResultTable.read(run.resolve(RunLayout.RESULTS));
            if (header == null) {
                header = table.header();
            } else if (!header.equals(table.header())) {
                throw new IllegalArgumentException(run.resolve(RunLayout.RESULTS) + " has different columns from "
                        + "the first input; only runs of the same LeakBench version can be merged");
            }
            int status = table.column(ResultColumns.STATUS);
            for (List<String> row : table.latest()) {
                String key = table.key(row);
                List<String> previous = byKey.get(key);
                if (previous == null) {
                    byKey.put(key, row);
                } else {
                    duplicates++;
                    if (!ResultColumns.isFinal(previous.get(status)) && ResultColumns.isFinal(row.get(status))) {
                        byKey.put(key, row);
                    }
                }
            }
            Path prov = run.resolve(RunLayout.PROVENANCE);
            if (Files.isRegularFile(prov)) {
                Map<String, Object> p = ProvenanceFile.read(prov);
                p.put(ProvenanceFile.RUN_FOLDER, run.getFileName().toString());
                provenances.add(p);
            }
        }
        Files.createDirectories(out);
        List<List<String>> rows = new ArrayList<>();
        for (String key : order(provenances, byKey)) {
            rows.add(byKey.get(key));
        }
        ResultStore.writeAll(out.resolve(RunLayout.RESULTS), header, rows);
        if (!provenances.isEmpty()) {
            ProvenanceFile.write(out.resolve(RunLayout.PROVENANCE), mergedProvenance(provenances, out, byKey.size()));
        }
        mergeSideFiles(inputs, out, byKey.keySet());
        mergeKeyedRows(inputs, out, byKey.keySet(), RunLayout.VICTIMS);
        return new Summary(out, byKey.size(), duplicates);
    }

    /**
     * The per-point files the figures read: reconstruction grids (named point_id-sSEED.png) are copied, and the
     * rows of every roc.csv (keyed by point_id and seed) are concatenated under one header, for kept points only.
     */
    private static void mergeSideFiles(List<Path> inputs, Path out, java.util.Set<String> kept) throws IOException {
        for (Path input : inputs) {
            Path grids = RunFolders.resolve(input).resolve(RunLayout.RECONSTRUCTIONS);
            if (Files.isDirectory(grids)) {
                Path target = Files.createDirectories(out.resolve(RunLayout.RECONSTRUCTIONS));
                try (var files = Files.list(grids)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Path dest = target.resolve(f.getFileName().toString());
                        if (!Files.exists(dest)) {
                            Files.copy(f, dest);
                        }
                    }
                }
            }
        }
        mergeKeyedRows(inputs, out, kept, RunLayout.ROC);
    }

    /**
     * Concatenates the rows of every input's {@code name} (a CSV whose first two columns are point_id and seed:
     * roc.csv, victims.csv) under one header, for kept points only, each point's rows from the first input that
     * has them (the rows of one point and seed were written by one run).
     */
    private static void mergeKeyedRows(List<Path> inputs, Path out, java.util.Set<String> kept, String name)
            throws IOException {
        String header = null;
        StringBuilder sb = new StringBuilder();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (Path input : inputs) {
            Path file = RunFolders.resolve(input).resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                continue;
            }
            if (header == null) {
                header = lines.get(0);
            } else if (!header.equals(lines.get(0))) {
                throw new IllegalArgumentException(file + " has different columns from the first " + name);
            }
            java.util.Set<String> here = new java.util.HashSet<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", 3);
                String key = cells.length == 3 ? cells[0] + "|" + cells[1] : null;
                if (key != null && kept.contains(key) && !taken.contains(key)) {
                    sb.append(line).append('\n');
                    here.add(key);
                }
            }
            taken.addAll(here);
        }
        if (header != null) {
            Files.writeString(out.resolve(name), header + "\n" + sb, StandardCharsets.UTF_8);
        }
    }

    private static List<String> order(List<Map<String, Object>> provenances, Map<String, List<String>> byKey) {
        List<String> keys = new ArrayList<>();
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> sweep = (Map<String, Object>) provenances.get(0).get(ProvenanceFile.SWEEP);
            Sweep s = new SweepParser(ParameterRegistry.defaults())
                    .parse((String) sweep.get(ProvenanceFile.SWEEP_SOURCE), (String)
                            sweep.get(ProvenanceFile.SWEEP_ORIGIN));
            for (SweepPoint p : s.points()) {
                String key = p.pointId() + "|" + p.seed();
                if (byKey.containsKey(key)) {
                    keys.add(key);
                }
            }
        } catch (RuntimeException e) {
            keys.clear(); // no usable sweep text: keep input order
        }
        if (keys.size() != byKey.size()) {
            List<String> rest = new ArrayList<>(byKey.keySet());
            rest.removeAll(keys);
            keys.addAll(rest);
        }
        return keys;
    }

    private static Map<String, Object> mergedProvenance(List<Map<String, Object>> all, Path out, int rows) {
        Map<String, Object> merged = new LinkedHashMap<>(all.get(0));
        merged.put(ProvenanceFile.RUN_ID, out.getFileName().toString());
        merged.remove(ProvenanceFile.RUN_FOLDER);
        merged.remove(ProvenanceFile.SUMMARY);
        merged.put(ProvenanceFile.SHARD, "merged");
        Map<String, Object> dataFiles = new TreeMap<>();
        List<Map<String, Object>> parts = new ArrayList<>();
        String start = null;
        String end = null;
        for (Map<String, Object> p : all) {
            Object files = p.get(ProvenanceFile.DATA_FILES);
            if (files instanceof Map<?, ?> m) {
                m.forEach((k, v) -> dataFiles.put(String.valueOf(k), v));
            }
            Map<String, Object> part = new LinkedHashMap<>();
            for (String k : List.of(
                    ProvenanceFile.RUN_FOLDER,
                    ProvenanceFile.RUN_ID,
                    ProvenanceFile.SHARD,
                    ProvenanceFile.GIT_COMMIT,
                    ProvenanceFile.GIT_DIRTY,
                    ProvenanceFile.CPU,
                    ProvenanceFile.THREADS,
                    ProvenanceFile.START,
                    ProvenanceFile.END)) {
                part.put(k, p.get(k));
            }
            parts.add(part);
            String s = (String) p.get(ProvenanceFile.START);
            String e = (String) p.get(ProvenanceFile.END);
            start = start == null || (s != null && s.compareTo(start) < 0) ? s : start;
            end = end == null || (e != null && e.compareTo(end) > 0) ? e : end;
        }
        merged.put(ProvenanceFile.DATA_FILES, dataFiles);
        merged.put(ProvenanceFile.START, start);
        merged.put(ProvenanceFile.END, end);
        merged.put(ProvenanceFile.ROWS, rows);
        merged.put(ProvenanceFile.MERGED_FROM, parts);
        return merged;
    }
}
