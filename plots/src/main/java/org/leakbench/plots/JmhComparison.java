package org.leakbench.plots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.leakbench.results.JmhUnits;

/**
 * The backend comparison table: for every benchmark that has a {@code backend} parameter, the time per
 * operation on each backend (of each machine, when several runs are merged), the speed-up of the fastest over
 * the others, its GFLOP/s and fraction of that backend's measured GEMM peak where the operation count is known,
 * and the PyTorch reference time of the same path with the ratio of the best Java time to it.
 */
public final class JmhComparison {
    private static final Map<String, String> TORCH_PATHS = Map.of(
            "GradientBench.grad",
            "grad",
            "InversionStepBench.dlg",
            "dlg",
            "InversionStepBench.invertingGradients",
            "ig");
    static final String GEMM = "GemmBench.matmul";

    private JmhComparison() {}

    /** One column of times: a backend on a machine. */
    record Column(JmhSource source, String backend) {
        String title() {
            return (source.label().isEmpty() ? "" : source.label() + " ") + backend + " (ms)";
        }
    }

    /** The table for one or more machines; empty when no result has a backend parameter. */
    static TextTable build(List<JmhSource> sources) {
        List<Column> columns = new ArrayList<>();
        Map<String, Map<Column, JmhResult>> groups = new LinkedHashMap<>();
        for (JmhSource s : sources) {
            Set<String> backends = new LinkedHashSet<>();
            for (JmhResult r : s.results()) {
                String b = r.params().get(JmhFigures.BACKEND);
                if (b != null && !Double.isNaN(millis(r))) {
                    backends.add(b);
                }
            }
            backends.forEach(b -> columns.add(new Column(s, b)));
            for (JmhResult r : s.results()) {
                String b = r.params().get(JmhFigures.BACKEND);
                if (b != null && !Double.isNaN(millis(r))) {
                    groups.computeIfAbsent(JmhFigures.groupLabel(r, JmhFigures.BACKEND), k -> new LinkedHashMap<>())
                            .put(new Column(s, b), r);
                }
            }
        }
        List<String> header = new ArrayList<>(List.of("operation", "params"));
        columns.forEach(c -> header.add(c.title()));
        header.addAll(List.of("fastest", "GFLOP/s", "% of GEMM peak"));
        List<JmhSource> withTorch =
                sources.stream().filter(s -> !s.torch().isEmpty()).toList();
        for (JmhSource s : withTorch) {
            String prefix = s.label().isEmpty() ? "" : s.label() + " ";
            header.add(prefix + "PyTorch (ms)");
            header.add(prefix + "best / PyTorch");
        }
        Map<Column, Double> peaks = gemmPeaks(columns, groups);
        List<List<TextTable.Cell>> rows = new ArrayList<>();
        for (Map<Column, JmhResult> g : groups.values()) {
            JmhResult any = g.values().iterator().next();
            List<TextTable.Cell> row = new ArrayList<>();
            row.add(TextTable.Cell.of(any.shortName()));
            row.add(TextTable.Cell.of(paramsWithoutBackend(any)));
            Column best = null;
            for (Column c : columns) {
                JmhResult r = g.get(c);
                if (r != null && (best == null || millis(r) < millis(g.get(best)))) {
                    best = c;
                }
            }
            for (Column c : columns) {
                JmhResult r = g.get(c);
                row.add(
                        r == null
                                ? TextTable.Cell.of("")
                                : new TextTable.Cell(Numbers.format(millis(r)), c.equals(best)));
            }
            row.add(TextTable.Cell.of(speedups(best, g, columns)));
            Double flop = best.source().flops().get(JmhSource.flopKey(g.get(best)));
            double rate = flop == null ? Double.NaN : flop / (millis(g.get(best)) * 1e6);
            row.add(TextTable.Cell.of(Double.isNaN(rate) ? "" : Numbers.format(rate)));
            Double peak = peaks.get(best);
            row.add(TextTable.Cell.of(
                    Double.isNaN(rate) || peak == null ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * rate / peak)));
            for (JmhSource s : withTorch) {
                Double torch = torchMillis(s, any);
                double bestHere = bestMillis(s, g);
                row.add(TextTable.Cell.of(torch == null ? "" : Numbers.format(torch)));
                row.add(TextTable.Cell.of(
                        torch == null || Double.isNaN(bestHere)
                                ? ""
                                : String.format(Locale.ROOT, "%.2f", bestHere / torch)));
            }
            rows.add(row);
        }
        return new TextTable(header, rows);
    }

    /** Writes {@code <name>.md} and {@code <name>.tex} into {@code dir}; returns them (none without data). */
    public static List<Path> write(List<JmhSource> sources, Path dir, String name, String captionTag)
            throws IOException {
        TextTable t = build(sources);
        if (t.rows().isEmpty()) {
            return List.of();
        }
        String caption = caption(sources, captionTag);
        return List.of(
                FigureWriter.writeText(dir.resolve(name + ".md"), t.markdown(caption)),
                FigureWriter.writeText(dir.resolve(name + ".tex"), t.latex(caption, "tab:" + name)));
    }

    static String caption(List<JmhSource> sources, String captionTag) {
        StringBuilder sb = new StringBuilder("Backends compared: milliseconds per operation (JMH median of sampled "
                + "operations, the average for other modes; fastest in bold), speed-up of the fastest over the others, its GFLOP/s (GEMM and convolution work only) "
                + "and share of the same backend's best GemmBench rate; best / PyTorch below 1 means faster than "
                + "PyTorch on the same machine.");
        for (JmhSource s : sources) {
            sb.append(' ').append(s.label().isEmpty() ? "Run" : s.label()).append(':');
            if (!s.cpu().isEmpty()) {
                sb.append(' ').append(s.cpu()).append(';');
            }
            String jmh = s.settings().get("jmh.threads");
            String nd4j = s.settings().get("leakbench.nd4j.threads");
            // runs from before the java backend's rename recorded its threads under its former name, ejml
            String java = s.settings()
                    .getOrDefault("leakbench.java.threads", s.settings().get("leakbench.ejml.threads"));
            if (jmh != null) {
                sb.append(" JMH threads ").append(jmh).append(", ND4J threads ").append(nd4j);
                sb.append(java == null ? "" : ", java threads " + java).append(';');
            }
            String load = s.settings().get("load.before");
            if (load != null) {
                sb.append(" load ")
                        .append(load)
                        .append(" before, ")
                        .append(s.settings().get("load.after"))
                        .append(" after;");
            }
            if (!s.torch().isEmpty()) {
                String t = s.settings().get("torch.threads");
                sb.append(" PyTorch reference (median) on the same machine")
                        .append(t == null ? "" : ", " + t + (t.equals("1") ? " thread" : " threads"))
                        .append(';');
            }
            sb.setLength(sb.length() - (sb.charAt(sb.length() - 1) == ';' ? 1 : 0));
            sb.append('.');
        }
        return sb + (captionTag == null || captionTag.isEmpty() ? "" : " " + captionTag + ".");
    }

    /** Each column's best GemmBench rate in GFLOP/s. */
    static Map<Column, Double> gemmPeaks(List<Column> columns, Map<String, Map<Column, JmhResult>> groups) {
        Map<Column, Double> peaks = new LinkedHashMap<>();
        for (Map<Column, JmhResult> g : groups.values()) {
            for (Map.Entry<Column, JmhResult> e : g.entrySet()) {
                JmhResult r = e.getValue();
                Double flop = e.getKey().source().flops().get(JmhSource.flopKey(r));
                if (!r.shortName().equals(GEMM) || flop == null) {
                    continue;
                }
                peaks.merge(e.getKey(), flop / (millis(r) * 1e6), Math::max);
            }
        }
        return peaks;
    }

    private static String speedups(Column best, Map<Column, JmhResult> g, List<Column> columns) {
        List<String> parts = new ArrayList<>();
        for (Column c : columns) {
            if (!c.equals(best) && g.containsKey(c)) {
                parts.add(String.format(Locale.ROOT, "×%.2f vs %s", millis(g.get(c)) / millis(g.get(best)), name(c)));
            }
        }
        return parts.isEmpty() ? "" : name(best) + " " + String.join("; ", parts);
    }

    private static String name(Column c) {
        return (c.source().label().isEmpty() ? "" : c.source().label() + " ") + c.backend();
    }

    private static double bestMillis(JmhSource s, Map<Column, JmhResult> g) {
        return g.entrySet().stream()
                .filter(e -> e.getKey().source().equals(s))
                .mapToDouble(e -> millis(e.getValue()))
                .min()
                .orElse(Double.NaN);
    }

    /** The PyTorch reference's milliseconds for the same operation, model and batch, or null. */
    static Double torchMillis(JmhSource s, JmhResult r) {
        String path = TORCH_PATHS.get(r.shortName());
        if (path == null) {
            return null;
        }
        return s.torch()
                .get(JmhSource.torchKey(
                        path, r.params().get("model"), r.params().get("batch")));
    }

    private static String paramsWithoutBackend(JmhResult r) {
        return r.params().entrySet().stream()
                .filter(e -> !e.getKey().equals(JmhFigures.BACKEND))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /**
     * The typical score (the median of sampled operations, else the average) as milliseconds per operation, NaN for
     * units that are not a time or a rate of operations.
     */
    static double millis(JmhResult r) {
        return JmhUnits.millisPerOp(r.typical(), r.unit());
    }
}
