package org.leakbench.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leakbench.results.Metric;
import org.leakbench.results.RunLayout;

/**
 * Renders the fixture run folder once, headless, into {@code target/fixture-render/run} (kept there so the
 * figures can be looked at after the build) and checks every figure, table and the report.
 */
class PlotsRenderTest {
    static final List<String> EXPECTED_FIGURES = List.of(
            "frontier-psnr",
            "frontier-ssim",
            "frontier-mia_auc",
            "cost-defense_ms",
            "cost-bytes_up",
            "leakage-vs-batch-psnr",
            "leakage-vs-model-size-psnr",
            "leakage-vs-batch-ssim",
            "scaling-defense_ms-vs-clients",
            "scaling-bytes_up-vs-clients",
            "scaling-defense_ms-vs-params",
            "epsilon-vs-sigma",
            "roc",
            "roc-bands",
            "reconstructions-dlg",
            "jmh-backends-GradientBench",
            "jmh-SecAggBench",
            "jmh-scaling-GradientBench-size",
            "jmh-scaling-SecAggBench-clients");

    private static Path run;
    private static PlotReport report;

    @BeforeAll
    static void render() throws IOException {
        Path root = Path.of("target", "fixture-render");
        Fixtures.deleteTree(root);
        run = Fixtures.copyRun(root.resolve("run"));
        report = Plots.renderRun(run);
    }

    @Test
    void fixtureCarriesEveryMetricColumnOfTheSchema() throws IOException {
        ResultsFile results = ResultsFile.read(run.resolve(RunLayout.RESULTS));
        assertEquals(List.of(Metric.values()), results.metrics());
    }

    @Test
    void writesEveryFigureTypeFromTheFixture() {
        for (String name : EXPECTED_FIGURES) {
            assertTrue(report.hasFigure(name), name + " missing; skipped: " + report.skipped());
        }
    }

    @Test
    void pngsHave300DpiSizeAndAreNotBlank() throws IOException {
        double scale = ChartStyle.DPI / 72.0;
        for (PlotReport.Figure f : report.figures()) {
            assertTrue(Files.isRegularFile(f.png()), f.png().toString());
            BufferedImage img = ImageIO.read(f.png().toFile());
            // At least a small panel wide and tall, plus the caption strip, at 300 DPI.
            assertTrue(img.getWidth() >= Math.round(CostFigures.PANEL_W * scale) - 1, f.name() + " " + img.getWidth());
            assertTrue(
                    img.getHeight() >= Math.round((ChartStyle.HEIGHT / 2 + Drawing.FOOTER) * scale) - 1,
                    f.name() + " " + img.getHeight());
            assertEquals(ChartStyle.DPI, Fixtures.dpi(f.png()), 0.5, f.name() + " records its resolution");
            assertTrue(Fixtures.distinctColours(img) > 10, f.name() + " looks blank");
            assertTrue(Fixtures.inkFraction(img) > 0.01, f.name() + " has almost nothing drawn");
        }
    }

    @Test
    void svgsAreNonEmptyVectorFiles() throws IOException {
        for (PlotReport.Figure f : report.figures()) {
            String svg = Files.readString(f.vector());
            assertTrue(svg.contains("<svg") && svg.length() > 2000, f.vector() + " is not a real SVG");
            // JMH figures compare the benchmarks' backends, so their strip names the run alone.
            String strip = f.name().startsWith("jmh")
                    ? "LeakBench run 2026-11-23T19-00-00Z-fixture<"
                    : "LeakBench run 2026-11-23T19-00-00Z-fixture, backend ejml";
            assertTrue(svg.contains(strip), f.name() + ": the caption strip is missing from the SVG");
        }
        assertTrue(
                Files.readString(run.resolve("figures/frontier-psnr.svg")).contains(">σ=2<"),
                "point labels are text in the SVG");
        assertTrue(
                Files.readString(run.resolve("figures/reconstructions-dlg.svg")).contains("<image"),
                "the gallery embeds the reconstruction images");
    }

    @Test
    void pdfsAreOnePageOfTheFigureSize() throws IOException {
        for (PlotReport.Figure f : report.figures()) {
            try (var doc = org.apache.pdfbox.Loader.loadPDF(f.pdf().toFile())) {
                assertEquals(1, doc.getNumberOfPages(), f.name());
                var box = doc.getPage(0).getMediaBox();
                BufferedImage png = ImageIO.read(f.png().toFile());
                // The PNG is the same page at 300/72 pixels per point.
                assertEquals(png.getWidth(), box.getWidth() * ChartStyle.DPI / 72.0, 1.0, f.name());
                assertEquals(png.getHeight(), box.getHeight() * ChartStyle.DPI / 72.0, 1.0, f.name());
            }
            assertTrue(Files.size(f.pdf()) > 2000, f.name() + " PDF is nearly empty");
        }
    }

