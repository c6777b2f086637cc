package org.leakbench.model;

import java.util.List;
import org.leakbench.autodiff.Var;
import org.leakbench.tensor.Tensor;

/**
 * The statistics a batch gives each BatchNorm layer of a model: per layer the mean and the unbiased variance of
 * its input over the batch (and the spatial positions), laid out like {@link Model#bufferShapes()}. They are what
 * a running average with momentum 1 would hold after one training pass, and what a FedAvg client discloses when it
 * sends its updated running statistics with its weights.
 */
public final class BatchNormStatistics {
    private BatchNormStatistics() {}

    /** The batch statistics of {@code x} [N, ...inputShape] under {@code params}; empty for a model without BatchNorm. */
    public static List<Tensor> of(Model model, List<Tensor> params, Tensor x) {
        if (model.bufferShapes().isEmpty()) {
            return List.of();
        }
        ForwardState state = ForwardState.tracking(model.initialBuffers(x.backend(), x.dtype()), 1.0);
        List<Var> p = params.stream().map(Var::constant).toList();
        model.logits(Var.constant(x), p, state);
        return List.copyOf(state.buffers());
    }
}
