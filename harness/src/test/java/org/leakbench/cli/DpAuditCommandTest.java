package org.leakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leakbench dp-audit} and {@code audit} budgets that refer to the audited ε. */
class DpAuditCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheAuditedEpsilonNextToTheAccountants() {
        LeakBenchCliTest.Result r = LeakBenchCliTest.run(
                "dp-audit", "--sigma", "1", "--sample-rate", "1", "--steps", "1", "--runs", "4", "--canaries", "200");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("epsilon_audit = "), r.out());
        assertTrue(r.out().contains("(lower bound, confidence 0.95) vs accountant epsilon = "), r.out());
        assertTrue(r.out().contains("DP-SGD, Dirac gradient canaries"), r.out());
    }

    @Test
    void badInputIsOneLine() {
        LeakBenchCliTest.Result r = LeakBenchCliTest.run("dp-audit", "--sigma", "1", "--mechanism", "dp-foo");
        assertEquals(2, r.code());
        assertEquals(
                "dp-audit: --mechanism must be dp-sgd, dp-fedavg or local-dp, got 'dp-foo'",
                r.err().strip());
        LeakBenchCliTest.Result local = LeakBenchCliTest.run("dp-audit", "--sigma", "1", "--mechanism", "local-dp");
        assertEquals(2, local.code());
        assertTrue(local.err().contains("--sample-rate must be 1, got 0.1"), local.err());
        LeakBenchCliTest.Result input =
                LeakBenchCliTest.run("dp-audit", "--sigma", "1", "--canary", "input", "--mechanism", "dp-fedavg");
        assertEquals(2, input.code());
        assertTrue(input.err().contains("mislabelled examples audit example-level DP (dp-sgd) only"), input.err());
    }

    @Test
    void auditBudgetsReferToTheAuditedEpsilon() throws IOException {
        Files.writeString(dir.resolve("results.csv"), """
                point_id,seed,attack,defense,defense_param,epsilon,epsilon_audit,psnr,status
                p-ok,1,dp-audit,dp-sgd,1.0,2.5,1.1,,ok
                p-bug,1,dp-audit,dp-sgd,4.0,0.4,1.3,,ok
                p-dlg,1,dlg,dp-sgd,1.0,2.5,,12.0,ok
                """);
        LeakBenchCliTest.Result fail = LeakBenchCliTest.run("audit", dir.toString(), "--max", "epsilon_audit=epsilon");
        assertEquals(1, fail.code(), fail.out() + fail.err());
        assertTrue(fail.out().contains("p-bug"), fail.out());
        assertTrue(fail.out().contains("epsilon_audit <= epsilon (0.4)"), fail.out());
        assertTrue(fail.out().contains("1 budget violations in 3 ok rows"), fail.out());

        LeakBenchCliTest.Result loose =
                LeakBenchCliTest.run("audit", dir.toString(), "--max", "epsilon_audit=4*epsilon");
        assertEquals(0, loose.code(), loose.out() + loose.err());
        assertTrue(loose.out().contains("epsilon_audit <= 4 * epsilon (2 values)"), loose.out());

        LeakBenchCliTest.Result typo = LeakBenchCliTest.run("audit", dir.toString(), "--max", "epsilon_audit=epsilom");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("unknown metric 'epsilom' (did you mean 'epsilon'?)"), typo.err());
    }
}
