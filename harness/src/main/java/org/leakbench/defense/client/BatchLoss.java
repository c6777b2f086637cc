package org.leakbench.defense.client;

import java.util.ArrayList;
import java.util.List;
import org.leakbench.autodiff.Autodiff;
import org.leakbench.autodiff.Losses;
import org.leakbench.autodiff.Var;
import org.leakbench.model.Model;
import org.leakbench.tensor.Tensor;

/** The mean cross-entropy gradient of a batch with soft targets, the loss mixed batches are trained on. */
final class BatchLoss {
    private BatchLoss() {}

    /** The gradient of the mean soft cross-entropy of {@code model} on (x, targets [n, classes]). */
    static List<Tensor> softGradient(Model model, List<Tensor> params, Tensor x, Tensor targets) {
        List<Var> leaves = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            leaves.add(Var.leaf(params.get(i), model.parameterShapes().get(i).name()));
        }
        Var loss = Losses.softCrossEntropy(model.logits(Var.constant(x), leaves), Var.constant(targets));
        List<Tensor> out = new ArrayList<>(params.size());
        for (Var g : Autodiff.grad(loss, leaves, false)) {
            out.add(g.value());
        }
        return out;
    }
}