    @Test
    void noTemporaryFilesLeftBehind() throws IOException {
        try (var s = Files.list(run.resolve("figures"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".")));
        }
    }

    @Test
    void resultsTableHasMeansAndMarksTheBest() throws IOException {
        String md = Files.readString(run.resolve("tables/results.md"));
        // dlg, no defense, batch 8, width 64: PSNR 21.503 and 22.703 over two seeds.
        assertTrue(md.contains("| 22.1 ± 0.8 |"), md);
        // The highest accuracy (0.856 and 0.864, undefended) is bold.
        assertTrue(md.contains("**0.860 ± 0.006**"), md);
        // Lowest PSNR against dlg: secure aggregation over 32 clients; lowest upload: top-k keeping 1%.
        assertTrue(md.contains("**6.10 ± 0.42**"), md);
        assertTrue(md.contains("| 9.56 ± 0.85 |"), md);
        assertTrue(md.contains("**4404 ± 0**"), md);
        assertTrue(md.contains("| 220200 ± 0 |"), md);
        String tex = Files.readString(run.resolve("tables/results.tex"));
        assertTrue(tex.contains("\\toprule") && tex.contains("\\midrule") && tex.contains("\\bottomrule"));
        assertTrue(tex.contains("defense\\_ms") && tex.contains("\\textbf{0.860 $\\pm$ 0.006}"), tex);
        assertFalse(tex.contains("±"), "± must be LaTeX math");
    }

    @Test
    void defenseTableTakesTheStrongestAttackAndMarksTheBest() throws IOException {
        String md = Files.readString(run.resolve("tables/defenses.md"));
        // Undefended: iDLG (22.75, 23.25) beats DLG (21.5, 22.7) on both seeds, so the row shows iDLG's mean.
        assertTrue(md.contains("| none | – | 2 | 0 | 23.0 ± 0.4 |"), md);
        // DLG diverged on seed 3 under σ = 2: counted as not measured; seeds 1 and 2 give the leakage.
        assertTrue(
                md.contains("| dp-sgd | σ=2 | 2 | 1 | **9.56 ± 0.85** | **0.110 ± 0.028** | **0.531 ± 0.014** |"), md);
        assertTrue(md.contains("**4404 ± 0**"), md);
        String tex = Files.readString(run.resolve("tables/defenses.tex"));
        assertTrue(tex.contains("\\toprule") && tex.contains("$\\sigma$=2"), tex);
    }

    @Test
    void resultsTableCountsDivergedAttacks() throws IOException {
        String md = Files.readString(run.resolve("tables/results.md"));
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| dlg | dp-sgd | 2.0 |") && l.contains("| 2 | 1 |")), md);
    }

    @Test
    void jmhTableShowsErrorsAndSpeedUps() throws IOException {
        String md = Files.readString(run.resolve("tables/jmh.md"));
        assertTrue(md.contains("×2.86 vs ejml"), md);
        assertTrue(md.contains("×0.35 vs nd4j"), md);
        assertTrue(md.contains("GradientBench.dlgStep | backend=ejml, size=256 | avgt | 5200 ± 300 | us/op"), md);
        // A NaN scoreError (one iteration) prints the score alone.
        assertTrue(md.contains("| 12.5 | us/op |"), md);
        // The benchmarks' backends are not the sweep's: the caption names the run, not provenance's backend.
        assertTrue(md.contains("run 2026-11-23T19-00-00Z-fixture.") && !md.contains("backend ejml"), md);
    }

    @Test
    void reportLinksEveryFigureTableAndReconstructionAndTheLinksResolve() throws IOException {
        String text = Files.readString(report.report());
        for (PlotReport.Figure f : report.figures()) {
            assertTrue(text.contains("(figures/" + f.name() + ".png)"), f.name());
            assertTrue(text.contains("(figures/" + f.name() + ".svg)"), f.name());
            assertTrue(f.caption().contains("(run 2026-11-23T19-00-00Z-fixture"), f.caption());
            assertTrue(f.name().startsWith("jmh") || f.caption().contains("backend ejml"), f.caption());
        }
        assertTrue(text.contains("(tables/results.tex)") && text.contains("(tables/jmh.md)"));
        assertTrue(
                text.contains("[p001-s1.png](reconstructions/p001-s1.png): dlg, no defense, seed 1, PSNR 21.5 dB"),
                text);
        Matcher m = Pattern.compile("\\]\\(([^)]+)\\)|src=\"([^\"]+)\"").matcher(text);
        int links = 0;
        while (m.find()) {
            String target = m.group(1) != null ? m.group(1) : m.group(2);
            assertTrue(Files.exists(run.resolve(target)), "broken link " + target);
            links++;
        }
        assertTrue(links >= 2 * EXPECTED_FIGURES.size() + 4);
    }

    @Test
    void reportCountsRowsByStatus() throws IOException {
        String text = Files.readString(report.report());
        assertTrue(text.contains("| failed: out of memory | 1 |"), text);
        assertTrue(text.contains("| diverged | 1 |"), text);
    }

    @Test
    void figuresWithoutDataAreSkippedWithAReason() {
        // The fixture has no model-size variation for MIA, so that figure is skipped, not drawn empty.
        assertFalse(report.hasFigure("leakage-vs-model-size-mia_auc"));
        assertTrue(
                report.skipped().stream()
                        .anyMatch(s -> s.item().contains("leakage-vs-model-size-mia_auc")
                                && !s.reason().isBlank()),
                report.skipped().toString());
    }
}
