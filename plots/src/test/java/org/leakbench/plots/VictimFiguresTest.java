package org.leakbench.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leakbench.results.Metric;

/**
 * The fixture run with a victims.csv beside it: figures pool victims and say so, with bootstrap-interval bars,
 * and the tables count victims × seeds.
 */
class VictimFiguresTest {
    private static Path root;
    private static PlotReport report;

    @BeforeAll
    static void render() throws IOException {
        root = Files.createTempDirectory("victim-figures");
        Path run = Fixtures.copyRun(root.resolve("run"));
        ResultsFile results = ResultsFile.read(run.resolve("results.csv"));
        StringBuilder v = new StringBuilder("point_id,seed,victim,indices,psnr,ssim,status\n");
        for (ResultRow r : results.okRows()) {
            if (r.metric(Metric.PSNR).isEmpty()) {
                continue;
            }
            for (int i = 0; i < 4; i++) {
                double off = (i - 1.5) * 3;
                v.append(r.pointId())
                        .append(',')
                        .append(r.seed())
                        .append(',')
                        .append(i)
                        .append(',')
                        .append(r.seed())
                        .append(i)
                        .append(',')
                        .append(r.metric(Metric.PSNR).getAsDouble() + off)
                        .append(',')
                        .append(
                                r.metric(Metric.SSIM).isPresent()
                                        ? Double.toString(Math.max(
                                                0,
                                                Math.min(
                                                        1, r.metric(Metric.SSIM).getAsDouble() + off / 100)))
                                        : "")
                        .append(",ok\n");
            }
        }
        Files.writeString(run.resolve("victims.csv"), v.toString());
        report = Plots.renderRun(run);
    }

    @AfterAll
    static void clean() throws IOException {
        Fixtures.deleteTree(root);
    }

    private static String caption(String prefix) {
        return report.figures().stream()
                .filter(f -> f.name().startsWith(prefix))
                .map(PlotReport.Figure::caption)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + prefix + ": " + report.skipped()));
    }

    @Test
    void leakageFiguresPoolVictimsAndDrawBootstrapIntervals() {
        String c = caption("leakage-vs-batch-psnr");
        assertTrue(c.contains("4 victims × 2 seeds") && c.contains("bootstrap"), c);
    }

    @Test
    void frontierTakesTheStrongestAttackPerVictim() {
        String c = caption("frontier-psnr");
        assertTrue(c.contains("maximum over attacks per victim") && c.contains("bootstrap"), c);
    }

    /** The frontier's caption names exactly the defense points its table marks "n.s." for PSNR. */
    @Test
    void frontierCaptionNamesTheSamePointsAsTheTablesNonSignificanceMarks() throws IOException {
        for (Path t : report.tables()) {
            String file = t.getFileName().toString();
            if (!file.startsWith("defenses-") || !file.endsWith(".md")) {
                continue;
            }
            String model = file.substring(file.lastIndexOf('-') + 1, file.length() - ".md".length());
            List<String> lines = Files.readAllLines(t).stream()
                    .filter(l -> l.startsWith("| "))
                    .toList();
            List<String> header = List.of(lines.get(0).split("\\|"));
            int psnr = -1;
            for (int i = 0; i < header.size(); i++) {
                psnr = header.get(i).trim().startsWith("PSNR") ? i : psnr;
            }
            List<String> marked = new java.util.ArrayList<>();
            for (String l : lines.subList(2, lines.size())) {
                String[] cells = l.split("\\|", -1);
                if (psnr > 0 && cells[psnr].contains("n.s.")) {
                    String knob = cells[2].trim();
                    marked.add(knob.equals("–") ? cells[1].trim() : cells[1].trim() + " " + knob);
                }
            }
            String c = report.figures().stream()
                    .filter(f -> f.name().equals("frontier-psnr-" + model))
                    .map(PlotReport.Figure::caption)
                    .findFirst()
                    .orElse(null);
            if (c == null) {
                continue;
            }
            for (String m : marked) {
                assertTrue(c.contains(m), "the table marks " + m + " n.s., the figure does not: " + c);
            }
            assertEquals(!marked.isEmpty(), c.contains("Not significantly different"), file + ": " + c);
        }
    }

    @Test
    void tablesCountVictimsAndSeeds() throws IOException {
        for (Path t : report.tables()) {
            if (List.of("results.md").contains(t.getFileName().toString())
                    || (t.getFileName().toString().startsWith("defenses")
                            && t.toString().endsWith(".md"))) {
                String md = Files.readString(t);
                assertTrue(md.contains("victims×seeds") && md.contains("4×2"), t + "\n" + md);
                if (t.getFileName().toString().startsWith("defenses")) {
                    assertTrue(md.contains("other leakage columns are the maximum over attacks per seed"), md);
                }
            }
        }
        assertTrue(
                report.tables().stream()
                        .anyMatch(t -> t.getFileName().toString().equals("results.md")),
                Map.of("tables", report.tables()).toString());
    }
}
