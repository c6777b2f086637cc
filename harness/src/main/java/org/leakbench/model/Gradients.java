package org.leakbench.model;

import java.util.ArrayList;
import java.util.List;
import org.leakbench.autodiff.Autodiff;
import org.leakbench.autodiff.Losses;
import org.leakbench.autodiff.Var;
import org.leakbench.tensor.Tensor;

/** The parameter gradient of a model's mean cross-entropy on a labelled batch: what FedSGD shares. */
public final class Gradients {
    private Gradients() {}

    /** Loss and gradient, one tensor per parameter. */
    public record LossAndGradient(double loss, List<Tensor> gradient) {}

    public static LossAndGradient of(Model model, List<Tensor> params, Tensor x, int[] labels) {
        return of(model, params, x, labels, ForwardState.batchStatistics());
    }

    /**
     * Loss and gradient with the normalisation layers run as {@code state} says: batch statistics, tracking the
     * running averages (read them from {@code state} afterwards), or evaluation mode on given running statistics.
     */
    public static LossAndGradient of(Model model, List<Tensor> params, Tensor x, int[] labels, ForwardState state) {
        List<Var> leaves = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            leaves.add(Var.leaf(params.get(i), model.parameterShapes().get(i).name()));
        }
        Var loss = Losses.crossEntropy(model.logits(Var.constant(x), leaves, state), labels);
        List<Var> g = Autodiff.grad(loss, leaves, false);
        List<Tensor> out = new ArrayList<>(g.size());
        for (Var v : g) {
            out.add(v.value());
        }
        return new LossAndGradient(loss.value().item(), out);
    }

    /** Logits without recording a graph. */
    public static Tensor predict(Model model, List<Tensor> params, Tensor x) {
        return predict(model, params, x, ForwardState.batchStatistics());
    }

    /** Logits without recording a graph, the normalisation layers run as {@code state} says. */
    public static Tensor predict(Model model, List<Tensor> params, Tensor x, ForwardState state) {
        List<Var> c = new ArrayList<>(params.size());
        for (Tensor t : params) {
            c.add(Var.constant(t));
        }
        return model.logits(Var.constant(x), c, state).value();
    }
}
