package org.leakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.results.ResultTable;
import org.leakbench.sweep.Budget;
import org.leakbench.sweep.BudgetAudit;

/**
 * The audit gate: baselines (oracle, random) bracket the attacks and do not trip a budget unless asked, and
 * rows that diverged or failed measured nothing, so they are reported by status and never pass as within budget.
 */
class AuditCommandTest {
    /** Two seeds of DLG with and without noise, the two baselines, one diverged and one failed DLG row. */
    static final String CSV = """
            point_id,seed,attack,defense,defense_param,psnr,accuracy,status
            p-oracle,1,oracle,none,0,100,0.85,ok
            p-oracle,2,oracle,noise,0.01,100,0.84,ok
            p-random,1,random,none,0,5.1,0.85,ok
            p-dlg,1,dlg,noise,0.01,14.5,0.84,ok
            p-dlg,2,dlg,noise,0.01,15.5,0.84,ok
            p-dlg-prune,1,dlg,prune,0.9,,0.83,diverged
            p-dlg-prune,2,dlg,prune,0.9,,,failed: out of memory (heap)
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void write() throws IOException {
        Files.writeString(dir.resolve("results.csv"), CSV);
    }

    @Test
    void baselinesAreLeftOutUnlessAsked() throws IOException {
        ResultTable t = ResultTable.read(dir.resolve("results.csv"));
        BudgetAudit.Report r = BudgetAudit.audit(t, List.of(Budget.parse("psnr=20", true)));
        assertTrue(r.passed(), r.violations().toString());
        assertEquals(3, r.baselines());
        assertEquals(2, r.checkedRows());
        assertEquals(List.of(2), r.measured());

        BudgetAudit.Report with = BudgetAudit.audit(t, List.of(Budget.parse("psnr=20", true)), true);
        assertEquals(2, with.violations().size(), "both oracle rows are over 20 dB");
        assertTrue(
                with.violations().stream().allMatch(v -> "oracle".equals(v.row().get("attack"))));

        LeakBenchCliTest.Result pass = LeakBenchCliTest.run("audit", dir.toString(), "--max", "psnr=20");
        assertEquals(0, pass.code(), pass.out() + pass.err());
        assertTrue(pass.out().contains("within budget: 2 ok rows checked against psnr <= 20 (2 values)"), pass.out());
        assertTrue(pass.out().contains("3 baseline rows (oracle, random) not checked"), pass.out());

        LeakBenchCliTest.Result fail =
                LeakBenchCliTest.run("audit", dir.toString(), "--max", "psnr=20", "--include-baselines");
        assertEquals(1, fail.code(), fail.out() + fail.err());
        assertTrue(fail.out().contains("2 budget violations in 5 ok rows"), fail.out());
        assertTrue(fail.out().contains("p-oracle"), fail.out());
    }

    @Test
    void divergedAndFailedRowsAreReportedByStatusAndBreakTheAuditWithRequireOk() throws IOException {
        BudgetAudit.Report r =
                BudgetAudit.audit(ResultTable.read(dir.resolve("results.csv")), List.of(Budget.parse("psnr=20", true)));
        assertEquals(2, r.notOk());
        assertEquals(Map.of("diverged", 1, "failed", 1), r.notOkByKind());
        assertEquals("diverged", r.notOkRows().get(0).get("status"));

        LeakBenchCliTest.Result lenient = LeakBenchCliTest.run("audit", dir.toString(), "--max", "psnr=20");
        assertEquals(0, lenient.code());
        assertTrue(
                lenient.out()
                        .contains("2 rows not ok were not measured (1 diverged, 1 failed) "
                                + "(--require-ok makes them break it)"),
                lenient.out());

        LeakBenchCliTest.Result strict =
                LeakBenchCliTest.run("audit", dir.toString(), "--max", "psnr=20", "--require-ok");
        assertEquals(1, strict.code(), strict.out());
        assertTrue(strict.out().contains("0 budget violations in 2 ok rows"), strict.out());
        assertTrue(strict.out().contains("(1 diverged, 1 failed) and break the audit"), strict.out());
        List<String> prune =
                strict.out().lines().filter(l -> l.contains("p-dlg-prune")).toList();
        assertEquals(2, prune.size(), strict.out());
        assertTrue(prune.get(0).contains("diverged") && prune.get(1).contains("failed: out of memory"), strict.out());
        assertFalse(strict.out().contains("within budget"), strict.out());
    }

    @Test
    void aBudgetOnlyBaselinesMeasureChecksNothingAndSaysWhy() throws IOException {
        Files.writeString(dir.resolve("results.csv"), """
                point_id,seed,attack,defense,defense_param,psnr,accuracy,status
                p-oracle,1,oracle,none,0,100,0.85,ok
                p-dlg,1,dlg,none,0,,0.85,diverged
                """);
        LeakBenchCliTest.Result r = LeakBenchCliTest.run("audit", dir.toString(), "--max", "psnr=20");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("checks nothing") && r.err().contains("1 baseline rows left out"), r.err());
    }
}
