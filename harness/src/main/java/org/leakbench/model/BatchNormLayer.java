package org.leakbench.model;

import java.util.List;
import org.leakbench.autodiff.NetOps;
import org.leakbench.autodiff.Var;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * One BatchNorm layer of a model: its parameters {@code <name>.weight}, {@code <name>.bias} and buffers
 * {@code <name>.running_mean}, {@code <name>.running_var} (PyTorch's names and defaults: eps 1e-5, momentum 0.1,
 * weight 1, bias 0, running mean 0 and variance 1).
 */
public record BatchNormLayer(String name, int channels, int firstBuffer) {
    public static final double EPS = 1e-5;
    public static final double MOMENTUM = 0.1;

    /** Adds the layer's parameters and buffers to a model's lists; returns the layer. */
    public static BatchNormLayer declare(String name, int channels, List<ParamShape> params, List<ParamShape> buffers) {
        params.add(new ParamShape(name + ".weight", new int[] {channels}, 1));
        params.add(new ParamShape(name + ".bias", new int[] {channels}, 1));
        int first = buffers.size();
        buffers.add(new ParamShape(name + ".running_mean", new int[] {channels}, 1));
        buffers.add(new ParamShape(name + ".running_var", new int[] {channels}, 1));
        return new BatchNormLayer(name, channels, first);
    }

    /** Normalises x as the state says, updating the running statistics when it tracks them. */
    public Var apply(Var x, Var weight, Var bias, ForwardState state) {
        if (!state.training()) {
            return NetOps.batchNormEval(x, weight, bias, state.buffer(firstBuffer), state.buffer(firstBuffer + 1), EPS);
        }
        state.record(firstBuffer, x);
        NetOps.BatchNormOutput out = NetOps.batchNormTrain(x, weight, bias, EPS);
        if (state.tracks()) {
            Backend be = x.backend();
            double m = state.momentum();
            state.update(firstBuffer, blend(be, state.buffer(firstBuffer), out.batchMean(), m));
            state.update(firstBuffer + 1, blend(be, state.buffer(firstBuffer + 1), out.batchVariance(), m));
        }
        return out.output();
    }

    private static Tensor blend(Backend be, Tensor old, Tensor batch, double momentum) {
        Tensor b = be.cast(be.from(batch), old.dtype());
        return be.add(be.scale(be.from(old), 1 - momentum), be.scale(b, momentum));
    }

    /** PyTorch's initial running statistics for {@code buffers}: means 0, variances 1. */
    public static List<Tensor> initialBuffers(List<ParamShape> buffers, Backend backend, DType dtype) {
        return buffers.stream()
                .map(b -> backend.full(dtype, b.name().endsWith(".running_var") ? 1.0 : 0.0, b.shape()))
                .toList();
    }
}
