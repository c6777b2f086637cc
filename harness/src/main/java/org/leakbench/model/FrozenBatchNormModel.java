package org.leakbench.model;

import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.autodiff.Var;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * A BatchNorm model whose normalisation layers always run in evaluation mode on fixed running statistics, as a
 * PyTorch model after {@code model.eval()}: every gradient, the client's and the attacker's alike, normalises with
 * those statistics instead of the batch's. This is the threat model of Inverting Gradients (Geiping, Bauermeister,
 * Dröge, Moeller, NeurIPS 2020), whose code puts the attacked network in evaluation mode, and of clients that
 * fine-tune with frozen statistics. The statistics are constants of this model, so it declares no buffers.
 */
public final class FrozenBatchNormModel implements Model {
    private final Model inner;
    private final List<Tensor> statistics;

    /** {@code inner} with its running statistics fixed to {@code statistics} ({@link Model#bufferShapes()} order). */
    public FrozenBatchNormModel(Model inner, List<Tensor> statistics) {
        if (inner.bufferShapes().isEmpty()) {
            throw new IllegalArgumentException("model.bn-mode eval: "
                    + inner.spec().label() + " has no BatchNorm layer to run in evaluation mode");
        }
        if (statistics.size() != inner.bufferShapes().size()) {
            throw new IllegalArgumentException("model.bn-mode eval: " + statistics.size()
                    + " running statistics for " + inner.spec().label() + ", which has "
                    + inner.bufferShapes().size());
        }
        this.inner = inner;
        this.statistics = List.copyOf(statistics);
    }

    /** The model with trainable normalisation this one freezes. */
    public Model inner() {
        return inner;
    }

    /** The fixed running statistics. */
    public List<Tensor> statistics() {
        return statistics;
    }

    @Override
    public ModelSpec spec() {
        return inner.spec();
    }

    @Override
    public List<ParamShape> parameterShapes() {
        return inner.parameterShapes();
    }

    @Override
    public List<TorchParam> torchParameters() {
        return inner.torchParameters();
    }

    @Override
    public Var logits(Var x, List<Var> params) {
        return inner.logits(x, params, ForwardState.evaluation(statistics));
    }

    /** Evaluation mode whatever {@code state} asks: the statistics are frozen. */
    @Override
    public Var logits(Var x, List<Var> params, ForwardState state) {
        return logits(x, params);
    }

    @Override
    public int[] attackInputShape() {
        return inner.attackInputShape();
    }

    @Override
    public List<Tensor> initialParameters(Backend backend, DType dtype, SplittableRandom rng) {
        return inner.initialParameters(backend, dtype, rng);
    }
}
