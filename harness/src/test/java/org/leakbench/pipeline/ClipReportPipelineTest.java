package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;

/**
 * DP rows say how their clipping norm compares with the norms it clipped (per example for dp-sgd, per client
 * for dp-fedavg), and dp-fedavg's adaptive clipping moves C away from its start while reporting the ε of its
 * configured σ. Bad adaptive settings are refused before anything runs.
 */
class ClipReportPipelineTest {
    static final String SWEEP = TinySweeps.header("clip", "1") + TinySweeps.fashionGrid("""
                    fl.clients: [3]
                    fl.rounds: [4]
                    attack: [oracle]
                    defenses:
                      - none
                      - {name: dp-sgd, param: [1.0], clip: [0.5]}
                      - {name: dp-fedavg, param: [1.0], clip: [0.05], dp.clipping: [fixed, adaptive], \
                    dp.count-noise: [0.5], dp.clip-lr: [0.5]}
                    """);

    @TempDir
    static Path results;

    static ResultTable table;

    @BeforeAll
    static void run() throws Exception {
        TinySweeps.run(TinySweeps.parse(SWEEP, "clip.yaml"), results, "a", 2);
        table = TinySweeps.read(results, "a", RunLayout.RESULTS);
    }

    static List<Map<String, String>> rows(String defense, String clipping) {
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> r : table.rows()) {
            Map<String, String> m = table.asMap(r);
            if (m.get("defense").equals(defense)
                    && (clipping == null || m.get("dp_clipping").equals(clipping))) {
                assertEquals("ok", m.get("status"), m.toString());
                out.add(m);
            }
        }
        assertEquals(1, out.size(), defense + " " + clipping);
        return out;
    }

    static double value(Map<String, String> row, String column) {
        return Double.parseDouble(row.get(column));
    }

    @Test
    void fixedClippingReportsItsNormNextToTheNormsItClipped() {
        for (Map<String, String> r :
                List.of(rows("dp-sgd", null).get(0), rows("dp-fedavg", "fixed").get(0))) {
            double clip = value(r, "defense_clip");
            assertEquals(clip, value(r, "clip_final"), 0, r.get("defense"));
            assertEquals(clip, value(r, "clip_median"), 0, r.get("defense"));
            double median = value(r, "norm_median");
            assertTrue(median > 0 && value(r, "norm_p90") >= median, r.toString());
        }
        Map<String, String> none = rows("none", null).get(0);
        assertEquals("", none.get("norm_median"), "a defense that does not clip has no norms to report");
        assertEquals("", none.get("clip_final"));
    }

    @Test
    void adaptiveClippingMovesTheNormAndKeepsTheEpsilonOfSigma() {
        Map<String, String> fixed = rows("dp-fedavg", "fixed").get(0);
        Map<String, String> adaptive = rows("dp-fedavg", "adaptive").get(0);
        // C starts at 0.05, far below every client's update norm, so each round's noisy unclipped share is
        // about 0 (noise sd 0.5) and C grows by about exp(0.5 * 0.5) a round.
        assertTrue(value(fixed, "norm_median") > 0.05, fixed.toString());
        assertTrue(value(adaptive, "clip_final") > 0.05, adaptive.toString());
        assertNotEquals(value(adaptive, "clip_final"), value(adaptive, "clip_median"));
        assertEquals(value(fixed, "epsilon"), value(adaptive, "epsilon"), 0, "the count is inside sigma's budget");
    }

    @Test
    void aCountNoiseThatWouldSpendTheWholeBudgetIsRefusedBeforeAnythingRuns() {
        String bad = TinySweeps.header("bad", "1") + TinySweeps.fashionGrid("""
                        fl.clients: [3]
                        attack: [oracle]
                        defenses: [{name: dp-fedavg, param: [1.0], dp.clipping: [adaptive]}]
                        """);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new PipelineFactory().create(TinySweeps.parse(bad, "bad.yaml")));
        assertTrue(e.getMessage().contains("dp.count-noise"), e.getMessage());
    }

    @Test
    void aQuantileOutsideTheOpenUnitIntervalIsRefusedWithItsKey() {
        String bad = TinySweeps.header("bad", "1") + TinySweeps.fashionGrid("""
                        attack: [oracle]
                        defenses: [{name: dp-fedavg, dp.clipping: [adaptive], dp.clip-quantile: [1.0]}]
                        """);
        RuntimeException e = assertThrows(RuntimeException.class, () -> TinySweeps.parse(bad, "bad.yaml"));
        assertTrue(e.getMessage().contains("dp.clip-quantile"), e.getMessage());
    }
}
