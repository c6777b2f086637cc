package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A model that does not fit its data set is refused when the sweep is set up, naming both and the mismatch. */
class ModelFitCheckTest {
    @Test
    void aConvolutionalModelOnTableRowsIsRefusedBeforeAnyPointRuns() {
        String sweep = TinySweeps.header("misfit", "1") + """
                  - dataset: [breast-cancer]
                    model: [lenet]
                    attack: [oracle]
                """;
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new PipelineFactory().create(TinySweeps.parse(sweep, "misfit.yaml")));
        assertEquals(
                "model lenet does not fit data set breast-cancer (samples of shape [30]): it needs images "
                        + "[channels, height, width]",
                e.getMessage());
    }

    @Test
    void fittingModelsPass() {
        String sweep = TinySweeps.header("fit", "1") + """
                  - dataset: [natural-images, fashion-mnist-subset]
                    model: [lenet, mlp]
                    attack: [oracle]
                """;
        new PipelineFactory().create(TinySweeps.parse(sweep, "fit.yaml"));
    }
}
