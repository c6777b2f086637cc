package org.leakbench.plots;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every defense is shown next to the naive and the adaptive attack: Soteria's low naive PSNR stands next to the
 * adaptive attack's, and a defense no adaptive attack was run against says so instead of looking safe.
 */
class AdaptiveDefenseTableTest {
    static final String CSV = """
            point_id,seed,attack,attack_adaptive,defense,defense_param,psnr,accuracy,status
            a,1,ig,false,none,,55,0.85,ok
            a,2,ig,false,none,,57,0.85,ok
            b,1,ig,false,soteria,0.6,7,0.83,ok
            b,2,ig,false,soteria,0.6,9,0.83,ok
            c,1,ig,true,soteria,0.6,60,0.83,ok
            c,2,ig,true,soteria,0.6,62,0.83,ok
            d,1,dlg,true,soteria,0.6,40,0.83,ok
            e,1,ig,false,prune,0.5,12,0.80,ok
            e,2,ig,false,prune,0.5,14,0.80,ok
            f,1,oracle,false,prune,0.5,100,0.80,ok
            g,1,ig,false,mixup,1,42,0.11,ok
            h,1,ig,true,instahide,2,85,0.10,ok
            """;

    @TempDir
    Path dir;

    @Test
    void naiveAndAdaptiveColumnsSitSideBySide() throws IOException {
        Path run = Fixtures.runWithResults(dir.resolve("run"), CSV);
        Plots.renderRun(run);
        String md = Files.readString(run.resolve("tables/defenses-adaptive.md"));
        assertTrue(md.contains("| defense | knob | naive PSNR (dB) ↓ | adaptive PSNR (dB) ↓ |"), md);
        // per seed the strongest adaptive attack (ig's 60 beats dlg's 40 on seed 1), then the mean over seeds
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| soteria | pruned=0.6 | 8.0") && l.contains("| 61.0")), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| prune |") && l.contains("| not run |")), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| mixup | α=1 | 42.0 | not run |")), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("| instahide | k=2 | – | 85.0 |")), md);
        // the oracle reads the truth: it is no attack, so prune's strongest PSNR is ig's
        assertFalse(md.contains("| 100"), md);
        assertTrue(md.contains("not evidence that it holds"), md);
    }

    @Test
    void aRunWithoutAdaptiveAttacksHasNoSuchTable() throws IOException {
        Path run = Fixtures.runWithResults(dir.resolve("plain"), CSV.replace(",true,", ",false,"));
        Plots.renderRun(run);
        assertFalse(Files.exists(run.resolve("tables/defenses-adaptive.md")));
    }
}
