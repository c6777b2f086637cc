package org.leakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Membership points that could only fail or mean nothing are refused at --dry-run with the reason. */
class MembershipDryRunTest {
    @TempDir
    Path dir;

    private LeakBenchCliTest.Result dryRun(String grid) throws IOException {
        Path file = Files.writeString(
                dir.resolve("mia.yaml"), "name: mia\ngrid:\n  dataset: [breast-cancer]\n" + "  model: [mlp]\n" + grid);
        return LeakBenchCliTest.run("sweep", file.toString(), "--dry-run");
    }

    @Test
    void onlineLiraWithTooFewShadowModelsIsRefused() throws IOException {
        LeakBenchCliTest.Result r = dryRun("  attack: [lira-online]\n  lira.shadows: [2]\n");
        assertEquals(LeakBench.EXIT_USAGE, r.code(), r.out());
        assertTrue(r.err().contains("lira.shadows is 2") && r.err().contains("2 IN and 2 OUT"), r.err());
    }

    @Test
    void aModelOutputAttackUnderAnUpdateDefenseIsRefused() throws IOException {
        LeakBenchCliTest.Result r = dryRun("  attack: [rmia]\n  defenses:\n    - {name: local-dp, param: [1.0]}\n");
        assertEquals(LeakBench.EXIT_USAGE, r.code(), r.out());
        assertTrue(r.err().contains("no target is trained"), r.err());
    }

    @Test
    void updateMembershipUnderSecureAggregationIsRefused() throws IOException {
        LeakBenchCliTest.Result r = dryRun("  attack: [mia-update]\n  defenses:\n    - {name: secagg}\n");
        assertEquals(LeakBench.EXIT_USAGE, r.code(), r.out());
        assertTrue(r.err().contains("only sees the sum"), r.err());
    }

    @Test
    void validMembershipPointsPass() throws IOException {
        LeakBenchCliTest.Result r = dryRun("  attack: [rmia, lira-online, mia-update]\n");
        assertEquals(0, r.code(), r.err());
    }
}
