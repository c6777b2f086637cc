package org.leakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secure aggregation over fewer than 3 clients, and GradInversion's known-batch-statistics threat model under a
 * defense that keeps those statistics from the server, are refused at {@code --dry-run} with the field at fault.
 */
class DefenseSetUpDryRunTest {
    @TempDir
    Path dir;

    private LeakBenchCliTest.Result dryRun(String keys) throws IOException {
        Path file = Files.writeString(dir.resolve("setup.yaml"), """
                name: setup
                grid:
                  dataset: [fashion-mnist-subset]
                """ + keys.indent(2));
        return LeakBenchCliTest.run("sweep", file.toString(), "--dry-run");
    }

    @Test
    void secureAggregationOfTwoClientsIsRefused() throws IOException {
        LeakBenchCliTest.Result r = dryRun("model: [mlp]\nattack: [ig]\ndefense: [secagg]\nfl.clients: [2]\n");
        assertEquals(LeakBench.EXIT_USAGE, r.code(), r.out());
        assertTrue(r.err().contains("defense secagg needs fl.clients >= 3, got 2"), r.err());
        assertEquals(
                0,
                dryRun("model: [mlp]\nattack: [ig]\ndefense: [secagg]\nfl.clients: [3]\n")
                        .code());
    }

    @Test
    void knownBatchStatisticsUnderSecureAggregationAreRefused() throws IOException {
        String keys = "model: [resnet20]\nmodel.norm: [batch]\nfl.clients: [3]\ndefense: [secagg]\n"
                + "attacks: [{name: gradinversion, bn-stats: [%s]}]\n";
        LeakBenchCliTest.Result r = dryRun(keys.formatted("known"));
        assertEquals(LeakBench.EXIT_USAGE, r.code(), r.out());
        assertTrue(r.err().contains("attack.bn-stats: known assumes the server learns the victim batch's"), r.err());
        LeakBenchCliTest.Result running = dryRun(keys.formatted("running"));
        assertEquals(0, running.code(), running.err());
    }
}
