package org.leakbench.attack.inversion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;
import org.leakbench.model.Model;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * GradInversion's batch-norm prior (Yin et al., CVPR 2021, Eq. 6, after DeepInversion, Yin et al. CVPR 2020):
 * Σ_l ‖μ_l(x̂) − μ_l‖₂ + ‖σ²_l(x̂) − σ²_l‖₂ over the BatchNorm layers l, where μ_l(x̂) and σ²_l(x̂) are the mean and
 * unbiased variance of layer l's input over the candidate batch and its spatial positions, and the targets are the
 * statistics the attacker holds: the victim batch's own, or the model's running averages. The norms are smoothed
 * (√(‖·‖² + ε)) so the prior is differentiable where it is met exactly.
 */
public final class BatchNormPrior {
    private static final double SMOOTHING = 1e-12;

    private final List<Var> targets;

    /**
     * @param statistics the target statistics in {@link Model#bufferShapes()} layout (per layer mean, variance)
     */
    public BatchNormPrior(Model model, List<Tensor> statistics, Backend be, DType dtype) {
        int n = model.bufferShapes().size();
        if (n == 0) {
            throw new IllegalArgumentException(
                    "batch-norm prior: model " + model.spec().family()
                            + " has no BatchNorm layers (model.norm: group, or a family without normalisation)");
        }
        if (statistics.size() != n) {
            throw new IllegalArgumentException(
                    "batch-norm prior: model has " + n + " BatchNorm statistics, got " + statistics.size());
        }
        this.targets = new ArrayList<>(n);
        for (Tensor t : statistics) {
            targets.add(Var.constant(be.cast(be.from(t), dtype)));
        }
    }

    /** The prior on the BatchNorm inputs of one recording pass ({@code ForwardState#recordedInputs()}). */
    public Var penalty(Map<Integer, Var> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalStateException("batch-norm prior: the forward pass recorded no BatchNorm input");
        }
        Var total = null;
        for (Map.Entry<Integer, Var> e : inputs.entrySet()) {
            Var h = e.getValue();
            int[] s = h.shape();
            int channels = s[1];
            int[] reduced = new int[s.length];
            java.util.Arrays.fill(reduced, 1);
            reduced[1] = channels;
            int count = org.leakbench.tensor.Shape.size(s) / channels;
            Var mean = Ops.scale(Ops.sumTo(h, reduced), 1.0 / count);
            Var var = Ops.scale(Ops.sumTo(Ops.square(Ops.sub(h, mean)), reduced), 1.0 / Math.max(1, count - 1));
            Var term = Ops.add(
                    distance(Ops.reshape(mean, channels), targets.get(e.getKey())),
                    distance(Ops.reshape(var, channels), targets.get(e.getKey() + 1)));
            total = total == null ? term : Ops.add(total, term);
        }
        return total;
    }

    private static Var distance(Var a, Var b) {
        return Ops.sqrt(Ops.addScalar(Ops.sumOfSquaredDifferences(a, b), SMOOTHING));
    }
}
