package org.leakbench.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.leakbench.tensor.Tensor;

/**
 * How a model's normalisation layers run in one forward pass, and the running statistics they read or update
 * (the "buffers" of PyTorch's {@code state_dict}, in {@link Model#bufferShapes()} order).
 *
 * <ul>
 *   <li>{@link #batchStatistics()}: training mode, normalised with the batch's statistics, nothing tracked. This
 *       is what a client's gradient in FedSGD sees, and so what gradient inversion attacks match.
 *   <li>{@link #tracking(List, double)}: training mode that also updates the running averages with
 *       {@code momentum} (PyTorch's rule: new = (1 − momentum)·old + momentum·batch, unbiased variance).
 *   <li>{@link #evaluation(List)}: evaluation mode, normalised with the given running statistics.
 * </ul>
 */
public final class ForwardState {
    private static final ForwardState BATCH = new ForwardState(true, List.of(), 0, false);

    private final boolean training;
    private final List<Tensor> buffers;
    private final double momentum;
    private final boolean track;

    private ForwardState(boolean training, List<Tensor> buffers, double momentum, boolean track) {
        this.training = training;
        this.buffers = buffers;
        this.momentum = momentum;
        this.track = track;
    }

    public static ForwardState batchStatistics() {
        return BATCH;
    }

    /** Training mode that updates a copy of {@code buffers}; read the result with {@link #buffers()}. */
    public static ForwardState tracking(List<Tensor> buffers, double momentum) {
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("BatchNorm momentum must be in [0, 1], got " + momentum);
        }
        return new ForwardState(true, new ArrayList<>(buffers), momentum, true);
    }

    public static ForwardState evaluation(List<Tensor> buffers) {
        return new ForwardState(false, List.copyOf(buffers), 0, false);
    }

    /** True when normalisation uses the batch's own statistics. */
    public boolean training() {
        return training;
    }

    /** True when running statistics are updated. */
    public boolean tracks() {
        return track;
    }

    public double momentum() {
        return momentum;
    }

    /** The running statistic at {@code index} (in evaluation, or before this pass updated it). */
    public Tensor buffer(int index) {
        if (index >= buffers.size()) {
            throw new IllegalStateException("the model reads running statistic " + index + " but only " + buffers.size()
                    + " were given; pass the model's buffers (Model.initialBuffers)");
        }
        return buffers.get(index);
    }

    /** Replaces the running statistic at {@code index} (tracking mode only). */
    void update(int index, Tensor value) {
        if (!track) {
            throw new IllegalStateException("running statistics are only updated in tracking mode");
        }
        buffers.set(index, value);
    }

    /** The running statistics, as updated by the passes so far. */
    public List<Tensor> buffers() {
        return Collections.unmodifiableList(buffers);
    }
}
