package org.leakbench.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.defense.client.BatchDefense;
import org.leakbench.model.Model;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * The victim's update under a defense that acts on its batch: the defended gradient of the whole batch (FedSGD),
 * or θ0 − θ_local after the case's full-batch local steps, each on the defended gradient (FedAvg), as the honest
 * update of {@link CaseBuilder} is computed without it.
 */
final class BatchDefenseUpdate {
    private BatchDefenseUpdate() {}

    static List<Tensor> of(
            Model model, List<Tensor> params, VictimCase c, Backend be, BatchDefense defense, SplittableRandom rng) {
        Tensor x = Sgd.batch(
                be,
                DType.F32,
                c.images(),
                PointPipeline.range(c.images().length),
                model.spec().inputShape());
        if (!c.weightDifference()) {
            return defense.gradient(model, params, x, c.labels(), rng.split());
        }
        List<Tensor> local = params;
        for (int s = 0; s < c.localSteps(); s++) {
            local = Sgd.step(be, local, defense.gradient(model, local, x, c.labels(), rng.split()), c.learningRate());
        }
        List<Tensor> update = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            update.add(be.sub(params.get(i), local.get(i)));
        }
        return update;
    }
}
