package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;

/**
 * PRECODE runs through the same pipeline as the other client defenses: the attacked victim and the utility
 * training both use the model with its bottleneck, naive and adaptive rows share one utility training, and a
 * model the bottleneck does not fit is refused at set-up with the reason.
 */
class PrecodeSweepTest {
    @TempDir
    Path results;

    @Test
    void precodeIsAttackedNaivelyAndAdaptivelyAndItsUtilityMeasured() throws Exception {
        String sweep = TinySweeps.header("precode", "1") + TinySweeps.fashionGrid("""
                fl.rounds: [2]
                attacks: [{name: dlg, iterations: [5]}]
                defenses: [none]
                """) + TinySweeps.fashionGrid("""
                fl.rounds: [2]
                attacks: [{name: dlg, iterations: [5], adaptive: [false, true]}]
                defenses: [{name: precode, param: [0.001], size: [8]}]
                """);
        TinySweeps.run(TinySweeps.parse(sweep, "precode.yaml"), results, "a", 2);
        ResultTable table = TinySweeps.read(results, "a", RunLayout.RESULTS);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> r : table.rows()) {
            rows.add(table.asMap(r));
        }
        assertEquals(3, rows.size());
        Map<String, String> loss = new HashMap<>();
        for (Map<String, String> m : rows) {
            assertEquals("ok", m.get("status"), m.toString());
            String previous = loss.putIfAbsent(m.get("defense"), m.get("test_loss"));
            if (previous != null) {
                assertEquals(previous, m.get("test_loss"), m.toString());
            }
        }
        assertEquals(2, loss.size(), loss.toString());
        assertNotEquals(loss.get("none"), loss.get("precode"), "another model was trained: " + loss);
    }

    @Test
    void aModelTheBottleneckDoesNotFitIsRefusedAtSetUp() {
        String sweep = TinySweeps.header("refused", "1") + """
                  - dataset: [fashion-mnist-subset]
                    model: [logistic]
                    attack: [dlg]
                    defenses: [precode]
                """;
        String message = assertThrows(
                        IllegalArgumentException.class,
                        () -> new PipelineFactory().create(TinySweeps.parse(sweep, "refused.yaml")))
                .getMessage();
        assertTrue(message.contains("defense precode cannot extend model logistic"), message);
        assertTrue(message.contains("logistic's reads the input itself"), message);
    }
}
