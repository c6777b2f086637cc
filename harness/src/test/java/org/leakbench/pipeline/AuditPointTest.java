package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.defense.dp.ClientLevelDp;
import org.leakbench.defense.dp.Conversion;
import org.leakbench.defense.dp.LocalDp;
import org.leakbench.defense.dp.RdpAccountant;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;
import org.leakbench.sweep.Budget;
import org.leakbench.sweep.BudgetAudit;

/**
 * dp-audit points through the real sweep: each row carries the accountant's ε for the audited setting (derived
 * here from the sweep's own parameters), the audited ε̂ within it and its confidence; a budget that refers to the
 * row's ε passes on them; a defense without a DP guarantee is refused before anything runs.
 */
class AuditPointTest {
    static final String SWEEP = TinySweeps.header("dp-audit-tiny", "1") + """
              - attack: [dp-audit]
                audit.runs: [2]
                audit.canaries: [100]
                audit.steps: [4]
                audit.rate: [0.5]
                defenses:
                  - {name: dp-sgd, param: [1.0], clip: [2.0]}
                  - {name: dp-fedavg, param: [1.0], clip: [1.0]}
                  - {name: local-dp, param: [2.0], clip: [1.0]}
            """;

    @TempDir
    Path dir;

    @Test
    void rowsCarryTheAuditedEpsilonNextToTheAccountants() throws Exception {
        TinySweeps.run(TinySweeps.parse(SWEEP, "dp-audit-tiny.yaml"), dir, "run", 1);
        ResultTable t = TinySweeps.read(dir, "run", RunLayout.RESULTS);
        List<Map<String, String>> rows = t.latest().stream().map(t::asMap).toList();
        assertEquals(3, rows.size());
        for (Map<String, String> r : rows) {
            assertEquals("ok", r.get("status"), r.toString());
            double expected = switch (r.get("defense")) {
                case "dp-sgd" -> RdpAccountant.epsilon(1.0, 0.5, 4, 1e-5, Conversion.IMPROVED);
                case "dp-fedavg" -> ClientLevelDp.epsilon(1.0, 0.5, 4, 1e-5);
                case "local-dp" -> LocalDp.epsilon(2.0, 4, 1e-5);
                default -> throw new AssertionError(r.get("defense"));
            };
            assertEquals(expected, Double.parseDouble(r.get("epsilon")), 1e-9 * expected, r.get("defense"));
            double audited = Double.parseDouble(r.get("epsilon_audit"));
            assertTrue(audited >= 0 && audited <= expected, r.get("defense") + ": " + audited + " > " + expected);
            assertEquals(0.95, Double.parseDouble(r.get("epsilon_audit_confidence")));
        }
        BudgetAudit.Report report = BudgetAudit.audit(t, List.of(Budget.parse("epsilon_audit=epsilon", true)));
        assertTrue(report.passed(), report.violations().toString());
        assertEquals(List.of(3), report.measured());
    }

    @Test
    void aDefenseWithoutDpIsRefusedUpFront() {
        String sweep = SWEEP.replace("name: local-dp, param: [2.0]", "name: prune, param: [0.5]");
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> new PipelineFactory().create(TinySweeps.parse(sweep, "dp-audit-tiny.yaml")));
        assertTrue(e.getMessage().startsWith("dp-audit audits a DP defense (dp-sgd, "), e.getMessage());
        assertTrue(e.getMessage().endsWith("not prune"), e.getMessage());
    }

    @Test
    void adaptiveClippingIsRefusedUpFront() {
        // The canaries assume the fixed-C mechanism at the point's σ; adaptive clipping is another mechanism.
        String sweep = SWEEP.replace(
                "{name: dp-fedavg, param: [1.0], clip: [1.0]}",
                "{name: dp-fedavg, param: [1.0], clip: [1.0], dp.clipping: [adaptive]}");
        var e = assertThrows(
                IllegalArgumentException.class,
                () -> new PipelineFactory().create(TinySweeps.parse(sweep, "dp-audit-tiny.yaml")));
        assertTrue(e.getMessage().contains("dp.clipping adaptive is not audited"), e.getMessage());
    }
}
