package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.attack.Attack;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackResult;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;
import org.leakbench.sweep.Budget;
import org.leakbench.sweep.BudgetAudit;
import org.leakbench.sweep.Sweep;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.update.Observation;

/**
 * An attack that diverges or fails never counts as "the defense stopped the attack": its row has status
 * {@code diverged} or {@code failed: ...}, no leakage value that a table, figure or audit could read as low
 * leakage, and the audit counts it as not measured. (A membership target whose training diverged is covered by
 * {@code MembershipExperimentDivergenceTest}.) The attacks here misbehave on purpose, one way each, through
 * the real pipeline (data, model, update, defense, observation, scoring, utility).
 */
class DivergedAttackTest {
    static final String SWEEP = TinySweeps.header("diverging", "1") + TinySweeps.fashionGrid("""
                    fl.clients: [2]
                    fl.rounds: [1]
                    attacks: [oracle, random, dlg, idlg, ig, analytic]
                    defense: [noise]
                    defense.param: [0.01]
                    """);

    @TempDir
    static Path results;

    static ResultTable table;

    /** Each attack name is played by one misbehaving attack; oracle and random stay real. */
    static Attack misbehaving(SweepPoint p, VictimCase c) {
        String name = p.string("attack");
        int n = c.images().length;
        int size = c.images()[0].length;
        return switch (name) {
            // The optimiser blew up; its last finite iterate is a grey image (a low PSNR if it were scored).
            case "dlg" ->
                fixed(name, new AttackResult(fill(n, size, 0.5f), new int[n], AttackResult.DIVERGED, 3, Double.NaN, 1));
            // Claims ok but returns NaN.
            case "idlg" ->
                fixed(name, new AttackResult(fill(n, size, Float.NaN), new int[n], AttackResult.OK, 3, Double.NaN, 1));
            // Claims ok but returns infinities, which clamping to [0, 1] would turn into a white image.
            case "ig" ->
                fixed(
                        name,
                        new AttackResult(
                                fill(n, size, Float.POSITIVE_INFINITY),
                                null,
                                AttackResult.OK,
                                3,
                                Double.POSITIVE_INFINITY,
                                1));
            case "analytic" ->
                new Attack() {
                    @Override
                    public String name() {
                        return name;
                    }

                    @Override
                    public AttackResult run(Observation o, AttackContext ctx) {
                        throw new ArithmeticException("matrix is singular");
                    }
                };
            default -> AttackFactory.create(p, c);
        };
    }

    /** The latest row of {@code attack} in {@code t}; fails if there is none. */
    private static Map<String, String> latestRow(ResultTable t, String attack) {
        return t.latest().stream()
                .map(t::asMap)
                .filter(m -> m.get("attack").equals(attack))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + attack));
    }

    private static Attack fixed(String name, AttackResult r) {
        return new Attack() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public AttackResult run(Observation o, AttackContext ctx) {
                return r;
            }
        };
    }

    private static float[][] fill(int n, int size, float v) {
        float[][] x = new float[n][size];
        for (float[] row : x) {
            Arrays.fill(row, v);
        }
        return x;
    }

    @BeforeAll
    static void run() throws Exception {
        TinySweeps.run(
                TinySweeps.parse(SWEEP, "diverging.yaml"),
                new PointPipeline(DivergedAttackTest::misbehaving),
                results,
                "d",
                2);
        table = TinySweeps.read(results, "d", RunLayout.RESULTS);
    }

    static Map<String, String> row(String attack) {
        return table.latest().stream()
                .map(table::asMap)
                .filter(m -> m.get("attack").equals(attack))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + attack));
    }

    @Test
    void divergedAttacksAreMarkedAndCarryNoLeakage() {
        for (String attack : List.of("dlg", "idlg", "ig")) {
            Map<String, String> r = row(attack);
            assertEquals("diverged", r.get("status"), attack + ": " + r);
            for (String metric : AttackOutcome.LEAKAGE) {
                assertEquals("", r.get(metric), attack + " must not report " + metric + ": " + r);
            }
            assertTrue(!r.get("accuracy").isBlank(), "utility is still measured: " + r);
        }
    }

    @Test
    void aThrowingAttackFailsItsPointWithTheReason() {
        Map<String, String> r = row("analytic");
        assertEquals("failed: ArithmeticException: matrix is singular", r.get("status"));
        assertEquals("", r.get("psnr"));
    }

    @Test
    void baselinesAreUnaffected() {
        assertEquals("ok", row("oracle").get("status"));
        assertEquals(100.0, Double.parseDouble(row("oracle").get("psnr")), 1e-9);
        assertEquals("ok", row("random").get("status"));
    }

    /**
     * With several victims, a victim whose attack diverged is left out of the row's statistics (its row stays ok,
     * n_victims counts only the measured ones); when every victim diverged the row is diverged with no leakage.
     */
    @Test
    void divergedVictimsAreLeftOutAndAllDivergedMarksTheRow(@TempDir Path folder) throws Exception {
        Sweep sweep = TinySweeps.parse("""
                name: some-diverge
                seeds: [1]
                grid:
                  model: [mlp]
                  model.width: [0.25]
                  model.depth: [1]
                  victims: [4]
                  attacks: [dlg, idlg]
                  attack.iterations: [5]
                """, "some-diverge.yaml");
        java.util.concurrent.atomic.AtomicInteger dlgCalls = new java.util.concurrent.atomic.AtomicInteger();
        TinySweeps.run(
                sweep,
                new PointPipeline((p, c) -> {
                    if (p.string("attack").equals("dlg") && dlgCalls.getAndIncrement() % 2 == 1) {
                        int n = c.images().length;
                        return fixed(
                                "dlg",
                                new AttackResult(
                                        fill(n, c.images()[0].length, Float.NaN),
                                        new int[n],
                                        AttackResult.OK,
                                        3,
                                        Double.NaN,
                                        1));
                    }
                    return p.string("attack").equals("idlg") ? misbehaving(p, c) : AttackFactory.create(p, c);
                }),
                folder,
                "v",
                1);
        ResultTable t = TinySweeps.read(folder, "v", RunLayout.RESULTS);
        Map<String, String> dlg = latestRow(t, "dlg");
        assertEquals("ok", dlg.get("status"), dlg.toString());
        assertEquals(2.0, Double.parseDouble(dlg.get("n_victims")), "two of four victims diverged: " + dlg);
        assertTrue(Double.isFinite(Double.parseDouble(dlg.get("psnr"))), dlg.toString());
        Map<String, String> idlg = latestRow(t, "idlg");
        assertEquals("diverged", idlg.get("status"), idlg.toString());
        assertEquals(0.0, Double.parseDouble(idlg.get("n_victims")), idlg.toString());
        for (String metric : List.of("psnr", "ssim", "mse", "psnr_median", "psnr_ci_low", "psnr_success")) {
            assertEquals("", idlg.get(metric), "all victims diverged: no " + metric + " in " + idlg);
        }
    }

    @Test
    void theAuditCountsDivergedRowsAsNotMeasured() {
        BudgetAudit.Report r = BudgetAudit.audit(table, List.of(Budget.parse("psnr=20", true)));
        assertEquals(0, r.checkedRows(), "only the baselines and the misbehaving attacks ran");
        assertEquals(Map.of("diverged", 3, "failed", 1), r.notOkByKind());
        assertEquals(2, r.baselines());
    }
}
