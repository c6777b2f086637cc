package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;

/**
 * GradInversion, LLG and FedAvg inversion through the real pipeline: the BatchNorm threat model is a column of
 * every GradInversion row, LLG's labels-only result is scored by label_acc without image metrics, and FedAvg
 * inversion runs on a multi-step FedAvg update.
 */
class ImageAttackPipelineTest {
    static final String SWEEP = TinySweeps.header("image-attacks", "1") + """
              - dataset: [fashion-mnist-subset]
                model: [convnet]
                model.width: [0.0625]
                batch: [2]
                image: [40]
                attacks:
                  - {name: gradinversion, iterations: [3], restarts: [2], bn-stats: [known, running]}
              - dataset: [fashion-mnist-subset]
                model: [mlp]
                model.width: [0.125]
                model.depth: [1]
                model.activation: [sigmoid]
                batch: [8]
                image: [0]
                attacks: [llg]
              - dataset: [fashion-mnist-subset]
                model: [mlp]
                model.width: [0.125]
                model.depth: [1]
                batch: [2]
                image: [7]
                fl: [fedavg]
                fl.local-steps: [2]
                attacks:
                  - {name: fedavg-inversion, iterations: [3]}
            """;

    @TempDir
    Path results;

    @Test
    void theNewImageAttacksRunInASweepAndStateTheirThreatModel() throws IOException {
        TinySweeps.run(TinySweeps.parse(SWEEP, "image-attacks.yaml"), results, "a", 1);
        ResultTable table = TinySweeps.read(results, "a", RunLayout.RESULTS);
        List<Map<String, String>> rows = new ArrayList<>();
        table.rows().forEach(r -> rows.add(table.asMap(r)));
        assertEquals(4, rows.size());
        for (Map<String, String> m : rows) {
            assertEquals("ok", m.get("status"), m.toString());
        }
        List<String> bnStats = rows.stream()
                .filter(m -> m.get("attack").equals("gradinversion"))
                .map(m -> m.get("attack_bn_stats"))
                .sorted()
                .toList();
        assertEquals(List.of("known", "running"), bnStats);
        Map<String, String> llg = rows.stream()
                .filter(m -> m.get("attack").equals("llg"))
                .findFirst()
                .orElseThrow();
        double labelAcc = Double.parseDouble(llg.get("label_acc"));
        assertTrue(labelAcc > 0 && labelAcc <= 1, llg.toString());
        String psnr = llg.get("psnr");
        assertTrue(psnr == null || psnr.isEmpty(), "a labels-only attack has no image metric: " + psnr);
        Map<String, String> fedavg = rows.stream()
                .filter(m -> m.get("attack").equals("fedavg-inversion"))
                .findFirst()
                .orElseThrow();
        assertTrue(Double.isFinite(Double.parseDouble(fedavg.get("psnr"))), fedavg.toString());
    }
}
