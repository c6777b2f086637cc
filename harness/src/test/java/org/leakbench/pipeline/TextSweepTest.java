package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;
import org.leakbench.sweep.Sweep;

/** A text data set runs through the sweep pipeline for utility and membership, and reconstruction is refused. */
class TextSweepTest {
    @TempDir
    Path results;

    @Test
    void utilityAndMembershipPointsRunOnTextWithThePointsContext() throws IOException {
        Sweep sweep = TinySweeps.parse(
                TinySweeps.header("text", "1")
                        + TinySweeps.mlpGrid("text-char", """
                                text.context: [8]
                                fl.clients: [2]
                                fl.rounds: [2]
                                attack: [none]
                                defense: [none]
                                """)
                        + TinySweeps.mlpGrid("text-char", """
                                text.context: [8]
                                mia.members: [30]
                                mia.epochs: [3]
                                attack: [mia-loss]
                                defense: [none]
                                """),
                "text.yaml");
        TinySweeps.run(sweep, results, "t", 1);
        ResultTable table = TinySweeps.read(results, "t", RunLayout.RESULTS);
        assertEquals(2, table.rows().size());
        for (List<String> r : table.rows()) {
            Map<String, String> row = table.asMap(r);
            assertEquals("ok", row.get("status"), row.toString());
            assertEquals("8", row.get("text_context"), row.toString());
        }
    }

    @Test
    void aReconstructionSweepOnTextIsRefusedBeforeItRuns() {
        Sweep sweep = TinySweeps.parse(
                TinySweeps.header("text", "1") + TinySweeps.mlpGrid("text-bpe", "attack: [dlg]\ndefense: [none]\n"),
                "text.yaml");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new PipelineFactory().create(sweep));
        assertTrue(e.getMessage().contains("attack dlg") && e.getMessage().contains("reads the ids"), e.getMessage());
    }
}
