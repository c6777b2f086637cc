package org.leakbench.plots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.leakbench.results.RunLayout;

/**
 * Renders the figures, tables and report of one run folder. Call {@link #renderRun(Path)} from code, or run
 * {@link #main(String[])} with the run folder (or {@code results/latest}) as its argument.
 */
public final class Plots {
    private Plots() {}

    /**
     * Reads {@code results.csv} (required), {@code provenance.json}, {@code roc.csv}, {@code epsilon.csv},
     * {@code jmh/*.json} and {@code reconstructions/*.png} (all optional) from {@code runDir}, and writes
     * {@code figures/}, {@code tables/} and {@code report.md} into it.
     *
     * @param runDir a run folder, a symbolic link to one, or a text file holding a run id (resolved next to it)
     * @return what was written and what was skipped, with reasons
     * @throws PlotInputException when an input file is malformed (the message names file, column and line)
     * @throws IOException        when a file cannot be read or written
     */
    public static PlotReport renderRun(Path runDir) throws IOException {
        Path run = RunLocator.resolve(runDir);
        Path resultsFile = run.resolve(RunLayout.RESULTS);
        if (!Files.isRegularFile(resultsFile)) {
            throw new PlotInputException(resultsFile.toString(), null, 0, "missing: every run folder needs one");
        }
        ResultsFile results = ResultsFile.read(resultsFile);
        RunContext ctx = new RunContext(run, Provenance.read(run), results);
        List<JmhResult> jmh = JmhResult.readAll(run.resolve(RunLayout.JMH));

        FrontierFigures.render(ctx);
        CostFigures.render(ctx);
        LeakageFigures.render(ctx);
        ScalingFigures.render(ctx);
        EpsilonFigure.render(ctx);
        AuditFigure.render(ctx);
        AccountantFigure.render(ctx);
        RocFigure.render(ctx);
        RocBandsFigure.render(ctx);
        JmhFigures.render(ctx, jmh);
        List<ThreadScalingRows.Row> threadScaling = ThreadScalingRows.read(run);
        ThreadScalingFigure.render(ctx, threadScaling);
        ReconstructionGallery.render(ctx);
        TextRecoveryFigures.render(ctx);
        MaliciousServerFigure.render(ctx);

        DefenseTable.render(ctx);
        AdaptiveDefenseTable.render(ctx);
        ResultsTables.render(ctx);
        JmhTable.render(ctx, jmh);
        HotPathTables.render(ctx, jmh);
        ThreadScalingTable.render(ctx, threadScaling);
        StringBuilder inline = new StringBuilder();
        for (Path t : ctx.tables) {
            if (t.getFileName().toString().endsWith(".md")) {
                inline.append(Files.readString(t)).append("\n");
            }
        }
        removeStale(ctx);
        List<Path> reconstructions = reconstructions(run.resolve(RunLayout.RECONSTRUCTIONS));
        Path report = ReportWriter.write(ctx, reconstructions, inline.toString());
        return new PlotReport(run, ctx.figures, ctx.tables, reconstructions, ctx.skipped, report);
    }

    // figures/ and tables/ hold only generated files: one an earlier rendering wrote and this one did not (a
    // figure whose data is gone, or one renamed since) would otherwise sit there looking current.
    private static void removeStale(RunContext ctx) throws IOException {
        java.util.Set<Path> written = new java.util.HashSet<>();
        ctx.figures.forEach(f -> written.addAll(List.of(f.png(), f.vector(), f.pdf())));
        written.addAll(ctx.tables);
        for (var entry : java.util.Map.of(
                        ctx.figuresDir, List.of(".png", ".svg", ".pdf"), ctx.tablesDir, List.of(".tex", ".md"))
                .entrySet()) {
            if (!Files.isDirectory(entry.getKey())) {
                continue;
            }
            try (Stream<Path> s = Files.list(entry.getKey())) {
                for (Path p : s.sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (Files.isRegularFile(p)
                            && entry.getValue().stream().anyMatch(name::endsWith)
                            && !written.contains(p)) {
                        Files.delete(p);
                        ctx.removed.add(ctx.runDir.relativize(p).toString().replace('\\', '/'));
                    }
                }
            }
        }
    }

    private static List<Path> reconstructions(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                    .sorted()
                    .toList();
        }
    }

    /** Renders the run folder named by the single argument (default {@code results/latest}). */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Path run = Path.of(args.length > 0 ? args[0] : "results/latest");
        try {
            PlotReport report = renderRun(run);
            System.out.println("Wrote " + report.figures().size() + " figures and "
                    + report.tables().size() + " tables; report: " + report.report());
            report.skipped().forEach(s -> System.out.println("skipped " + s));
        } catch (PlotInputException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        } catch (IOException e) {
            System.err.println("error: " + e);
            System.exit(1);
        }
    }
}
