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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;

/**
 * Soteria and ATS run through the same pipeline as the update defenses: the attacked update and the utility
 * training both go through the client's batch defense, naive and adaptive attack rows share the defense's one
 * utility training, and an adaptive attack without a defense to adapt to is refused at set-up with the reason.
 */
class ClientBatchDefenseSweepTest {
    private static final String SWEEP =
            TinySweeps.header("batch-defenses", "1") + TinySweeps.fashionGrid("""
                    fl.rounds: [3]
                    attacks: [{name: ig, iterations: [20]}]
                    defenses: [none]
                    """) + TinySweeps.fashionGrid("""
                    fl.rounds: [3]
                    attacks: [{name: ig, iterations: [20], adaptive: [false, true]}]
                    defenses: [{name: soteria, param: [0.6]}, ats]
                    """);

    @TempDir
    static Path results;

    static List<Map<String, String>> rows = new ArrayList<>();

    @BeforeAll
    static void run() throws Exception {
        TinySweeps.run(TinySweeps.parse(SWEEP, "batch.yaml"), results, "a", 2);
        ResultTable table = TinySweeps.read(results, "a", RunLayout.RESULTS);
        for (List<String> r : table.rows()) {
            rows.add(table.asMap(r));
        }
    }

    @Test
    void everyDefenseIsAttackedNaivelyAndAdaptivelyAndItsUtilityMeasuredOnce() {
        assertEquals(5, rows.size());
        Map<String, String> accuracy = new HashMap<>();
        Map<String, String> loss = new HashMap<>();
        for (Map<String, String> m : rows) {
            assertEquals("ok", m.get("status"), m.toString());
            assertTrue(Double.parseDouble(m.get("defense_ms")) >= 0, m.toString());
            String previous = accuracy.putIfAbsent(m.get("defense"), m.get("accuracy"));
            String previousLoss = loss.putIfAbsent(m.get("defense"), m.get("test_loss"));
            if (previous != null) { // the adaptive row reuses the defense's utility training
                assertEquals(previous, m.get("accuracy"), m.toString());
                assertEquals(previousLoss, m.get("test_loss"), m.toString());
            }
        }
        assertEquals(3, accuracy.size(), accuracy.toString());
        // three FedSGD rounds on transformed images, or with a pruned classifier gradient, train another model
        // than on the plain gradients: the test loss of the utility training differs
        assertNotEquals(loss.get("none"), loss.get("ats"), loss.toString());
        assertNotEquals(loss.get("none"), loss.get("soteria"), loss.toString());
        assertTrue(rows.stream().anyMatch(m -> "true".equals(m.get("attack_adaptive"))), rows.toString());
    }

    private static String refusal(String grid) {
        String yaml = TinySweeps.header("refused", "1") + TinySweeps.fashionGrid(grid);
        return assertThrows(
                        IllegalArgumentException.class,
                        () -> new PipelineFactory().create(TinySweeps.parse(yaml, "refused.yaml")))
                .getMessage();
    }

    @Test
    void anAdaptiveAttackWithoutItsDefenseInTheChainIsRefusedWithTheReason() {
        String none = refusal("attacks: [{name: ig, iterations: [5], adaptive: [true]}]\ndefenses: [none]\n");
        assertTrue(none.contains("defense none has no adaptive attack to run"), none);
        assertTrue(none.contains("soteria, ats"), none);
        String prune = refusal(
                "attacks: [{name: dlg, iterations: [5], adaptive: [true]}]\ndefenses: [{name: prune, param: [0.5]}]\n");
        assertTrue(prune.contains("defense prune has no adaptive attack to run"), prune);
        String llg = refusal("attack: [llg]\nattack.adaptive: [true]\ndefenses: [soteria]\n");
        assertTrue(llg.contains("attack llg has no adaptive variant"), llg);
    }

    @Test
    void aBatchDefenseOnAModelItCannotDefendIsRefusedAtSetUp() {
        String yaml = TinySweeps.header("refused", "1") + """
                  - dataset: [fashion-mnist-subset]
                    model: [logistic]
                    attack: [ig]
                    defenses: [soteria]
                """;
        String linear = assertThrows(
                        IllegalArgumentException.class,
                        () -> new PipelineFactory().create(TinySweeps.parse(yaml, "refused.yaml")))
                .getMessage();
        assertTrue(linear.contains("model logistic's classifier reads the input itself"), linear);
    }
}
