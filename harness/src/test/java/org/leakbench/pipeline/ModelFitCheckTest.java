package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A model that does not fit its data set is refused when the sweep is set up, naming both and the mismatch. */
class ModelFitCheckTest {
    @Test
    void aTokenModelOnImagesIsRefusedBeforeAnyPointRuns() {
        String sweep = TinySweeps.header("misfit", "1") + """
                  - dataset: [fashion-mnist-subset]
                    model: [transformer]
                    attack: [oracle]
                """;
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new PipelineFactory().create(TinySweeps.parse(sweep, "misfit.yaml")));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "model transformer does not fit data set fashion-mnist-subset (samples of shape [1, 28, 28]): "),
                e.getMessage());
    }

    @Test
    void anOptimisingAttackOnTokenIdsReadAsNumbersIsRefusedAtSetUp() {
        String sweep = TinySweeps.header("ids", "1") + """
                  - dataset: [text-bpe]
                    model: [mlp]
                    attack: [dlg]
                """;
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new PipelineFactory().create(TinySweeps.parse(sweep, "ids.yaml")));
        assertTrue(e.getMessage().contains("attack dlg optimises a continuous input"), e.getMessage());
        assertTrue(e.getMessage().contains("text-bpe"), e.getMessage());
    }

    @Test
    void dpSgdOnABatchNormModelIsRefusedAtSetUpAndPassesWithGroupNorm() {
        String batchNorm = TinySweeps.header("bn", "1") + """
                  - dataset: [fashion-mnist-subset]
                    model: [resnet20]
                    attack: [none]
                    defenses: [{name: dp-sgd, param: [1.0], clip: [1.0]}]
                """;
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new PipelineFactory().create(TinySweeps.parse(batchNorm, "bn.yaml")));
        assertTrue(e.getMessage().contains("model resnet20 uses BatchNorm"), e.getMessage());
        assertTrue(e.getMessage().contains("model.norm: group"), e.getMessage());
        new PipelineFactory()
                .create(TinySweeps.parse(
                        batchNorm.replace("model: [resnet20]", "model: [resnet20]\n    model.norm: [group]"),
                        "gn.yaml"));
    }

    @Test
    void fittingModelsPass() {
        String sweep = TinySweeps.header("fit", "1") + """
                  - dataset: [natural-images, fashion-mnist-subset]
                    model: [lenet, mlp, resnet20, convnet]
                    attack: [oracle]
                  - dataset: [text-char]
                    model: [transformer]
                    attack: [none, tag, dlg]
                """;
        new PipelineFactory().create(TinySweeps.parse(sweep, "fit.yaml"));
    }
}
