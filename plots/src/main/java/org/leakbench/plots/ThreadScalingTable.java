package org.leakbench.plots;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code tables/jmh-threads}: each operation of the thread-scaling pass at one thread and at n threads per
 * operation, for every backend and PyTorch, with the speed-up n threads give and the ratio of the best Java-side
 * time to PyTorch's at each count, all from one suite run on one machine.
 */
final class ThreadScalingTable {
    static final String NAME = "jmh-threads";

    private ThreadScalingTable() {}

    static void render(RunContext ctx, List<ThreadScalingRows.Row> rows) throws IOException {
        if (rows.isEmpty()) {
            ctx.skip("table " + NAME, "no thread-scaling pass (jmh/threads-N/) in the run folder");
            return;
        }
        TextTable t = build(rows);
        String caption = "Thread scaling: milliseconds per operation (JMH median of sampled operations) at one "
                + "thread and at n threads per operation (JMH itself on one thread), the speed-up n threads give "
                + "(above 1 = faster), and the best backend's time over PyTorch's at each count (below 1 = faster "
                + "than PyTorch); the same suite run and machine. " + ctx.provenance.runTag() + ".";
        ctx.table(FigureWriter.writeText(ctx.tablesDir.resolve(NAME + ".md"), t.markdown(caption)));
        ctx.table(FigureWriter.writeText(ctx.tablesDir.resolve(NAME + ".tex"), t.latex(caption, "tab:" + NAME)));
    }

    static TextTable build(List<ThreadScalingRows.Row> rows) {
        Set<String> series = new LinkedHashSet<>();
        rows.forEach(r -> series.addAll(r.series().keySet()));
        // PyTorch's columns after the backends'.
        if (series.remove(ThreadScalingRows.TORCH)) {
            series.add(ThreadScalingRows.TORCH);
        }
        boolean torch = series.contains(ThreadScalingRows.TORCH);
        List<String> header = new ArrayList<>(List.of("operation", "params", "n"));
        for (String s : series) {
            header.addAll(List.of(s + ", 1 thread (ms)", s + ", n threads (ms)", s + " speed-up"));
        }
        if (torch) {
            header.addAll(List.of("best / PyTorch, 1 thread", "best / PyTorch, n threads"));
        }
        List<List<TextTable.Cell>> out = new ArrayList<>();
        for (ThreadScalingRows.Row r : rows) {
            List<TextTable.Cell> row = new ArrayList<>();
            row.add(TextTable.Cell.of(r.operation()));
            row.add(TextTable.Cell.of(r.paramText()));
            row.add(TextTable.Cell.of(String.valueOf(r.threads())));
            for (String s : series) {
                ThreadScalingRows.Times times = r.series().get(s);
                if (times == null) {
                    row.addAll(List.of(TextTable.Cell.of(""), TextTable.Cell.of(""), TextTable.Cell.of("")));
                } else {
                    row.add(TextTable.Cell.of(Numbers.format(times.one())));
                    row.add(TextTable.Cell.of(Numbers.format(times.many())));
                    row.add(TextTable.Cell.of(String.format(Locale.ROOT, "%.2f", times.speedup())));
                }
            }
            if (torch) {
                ThreadScalingRows.Times t = r.series().get(ThreadScalingRows.TORCH);
                row.add(TextTable.Cell.of(t == null ? "" : ratio(best(r, true), t.one())));
                row.add(TextTable.Cell.of(t == null ? "" : ratio(best(r, false), t.many())));
            }
            out.add(row);
        }
        return new TextTable(header, out);
    }

    /** The fastest backend's time (PyTorch excluded) at one thread or at n. */
    static double best(ThreadScalingRows.Row r, boolean oneThread) {
        return r.series().entrySet().stream()
                .filter(e -> !e.getKey().equals(ThreadScalingRows.TORCH))
                .mapToDouble(e -> oneThread ? e.getValue().one() : e.getValue().many())
                .min()
                .orElse(Double.NaN);
    }

    private static String ratio(double ours, double torch) {
        return Double.isNaN(ours) ? "" : String.format(Locale.ROOT, "%.2f", ours / torch);
    }
}
