package org.leakbench.plots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.leakbench.results.RunLayout;

/**
 * The suite's thread-scaling pass paired with its one-thread run: each operation the pass measured at
 * {@code n} threads per operation ({@code jmh/threads-n/}), with the same operation's time at one thread from
 * the run's main results ({@code jmh/}), per backend and for PyTorch where the reference ran at both counts.
 * Rows from the same run only: the suite deletes a pass when it replaces the main results.
 */
final class ThreadScalingRows {
    static final String TORCH = JmhFigures.TORCH_SERIES;
    private static final Pattern FOLDER = Pattern.compile("threads-(\\d+)");

    /** One time at one thread and at {@code threads} threads, in milliseconds per operation. */
    record Times(double one, double many) {
        double speedup() {
            return one / many;
        }
    }

    /**
     * One operation and parameter set.
     *
     * @param operation the benchmark, e.g. GradientBench.grad
     * @param params    its parameters but the backend, in the benchmark's order
     * @param threads   the pass's thread count
     * @param series    per backend (and {@link #TORCH}), the two times; only series measured at both counts
     */
    record Row(String operation, Map<String, String> params, int threads, Map<String, Times> series) {
        /** "model=lenet, batch=32". */
        String paramText() {
            StringBuilder sb = new StringBuilder();
            params.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ")
                    .append(k)
                    .append('=')
                    .append(v));
            return sb.toString();
        }
    }

    private ThreadScalingRows() {}

    /** Every row of every pass in {@code runDir}, passes by thread count; empty without a pass. */
    static List<Row> read(Path runDir) throws IOException {
        Path jmh = runDir.resolve(RunLayout.JMH);
        if (!Files.isDirectory(jmh)) {
            return List.of();
        }
        Map<Integer, Path> passes = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.list(jmh)) {
            for (Path p : s.filter(Files::isDirectory).toList()) {
                Matcher m = FOLDER.matcher(p.getFileName().toString());
                if (m.matches()) {
                    passes.put(Integer.parseInt(m.group(1)), p);
                }
            }
        }
        if (passes.isEmpty()) {
            return List.of();
        }
        JmhSource main = JmhSource.read(runDir, "");
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Integer, Path> pass : passes.entrySet()) {
            rows.addAll(pair(main, JmhSource.readFolder(pass.getValue(), "", main.cpu()), pass.getKey()));
        }
        return rows;
    }

    /** The pass's results paired with the main run's, grouped by operation and parameters. */
    static List<Row> pair(JmhSource main, JmhSource pass, int threads) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (JmhResult r : pass.results()) {
            String backend = r.params().get(JmhFigures.BACKEND);
            JmhResult base = match(main, r);
            double many = JmhComparison.millis(r);
            if (backend == null || base == null || Double.isNaN(many)) {
                continue;
            }
            String key = JmhFigures.groupLabel(r, JmhFigures.BACKEND);
            Row row = rows.computeIfAbsent(key, k -> new Row(r.shortName(), params(r), threads, new LinkedHashMap<>()));
            row.series().put(backend, new Times(JmhComparison.millis(base), many));
            Double torchOne = JmhComparison.torchMillis(main, r);
            Double torchMany = JmhComparison.torchMillis(pass, r);
            if (torchOne != null && torchMany != null) {
                row.series().put(TORCH, new Times(torchOne, torchMany));
            }
        }
        // PyTorch last, whatever order the backends came in.
        List<Row> out = new ArrayList<>();
        for (Row row : rows.values()) {
            Map<String, Times> ordered = new LinkedHashMap<>(row.series());
            Times torch = ordered.remove(TORCH);
            if (torch != null) {
                ordered.put(TORCH, torch);
            }
            out.add(new Row(row.operation(), row.params(), row.threads(), ordered));
        }
        return out;
    }

    /** The main run's result of the same benchmark, mode, unit and parameters (backend included), or null. */
    private static JmhResult match(JmhSource main, JmhResult r) {
        for (JmhResult m : main.results()) {
            if (m.benchmark().equals(r.benchmark())
                    && m.mode().equals(r.mode())
                    && m.unit().equals(r.unit())
                    && m.params().equals(r.params())) {
                return m;
            }
        }
        return null;
    }

    private static Map<String, String> params(JmhResult r) {
        Map<String, String> out = new LinkedHashMap<>(r.params());
        out.remove(JmhFigures.BACKEND);
        return out;
    }
}
