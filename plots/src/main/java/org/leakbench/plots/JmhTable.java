package org.leakbench.plots;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The JMH table: benchmark, parameters, mode, score ± error, unit and, when a {@code backend} parameter
 * exists, the speed-up of each backend over every other backend on the same benchmark and parameters
 * (score ratio for throughput, inverse ratio for time modes, so above 1 always means faster).
 */
final class JmhTable {
    private JmhTable() {}

    static void render(RunContext ctx, List<JmhResult> results) throws IOException {
        if (results.isEmpty()) {
            ctx.skip("table jmh", "no jmh/*.json results in the run folder");
            return;
        }
        TextTable table = build(results);
        String caption = "JMH results: score ± 99.9% error; speed-up over the other backends on the same "
                + "benchmark and parameters (above 1 = faster). " + ctx.provenance.runTag() + ".";
        ctx.table(FigureWriter.writeText(ctx.tablesDir.resolve("jmh.tex"), table.latex(caption, "tab:jmh")));
        ctx.table(FigureWriter.writeText(ctx.tablesDir.resolve("jmh.md"), table.markdown(caption)));
        JmhSource run = JmhSource.read(ctx.runDir, "");
        List<java.nio.file.Path> comparison =
                JmhComparison.write(List.of(run), ctx.tablesDir, "jmh-backends", ctx.provenance.runTag());
        if (comparison.isEmpty()) {
            ctx.skip("table jmh-backends", "no JMH result has a backend parameter");
        }
        comparison.forEach(ctx::table);
    }

    static TextTable build(List<JmhResult> results) {
        boolean hasBackend = results.stream().anyMatch(r -> r.params().containsKey(JmhFigures.BACKEND));
        List<String> header = new ArrayList<>(List.of("benchmark", "params", "mode", "score", "unit"));
        if (hasBackend) {
            header.add("speed-up");
        }
        List<List<TextTable.Cell>> rows = new ArrayList<>();
        // Backends of one benchmark and parameter set on adjacent rows, in file order otherwise.
        List<String> groupOrder = results.stream()
                .map(r -> JmhFigures.groupLabel(r, JmhFigures.BACKEND))
                .distinct()
                .toList();
        List<JmhResult> sorted = results.stream()
                .sorted(java.util.Comparator.comparingInt(
                                (JmhResult r) -> groupOrder.indexOf(JmhFigures.groupLabel(r, JmhFigures.BACKEND)))
                        .thenComparing(r -> r.params().getOrDefault(JmhFigures.BACKEND, "")))
                .toList();
        for (JmhResult r : sorted) {
            List<TextTable.Cell> row = new ArrayList<>();
            row.add(TextTable.Cell.of(r.shortName()));
            row.add(TextTable.Cell.of(r.params().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "))));
            row.add(TextTable.Cell.of(r.mode()));
            row.add(TextTable.Cell.of(Numbers.format(r.score())
                    + (Double.isFinite(r.scoreError()) ? " ± " + Numbers.formatLike(r.scoreError(), r.score()) : "")));
            row.add(TextTable.Cell.of(r.unit()));
            if (hasBackend) {
                row.add(TextTable.Cell.of(speedups(r, results)));
            }
            rows.add(row);
        }
        return new TextTable(header, rows);
    }

    /** "×2.10 vs java; ×0.85 vs nd4j", against the same benchmark, mode, unit and other parameters. */
    static String speedups(JmhResult r, List<JmhResult> all) {
        String backend = r.params().get(JmhFigures.BACKEND);
        if (backend == null) {
            return "";
        }
        String group = JmhFigures.groupLabel(r, JmhFigures.BACKEND);
        List<String> parts = new ArrayList<>();
        for (JmhResult o : all) {
            String other = o.params().get(JmhFigures.BACKEND);
            if (other == null
                    || other.equals(backend)
                    || !o.mode().equals(r.mode())
                    || !o.unit().equals(r.unit())
                    || !JmhFigures.groupLabel(o, JmhFigures.BACKEND).equals(group)) {
                continue;
            }
            double ratio = r.higherIsBetter() ? r.score() / o.score() : o.score() / r.score();
            parts.add(String.format(Locale.ROOT, "×%.2f vs %s", ratio, other));
        }
        return String.join("; ", parts);
    }
}
