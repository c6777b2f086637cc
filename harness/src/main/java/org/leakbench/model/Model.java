package org.leakbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.autodiff.Var;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * A victim model as a pure function of its parameters: {@code logits(x, params)}. Keeping parameters
 * outside the model lets the federated simulation update them, DLG make them graph leaves, and a
 * malicious server replace them, all without touching the architecture.
 */
public interface Model {
    ModelSpec spec();

    /** Parameter names and shapes, in the order {@link #logits} expects them. */
    List<ParamShape> parameterShapes();

    /**
     * The PyTorch {@code state_dict()} key and layout of each parameter, in {@link #parameterShapes()} order.
     * By default a parameter's name and layout are PyTorch's; a model whose names or layouts differ says how.
     */
    default List<TorchParam> torchParameters() {
        return parameterShapes().stream().map(TorchParam::same).toList();
    }

    /** Logits [N, classes] for a batch x [N, ...inputShape]. */
    Var logits(Var x, List<Var> params);

    /**
     * Logits with the normalisation layers run as {@code state} says (training with batch statistics, tracking
     * running averages, or evaluation). Models without such layers ignore the state.
     */
    default Var logits(Var x, List<Var> params, ForwardState state) {
        return logits(x, params);
    }

    /**
     * Names and shapes of the running statistics that are not trained (BatchNorm's running mean and variance, as
     * PyTorch's buffers), in the order {@link ForwardState} holds them; empty for most models.
     */
    default List<ParamShape> bufferShapes() {
        return List.of();
    }

    /** The running statistics a fresh model starts with (PyTorch's defaults), in {@link #bufferShapes()} order. */
    default List<Tensor> initialBuffers(Backend backend, DType dtype) {
        return BatchNormLayer.initialBuffers(bufferShapes(), backend, dtype);
    }

    /**
     * The shape of one sample as gradient inversion optimises it. Images are optimised as they are; a model whose
     * input is discrete (token ids) declares a continuous relaxation it also accepts, such as soft one-hot
     * vectors [context, vocabulary].
     */
    default int[] attackInputShape() {
        return spec().inputShape();
    }

    /**
     * The vocabulary of a model whose attack input relaxes its token ids to soft one-hot rows (an
     * {@link #attackInputShape()} of the ids' shape plus a vocabulary axis); 0 for a model optimised as it reads.
     */
    default int relaxedVocabulary() {
        int[] relaxed = attackInputShape();
        int[] ids = spec().inputShape();
        return relaxed.length == ids.length + 1
                        && java.util.Arrays.equals(java.util.Arrays.copyOf(relaxed, ids.length), ids)
                ? relaxed[ids.length]
                : 0;
    }

    default long parameterCount() {
        long n = 0;
        for (ParamShape p : parameterShapes()) {
            n += p.size();
        }
        return n;
    }

    /** Fresh parameters drawn with {@code rng}, the architecture's customary initialisation. */
    List<Tensor> initialParameters(Backend backend, DType dtype, SplittableRandom rng);

    /** Parameters drawn uniformly from [−bound, bound] (PyTorch's default is bound = 1/√fanIn). */
    static List<Tensor> uniform(
            List<ParamShape> shapes,
            Backend backend,
            DType dtype,
            SplittableRandom rng,
            java.util.function.ToDoubleFunction<ParamShape> bound) {
        List<Tensor> out = new ArrayList<>();
        for (ParamShape p : shapes) {
            double b = bound.applyAsDouble(p);
            double[] d = new double[p.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = (2 * rng.nextDouble() - 1) * b;
            }
            out.add(backend.fromArray(d, dtype, p.shape()));
        }
        return out;
    }
}
