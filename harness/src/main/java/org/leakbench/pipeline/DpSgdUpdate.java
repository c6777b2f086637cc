package org.leakbench.pipeline;

import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.defense.dp.DpSgdOptions;
import org.leakbench.defense.dp.DpSgdStep;
import org.leakbench.model.Model;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * The victim's DP-SGD update (Abadi et al. 2016): each example's gradient clipped to norm C, summed,
 * Gaussian noise N(0, σ²C²) added, divided by the batch size; computed by {@link DpSgdStep}, as the
 * federated clients of the utility run compute theirs. The attacked batch is the victim's whole batch (the
 * attack is scored against it), so it is divided by its own size whatever {@code dp.sampling} says.
 */
final class DpSgdUpdate {
    private DpSgdUpdate() {}

    static List<Tensor> of(
            Model model, List<Tensor> params, VictimCase c, Backend be, DpSgdOptions options, SplittableRandom rng) {
        return DpSgdStep.noisyGradient(
                model,
                be,
                DType.F32,
                params,
                c.images(),
                c.labels(),
                PointPipeline.range(c.images().length),
                options,
                rng);
    }
}
