package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * GradInversion's batch-norm prior is refused at set-up on a model without BatchNorm, and its known-batch-statistics
 * threat model under a defense that keeps those statistics from the server, each with the reason.
 */
class BatchNormPriorCheckTest {
    private static String sweep(String model, String bnStats) {
        return TinySweeps.header("bn-prior", "1") + """
                  - dataset: [fashion-mnist-subset]
                    model: [%s]
                    model.norm: [group]
                    attacks:
                      - {name: gradinversion, iterations: [10], bn-stats: [%s]}
                """.formatted(model, bnStats);
    }

    private static String defended(String bnStats, String defense) {
        return sweep("resnet20", bnStats).replace("[group]", "[batch]") + "    fl.clients: [3]\n    defenses: ["
                + defense + "]\n";
    }

    @Test
    void knownBatchStatisticsAreRefusedUnderSecureAggregationAndDifferentialPrivacy() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new PipelineFactory().create(TinySweeps.parse(defended("known", "secagg"), "gi.yaml")));
        assertEquals(
                "attack gradinversion with attack.bn-stats: known assumes the server learns the victim batch's "
                        + "BatchNorm statistics, but defense secagg aggregates the updates securely, so the server "
                        + "sees only their sum; use attack.bn-stats: running (the statistics the server sends) or "
                        + "none",
                e.getMessage());
        String dp = "{name: dp-fedavg, param: [1.0], clip: [1.0]}";
        e = assertThrows(
                IllegalArgumentException.class,
                () -> new PipelineFactory().create(TinySweeps.parse(defended("known", dp), "gi.yaml")));
        assertTrue(e.getMessage().contains("defense dp-fedavg is differentially private"), e.getMessage());
        new PipelineFactory().create(TinySweeps.parse(defended("running", "secagg"), "gi.yaml"));
        new PipelineFactory().create(TinySweeps.parse(defended("known", "{name: noise, param: [0.01]}"), "gi.yaml"));
    }

    @Test
    void aGroupNormModelIsRefusedWithTheReasonUnlessThePriorIsOff() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new PipelineFactory().create(TinySweeps.parse(sweep("resnet20", "known"), "gi.yaml")));
        assertTrue(e.getMessage().contains("attack gradinversion matches BatchNorm statistics"), e.getMessage());
        assertTrue(e.getMessage().contains("model resnet20 has no BatchNorm layers"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> new PipelineFactory().create(TinySweeps.parse(sweep("resnet20", "running"), "gi.yaml")));
        new PipelineFactory().create(TinySweeps.parse(sweep("resnet20", "none"), "gi.yaml"));
        new PipelineFactory()
                .create(TinySweeps.parse(sweep("resnet20", "known").replace("[group]", "[batch]"), "gi.yaml"));
    }
}
