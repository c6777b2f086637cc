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
import org.leakbench.data.text.TextDatasets;
import org.leakbench.data.text.TextOptions;
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
            // The membership target's held-out rows give it a perplexity too.
            double perplexity = Double.parseDouble(row.get("perplexity"));
            assertEquals(
                    Math.exp(Double.parseDouble(row.get("test_loss"))), perplexity, 1e-9 * perplexity, row.toString());
        }
    }

    /**
     * After a little federated training a next-token model's held-out perplexity lies between 1 (certainty) and
     * the vocabulary size (a uniform guess), and equals exp(test_loss); an image classifier gets a test loss but
     * no perplexity.
     */
    @Test
    void aTextUtilityPointWritesItsPerplexityAndAnImagePointLeavesItEmpty() throws IOException {
        Sweep sweep = TinySweeps.parse(
                TinySweeps.header("perplexity", "1")
                        + TinySweeps.mlpGrid("text-char", """
                                text.context: [4]
                                fl: [fedavg]
                                fl.clients: [2]
                                fl.rounds: [2]
                                fl.lr: [0.01]
                                attack: [none]
                                defense: [none]
                                """)
                        + TinySweeps.fashionGrid("fl.clients: [2]\nfl.rounds: [2]\nattack: [none]\ndefense: [none]\n"),
                "perplexity.yaml");
        TinySweeps.run(sweep, results, "p", 1);
        ResultTable table = TinySweeps.read(results, "p", RunLayout.RESULTS);
        assertEquals(2, table.rows().size());
        int vocabulary = TextDatasets.load(TextDatasets.CHAR, null, TextOptions.DEFAULTS, name -> null)
                .train()
                .numClasses();
        for (List<String> r : table.rows()) {
            Map<String, String> row = table.asMap(r);
            assertEquals("ok", row.get("status"), row.toString());
            double loss = Double.parseDouble(row.get("test_loss"));
            assertTrue(Double.isFinite(loss) && loss > 0, row.toString());
            if (row.get("dataset").equals("text-char")) {
                double perplexity = Double.parseDouble(row.get("perplexity"));
                assertTrue(perplexity > 1 && perplexity < vocabulary, perplexity + " for " + vocabulary + " tokens");
                assertEquals(Math.exp(loss), perplexity, 1e-9 * perplexity);
            } else {
                assertEquals("", row.get("perplexity"), "an image classifier has no perplexity: " + row);
            }
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
