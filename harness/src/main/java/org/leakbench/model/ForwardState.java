package org.leakbench.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leakbench.autodiff.Var;
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
 *   <li>{@link #recording()}: training mode like {@link #batchStatistics()} that also keeps the input of every
 *       BatchNorm layer as a graph node, so a prior on its batch statistics can be differentiated (the batch-norm
 *       prior of GradInversion, Yin et al. 2021).
 * </ul>
 */
public final class ForwardState {
    private static final ForwardState BATCH = new ForwardState(true, List.of(), 0, false);

    private final boolean training;
    private final List<Tensor> buffers;
    private final double momentum;
    private final boolean track;
    /** The BatchNorm inputs of a recording pass by the index of their layer's first buffer; null otherwise. */
    private final Map<Integer, Var> recorded;

    private ForwardState(boolean training, List<Tensor> buffers, double momentum, boolean track) {
        this(training, buffers, momentum, track, null);
    }

    private ForwardState(
            boolean training, List<Tensor> buffers, double momentum, boolean track, Map<Integer, Var> recorded) {
        this.training = training;
        this.buffers = buffers;
        this.momentum = momentum;
        this.track = track;
        this.recorded = recorded;
    }

    /** Training mode with batch statistics that records each BatchNorm layer's input; read them with {@link #recordedInputs()}. */
    public static ForwardState recording() {
        return new ForwardState(true, List.of(), 0, false, new TreeMap<>());
    }

    /** Whether this pass records BatchNorm inputs. */
    public boolean records() {
        return recorded != null;
    }

    /** Keeps the input of the BatchNorm layer whose running mean is buffer {@code firstBuffer}. */
    void record(int firstBuffer, Var input) {
        if (recorded != null) {
            recorded.put(firstBuffer, input);
        }
    }

    /**
     * The inputs of the BatchNorm layers this recording pass ran, keyed by the index of the layer's running mean
     * in {@link Model#bufferShapes()} (its variance is the next index); empty for other states.
     */
    public Map<Integer, Var> recordedInputs() {
        return recorded == null ? Map.of() : Collections.unmodifiableMap(recorded);
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
