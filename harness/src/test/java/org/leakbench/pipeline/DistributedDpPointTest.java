package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.defense.ddp.RandomizedHadamard;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;

/**
 * {@code ddp-secagg} through the pipeline: the server's view, the curious client's and federated training all
 * run, the row's ε is the target the noise was calibrated to (and the accountant's for those settings), and the
 * cost columns say what the encoding sent and took.
 */
class DistributedDpPointTest {
    static final String SWEEP =
            TinySweeps.header("ddp", "1") + TinySweeps.fashionGrid("""
                    fl.clients: [3]
                    fl.rounds: [2]
                    attacks: [oracle, {name: dlg, iterations: [5]}]
                    defenses:
                      - {name: ddp-secagg, param: [2.0, 50.0], clip: [1.0]}
                    ddp.bits: [16]
                    """) + TinySweeps.fashionGrid("""
                    threat: [curious-client]
                    fl.clients: [3]
                    fl.rounds: [2]
                    attacks: [analytic]
                    defenses: [secagg, {name: ddp-secagg, param: [2.0], clip: [1.0]}]
                    """);

    @TempDir
    static Path results;

    static List<Map<String, String>> rows = new ArrayList<>();

    @BeforeAll
    static void run() throws Exception {
        TinySweeps.run(TinySweeps.parse(SWEEP, "ddp.yaml"), results, "a", 2);
        ResultTable table = TinySweeps.read(results, "a", RunLayout.RESULTS);
        for (List<String> r : table.rows()) {
            rows.add(table.asMap(r));
        }
    }

    @Test
    void everyRowRunsAndReportsTheTargetEpsilon() {
        assertEquals(6, rows.size());
        for (Map<String, String> m : rows) {
            assertEquals("ok", m.get("status"), m.toString());
            if (!"ddp-secagg".equals(m.get("defense"))) {
                continue;
            }
            double target = Double.parseDouble(m.get("defense_param"));
            double eps = Double.parseDouble(m.get("epsilon"));
            assertTrue(eps <= target && eps > target * (1 - 1e-6), m.toString());
            assertEquals(1e-5, Double.parseDouble(m.get("delta")));
            assertTrue(Double.parseDouble(m.get("accuracy")) >= 0, m.toString());
        }
    }

    @Test
    void costColumnsSayBitsAndEncodingTime() {
        for (Map<String, String> m : rows) {
            if (!"server".equals(m.get("threat")) || !"ddp-secagg".equals(m.get("defense"))) {
                continue;
            }
            int params = (int) Double.parseDouble(m.get("params"));
            double bits = Double.parseDouble(m.get("bits_per_coord"));
            assertEquals(16.0 * RandomizedHadamard.paddedLength(params) / params, bits, 1e-9, m.toString());
            assertTrue(Double.parseDouble(m.get("encode_ms")) > 0, m.toString());
            // a masked vector of D coordinates at 16 bits is most of the upload
            assertTrue(Long.parseLong(m.get("bytes_up")) >= 2L * RandomizedHadamard.paddedLength(params));
        }
    }

    @Test
    void theCuriousClientAttacksTheNoisySum() {
        Map<String, Double> psnr = new java.util.HashMap<>();
        for (Map<String, String> m : rows) {
            if ("curious-client".equals(m.get("threat"))) {
                psnr.put(m.get("defense"), Double.parseDouble(m.get("psnr")));
            }
        }
        // the analytic attack gets about 20 dB out of the clean sum secure aggregation reveals; at ε = 2 the noise
        // shares in the sum take at least 5 dB of it away
        assertTrue(psnr.get("ddp-secagg") < psnr.get("secagg") - 5, psnr.toString());
    }
}
