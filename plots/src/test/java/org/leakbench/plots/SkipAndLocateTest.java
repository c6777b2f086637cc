package org.leakbench.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures without data are skipped with a note; {@code results/latest} may be a link or a pointer file. */
class SkipAndLocateTest {
    private static final String SMALL = """
            point_id,seed,attack,defense,defense_param,batch,psnr,accuracy,time_ms,status
            p1,1,dlg,none,,8,25,0.9,100,ok
            p2,1,dlg,dp-sgd,1.0,8,12,0.8,130,ok
            p3,1,dlg,dp-sgd,2.0,8,,,,diverged
            """;

    @TempDir
    Path dir;

    @Test
    void figuresWithoutDataAreSkippedWithANoteAndNoFile() throws IOException {
        Path run = Fixtures.runWithResults(dir.resolve("run-1"), SMALL);
        PlotReport report = Plots.renderRun(run);
        assertTrue(report.hasFigure("frontier-psnr"));
        for (String absent : new String[] {
            "roc",
            "roc-bands",
            "epsilon-vs-sigma",
            "jmh-backends",
            "leakage-vs-batch-psnr",
            "frontier-ssim",
            "cost-bytes_up",
            "cost-defense_ms",
            "scaling-defense_ms-vs-clients",
            "reconstructions"
        }) {
            assertFalse(report.hasFigure(absent), absent);
            assertFalse(Files.exists(report.runDir().resolve("figures/" + absent + ".png")), absent);
            assertTrue(report.skipped().stream().anyMatch(s -> s.item().contains(absent)), absent);
        }
        String md = Files.readString(report.report());
        assertTrue(md.contains("## Skipped") && md.contains("figure roc: no roc.csv in the run folder"), md);
        assertTrue(md.contains("1 diverged"), md);
        // Without provenance.json the folder name stands in for the run id.
        assertTrue(md.contains("run run-1"), md);
    }

    @Test
    void latestAsSymbolicLinkIsFollowed() throws IOException {
        Path run = Fixtures.runWithResults(dir.resolve("run-2"), SMALL);
        Path latest = Files.createSymbolicLink(dir.resolve("latest"), run.getFileName());
        PlotReport report = Plots.renderRun(latest);
        assertEquals(run.toRealPath(), report.runDir());
        assertTrue(Files.isRegularFile(run.resolve("report.md")));
    }

    @Test
    void latestAsPointerFileIsResolvedNextToIt() throws IOException {
        Path run = Fixtures.runWithResults(dir.resolve("run-3"), SMALL);
        Files.writeString(dir.resolve("latest"), "run-3\n");
        PlotReport report = Plots.renderRun(dir.resolve("latest"));
        assertEquals(run.toRealPath(), report.runDir());
    }

    @Test
    void pointerToAMissingRunIsAnError() throws IOException {
        Files.writeString(dir.resolve("latest"), "nope\n");
        PlotInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                PlotInputException.class, () -> Plots.renderRun(dir.resolve("latest")));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void provenanceKeysAreReadUnderTheSchemasOlderSpellings() throws IOException {
        Path run = Fixtures.runWithResults(dir.resolve("run-4"), SMALL);
        Files.writeString(
                run.resolve("provenance.json"),
                "{\"runId\": \"abc\", \"backend\": \"nd4j\", \"backend-description\": \"OpenBLAS\"}");
        Provenance p = Provenance.read(run);
        assertEquals("abc", p.runId());
        assertEquals("nd4j", p.backend());
        assertEquals("OpenBLAS", p.backendDescription());
    }

    @Test
    void epsilonFromTheResultsHasOneLinePerNumberOfRoundsAndNeedsTwoSigmas() throws IOException {
        StringBuilder csv = new StringBuilder("point_id,seed,attack,defense,defense_param,fl_rounds,epsilon,status\n");
        int id = 0;
        for (int rounds : new int[] {10, 100}) {
            for (double sigma : new double[] {0.5, 1.0, 2.0}) {
                csv.append("e")
                        .append(id++)
                        .append(",1,dlg,dp-sgd,")
                        .append(sigma)
                        .append(',')
                        .append(rounds)
                        .append(',')
                        .append(rounds / (10 * sigma))
                        .append(",ok\n");
            }
        }
        PlotReport report = Plots.renderRun(Fixtures.runWithResults(dir.resolve("eps"), csv.toString()));
        PlotReport.Figure f = report.figures().stream()
                .filter(x -> x.name().equals("epsilon-vs-sigma"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(report.skipped().toString()));
        assertTrue(f.caption().contains("per DP defense"), f.caption());
        String one = "point_id,seed,attack,defense,defense_param,epsilon,status\np1,1,dlg,dp-sgd,0.5,25,ok\n";
        PlotReport single = Plots.renderRun(Fixtures.runWithResults(dir.resolve("eps1"), one));
        assertFalse(single.hasFigure("epsilon-vs-sigma"));
        assertTrue(
                single.skipped().stream()
                        .anyMatch(s -> s.item().contains("epsilon-vs-sigma")
                                && s.reason().contains("single noise multiplier")),
                single.skipped().toString());
    }

    @Test
    void twoModelsGetAFrontierEach() throws IOException {
        String csv = """
                point_id,seed,model,attack,defense,defense_param,psnr,accuracy,status
                a,1,lenet,dlg,none,0,30,0.9,ok
                b,1,lenet,dlg,topk,0.1,12,0.8,ok
                c,1,mlp,dlg,none,0,25,0.92,ok
                d,1,mlp,dlg,topk,0.1,10,0.85,ok
                """;
        PlotReport report = Plots.renderRun(Fixtures.runWithResults(dir.resolve("models"), csv));
        assertTrue(report.hasFigure("frontier-psnr-lenet"), report.figures().toString());
        assertTrue(report.hasFigure("frontier-psnr-mlp"), report.figures().toString());
        assertFalse(report.hasFigure("frontier-psnr"));
    }

    @Test
    void filesOfAnEarlierRenderingThatAreNotWrittenAgainAreRemoved() throws IOException {
        Path run = Fixtures.runWithResults(dir.resolve("stale"), SMALL);
        Files.createDirectories(run.resolve("figures"));
        Files.writeString(run.resolve("figures/cost-time_ms.png"), "old");
        Files.writeString(run.resolve("figures/notes.txt"), "kept: not a figure format");
        PlotReport report = Plots.renderRun(run);
        assertFalse(Files.exists(run.resolve("figures/cost-time_ms.png")));
        assertTrue(Files.exists(run.resolve("figures/notes.txt")));
        assertTrue(Files.exists(run.resolve("figures/frontier-psnr.png")));
        assertTrue(Files.readString(report.report()).contains("`figures/cost-time_ms.png`"));
    }
}
