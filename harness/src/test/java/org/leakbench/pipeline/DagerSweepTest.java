package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;
import org.leakbench.sweep.Sweep;

/**
 * DAGER (Petrov et al. 2024) through the path a sweep takes: float32 victim, seeded initialisation, character
 * windows of the bundled corpus, FedSGD update. Below the rank limit (batch 8 × 6 tokens = 48 &lt; d_model 64)
 * every window of every victim comes back exactly, as in the float64 unit test.
 */
class DagerSweepTest {
    @TempDir
    Path results;

    @Test
    void recoversEverySequenceExactlyAtBatchEightInFloat32() throws IOException {
        Sweep sweep = TinySweeps.parse(TinySweeps.header("dager", "1") + """
                  - dataset: [text-char]
                    text.context: [6]
                    model: [transformer]
                    model.width: [64]
                    model.depth: [2]
                    batch: [8]
                    victims: [2]
                    fl.rounds: [1]
                    attack: [dager]
                    defense: [none]
                """, "dager.yaml");
        TinySweeps.run(sweep, results, "d", 1);
        ResultTable table = TinySweeps.read(results, "d", RunLayout.RESULTS);
        assertEquals(1, table.rows().size());
        for (List<String> r : table.rows()) {
            Map<String, String> row = table.asMap(r);
            assertEquals("ok", row.get("status"), row.toString());
            assertEquals(1.0, Double.parseDouble(row.get("token_exact")), "exact windows: " + row);
            assertEquals(1.0, Double.parseDouble(row.get("rouge2")), "rouge2: " + row);
        }
        ResultTable victims = TinySweeps.read(results, "d", RunLayout.VICTIMS);
        assertEquals(2, victims.rows().size());
        for (List<String> r : victims.rows()) {
            assertEquals("1", victims.asMap(r).get("token_exact"), "victim " + victims.asMap(r));
        }
    }
}
