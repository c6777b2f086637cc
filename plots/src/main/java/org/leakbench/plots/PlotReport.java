package org.leakbench.plots;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Plots#renderRun} wrote and what it skipped.
 *
 * @param runDir          the resolved run folder
 * @param figures         each figure written, with its caption
 * @param tables          each table file written (.tex and .md)
 * @param reconstructions reconstruction images found and linked from the report
 * @param skipped         each figure or table not written, with the reason
 * @param report          the {@code report.md} written
 */
public record PlotReport(
        Path runDir,
        List<Figure> figures,
        List<Path> tables,
        List<Path> reconstructions,
        List<Skipped> skipped,
        Path report) {

    public PlotReport {
        figures = List.copyOf(figures);
        tables = List.copyOf(tables);
        reconstructions = List.copyOf(reconstructions);
        skipped = List.copyOf(skipped);
    }

    /**
     * One figure.
     *
     * @param name    file stem, e.g. {@code frontier-psnr}
     * @param title   a short title
     * @param caption the caption line (with run id and backend)
     * @param png     the 300-DPI PNG
     * @param vector  the SVG
     * @param pdf     the PDF
     */
    public record Figure(String name, String title, String caption, Path png, Path vector, Path pdf) {}

    /**
     * Something not written.
     *
     * @param item   what was skipped, e.g. {@code figure ROC curves}
     * @param reason why, e.g. {@code no roc.csv in the run folder}
     */
    public record Skipped(String item, String reason) {
        @Override
        public String toString() {
            return item + ": " + reason;
        }
    }

    /** Every file written, report included. */
    public List<Path> written() {
        List<Path> all = new ArrayList<>();
        for (Figure f : figures) {
            all.add(f.png());
            all.add(f.vector());
            all.add(f.pdf());
        }
        all.addAll(tables);
        all.add(report);
        return all;
    }

    /** Whether the figure with this file stem was written. */
    public boolean hasFigure(String name) {
        return figures.stream().anyMatch(f -> f.name().equals(name));
    }
}
