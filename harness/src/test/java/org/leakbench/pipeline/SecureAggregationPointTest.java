package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.defense.secagg.Ed25519;
import org.leakbench.defense.secagg.SecAggMessage;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;

/**
 * {@code secagg.security} reaches the protocol: both modes run through the pipeline, the aggregate the server
 * sees is the same, and the active mode's upload is larger by exactly its two signatures and one message.
 */
class SecureAggregationPointTest {
    private static final String SWEEP = TinySweeps.header("secagg-modes", "1") + TinySweeps.fashionGrid("""
                    fl.clients: [3]
                    fl.rounds: [1]
                    attack: [oracle]
                    defense: [secagg]
                    secagg.security: [semi-honest, active]
                    """);

    @TempDir
    Path results;

    @Test
    void activeModeRunsAndCostsItsSignatures() throws Exception {
        TinySweeps.run(TinySweeps.parse(SWEEP, "secagg-modes.yaml"), results, "r", 1);
        ResultTable table = TinySweeps.read(results, "r", RunLayout.RESULTS);
        Map<String, Map<String, String>> byMode = new HashMap<>();
        for (List<String> r : table.rows()) {
            Map<String, String> m = table.asMap(r);
            assertEquals("ok", m.get("status"), m.toString());
            byMode.put(m.get("secagg_security"), m);
        }
        assertEquals(2, byMode.size());
        long semiHonest = Long.parseLong(byMode.get("semi-honest").get("bytes_up"));
        long active = Long.parseLong(byMode.get("active").get("bytes_up"));
        assertEquals(2L * Ed25519.SIGNATURE_BYTES + SecAggMessage.HEADER_BYTES, active - semiHonest);
        assertEquals(byMode.get("semi-honest").get("psnr"), byMode.get("active").get("psnr"));
    }
}
