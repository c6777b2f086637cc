package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GradInversion's batch-norm prior is refused at set-up on a model without BatchNorm, with the reason. */
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
