package org.leakbench.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.results.Metric;

/**
 * When the strongest attack diverges under a defense, a weaker attack's low leakage must not stand in for it:
 * the frontier and the defense table leave that seed out and count the row as not measured, and a defense point
 * whose strongest attack diverged on every seed is listed as not measured instead of as a defense that worked.
 */
class DivergedStrongestAttackTest {
    /** A strong (dlg) and a weak attack on two seeds; dlg diverges under noise on seed 2 and under pruning always. */
    static final String CSV = """
            point_id,seed,attack,defense,defense_param,psnr,accuracy,status
            a,1,dlg,none,,60,0.85,ok
            a,2,dlg,none,,62,0.85,ok
            b,1,weak,none,,20,0.85,ok
            b,2,weak,none,,22,0.85,ok
            c,1,dlg,noise,0.01,40,0.84,ok
            c,2,dlg,noise,0.01,,0.84,diverged
            d,1,weak,noise,0.01,8,0.84,ok
            d,2,weak,noise,0.01,6,0.84,ok
            e,1,dlg,prune,0.9,,0.80,diverged
            e,2,dlg,prune,0.9,,0.80,failed: out of memory (heap)
            f,1,weak,prune,0.9,5,0.80,ok
            f,2,weak,prune,0.9,5,0.80,ok
            """;

    @TempDir
    Path dir;

    @Test
    void aDivergedStrongestAttackIsNotReadAsADefense() throws IOException {
        Path run = Fixtures.runWithResults(dir.resolve("run"), CSV);
        ResultsFile results = ResultsFile.read(run.resolve("results.csv"));
        DefensePoints dp = DefensePoints.of(results, Metric.PSNR);
        DefensePoints.Point noise = Fixtures.pointOf(dp, "noise");
        // Seed 2's strongest attack diverged: only seed 1 (DLG's 40 dB) is left, never the weak attack's 6 dB.
        assertEquals(40.0, noise.leak().mean(), 1e-9);
        assertEquals(1, noise.leak().n());
        assertEquals(1, noise.notMeasured());
        assertTrue(
                dp.points().stream().noneMatch(p -> p.defense().equals("prune")),
                "prune's strongest attack measured nothing: not a frontier point");
        assertEquals(1, dp.unmeasured().size());
        assertEquals(2, dp.unmeasured().get(0).notMeasured());

        Plots.renderRun(run);
        String md = Files.readString(run.resolve("tables/defenses.md"));
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| noise |") && l.contains("| 1 | 1 | **40.0** |")), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| prune |") && l.contains("| 0 | 2 | –")), md);
        assertTrue(md.contains("not measured = attack rows that diverged, failed or timed out"), md);
        String captions = Files.readString(run.resolve("report.md"));
        assertTrue(
                captions.contains("3 attack rows diverged, failed or timed out: their seeds are left out, and "
                        + "[pruned=0.9] (no seed measured) are not drawn"),
                captions);
    }
}
