package org.leakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A malicious-server attack is refused at {@code --dry-run} under a threat that does not let the server choose the
 * model, and so are settings that make it meaningless, each with the field at fault; a well-formed point passes.
 */
class MaliciousServerDryRunTest {
    private static final String RELU = "model.activation: [relu]\n";

    @TempDir
    Path dir;

    private LeakBenchCliTest.Result dryRun(String keys) throws IOException {
        Path file = Files.writeString(dir.resolve("malicious.yaml"), """
                name: malicious
                grid:
                  dataset: [fashion-mnist-subset]
                  model: [mlp]
                """ + keys.indent(2));
        return LeakBenchCliTest.run("sweep", file.toString(), "--dry-run");
    }

    private void refused(String keys, String reason) throws IOException {
        LeakBenchCliTest.Result r = dryRun(keys.contains("model.activation") ? keys : keys + RELU);
        assertEquals(LeakBench.EXIT_USAGE, r.code(), r.out());
        assertTrue(r.err().contains(reason), r.err());
    }

    @Test
    void anImprintUnderAnHonestServerIsRefusedWithTheReason() throws IOException {
        refused(
                "batch: [64]\nattack: [rtf]\n",
                "attack 'rtf' needs a malicious server that chooses the model it sends, but threat 'server' is an "
                        + "honest-but-curious server that sends the model unchanged (set threat: malicious-server)");
        refused(
                "batch: [64]\nattack: [trap-weights]\nthreat: [curious-client]\n",
                "threat 'curious-client' is a client");
    }

    @Test
    void meaninglessBinsRatesAndBatchesAreRefusedWithTheField() throws IOException {
        refused("batch: [64]\nthreat: [malicious-server]\nattacks: [{name: rtf, bins: [1]}]\n", "rtf.bins 1:");
        refused("batch: [1]\nthreat: [malicious-server]\nattack: [fishing]\n", "batch 1: fishing isolates");
        refused(
                "batch: [64]\nthreat: [malicious-server]\nattacks: [{name: trap-weights, rate: [1]}]\n",
                "grid.attacks.rate: value 1 is out of range [0, 1)");
        refused(
                "batch: [64]\nthreat: [malicious-server]\nattack: [trap-weights]\nmodel.activation: [sigmoid]\n",
                "(set model.activation: relu)");
    }

    @Test
    void aMaliciousServerOnAReluMlpPasses() throws IOException {
        LeakBenchCliTest.Result r =
                dryRun("batch: [64, 512]\nthreat: [malicious-server]\nattack: [rtf, trap-weights, fishing]\n" + RELU);
        assertEquals(0, r.code(), r.err());
    }
}
