package org.leakbench.plots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;
import org.leakbench.results.RunLayout;

/**
 * What every figure and table builder needs: the run folder, its inputs and provenance, and the lists of
 * outputs and skips that become the {@link PlotReport}.
 */
final class RunContext {
    final Path runDir;
    final Path figuresDir;
    final Path tablesDir;
    final Provenance provenance;
    final ResultsFile results;
    final List<PlotReport.Figure> figures = new ArrayList<>();
    final List<Path> tables = new ArrayList<>();
    final List<PlotReport.Skipped> skipped = new ArrayList<>();
    /** Files of an earlier rendering that this one did not write again, deleted. */
    final List<String> removed = new ArrayList<>();

    RunContext(Path runDir, Provenance provenance, ResultsFile results) {
        this.runDir = runDir;
        this.figuresDir = runDir.resolve(RunLayout.FIGURES);
        this.tablesDir = runDir.resolve(RunLayout.TABLES);
        this.provenance = provenance;
        this.results = results;
    }

    /** Writes a chart with the caption strip under it and records it (see the {@link Drawing} overload). */
    void figure(Chart<?, ?> chart, String name, String title, String caption) throws IOException {
        figure(Drawing.of(chart, null, footer()), name, title, caption);
    }

    /**
     * A JMH figure: as {@link #figure(Chart, String, String, String)}, tagged with the run id alone, because
     * its backends are the benchmarks' own, not the sweep's backend in provenance.json.
     */
    void jmhFigure(Chart<?, ?> chart, String name, String title, String caption) throws IOException {
        figure(Drawing.of(chart, null, "LeakBench " + provenance.runTag()), name, title, caption, provenance.runTag());
    }

    /** The line printed under every figure, so a figure copied out of the report still says where it is from. */
    String footer() {
        return "LeakBench " + provenance.captionTag();
    }

    /** Writes a figure and records it with a caption that ends with the run id and backend. */
    void figure(Drawing drawing, String name, String title, String caption) throws IOException {
        figure(drawing, name, title, caption, provenance.captionTag());
    }

    private void figure(Drawing drawing, String name, String title, String caption, String tag) throws IOException {
        List<Path> files = FigureWriter.write(drawing, figuresDir, name);
        String full = caption + (caption.endsWith(".") ? " " : ". ") + "(" + tag + ")";
        figures.add(new PlotReport.Figure(name, title, full, files.get(0), files.get(1), files.get(2)));
    }

    void table(Path file) {
        tables.add(file);
    }

    void skip(String item, String reason) {
        skipped.add(new PlotReport.Skipped(item, reason));
    }
}
