package org.leakbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.autodiff.NetOps;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Conv2dSpec;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * Declares the layers of a convolutional model in the order PyTorch registers them, so that parameter and buffer
 * names, order and layouts are those of the equivalent module's {@code state_dict()}, and remembers how each
 * parameter is initialised.
 */
final class ConvLayers {
    /** How a parameter starts (PyTorch's rules). */
    enum Init {
        /** N(0, 2/fan_out), fan_out = out channels · kernel area: torchvision's ResNet convolutions. */
        HE_FAN_OUT,
        /** U(−1/√fan_in, 1/√fan_in): PyTorch's default for convolutions, linear layers and their biases. */
        UNIFORM_FAN_IN,
        ONES,
        ZEROS
    }

    /** A convolution without or with a bias ({@code bias} < 0 when it has none). */
    record Conv(int weight, int bias, int channels, Conv2dSpec spec) {
        Var apply(Var x, List<Var> params) {
            Var y = Ops.conv2d(x, params.get(weight), spec);
            return bias < 0 ? y : Ops.add(y, Ops.reshape(params.get(bias), 1, channels, 1, 1));
        }
    }

    /** A linear layer y = h·Wᵀ + b with PyTorch's weight layout [out, in]. */
    record Linear(int weight) {
        Var apply(Var h, List<Var> params) {
            return Ops.add(Ops.matmul(h, params.get(weight), false, true), params.get(weight + 1));
        }
    }

    /**
     * A normalisation layer named like PyTorch's BatchNorm2d ({@code <name>.weight}, {@code <name>.bias}): BatchNorm
     * with running statistics, or GroupNorm (no buffers) when {@code groups} > 0.
     */
    record Norm(int weight, int groups, BatchNormLayer batch) {
        Var apply(Var x, List<Var> params, ForwardState state) {
            Var gamma = params.get(weight);
            Var beta = params.get(weight + 1);
            return batch != null
                    ? batch.apply(x, gamma, beta, state)
                    : NetOps.groupNorm(x, groups, gamma, beta, BatchNormLayer.EPS);
        }
    }

    /** Wu and He's 32 groups where they fit: the largest divisor of {@code channels} that is at most 32. */
    static int groupsFor(int channels) {
        for (int g = Math.min(32, channels); g > 1; g--) {
            if (channels % g == 0) {
                return g;
            }
        }
        return 1;
    }

    private final List<ParamShape> params;
    private final List<ParamShape> buffers = new ArrayList<>();
    private final List<Init> inits = new ArrayList<>();
    private final boolean groupNorm;

    /** Declares into {@code params}; {@code groupNorm} makes every {@link #norm} a GroupNorm. */
    ConvLayers(List<ParamShape> params, boolean groupNorm) {
        this.params = params;
        this.groupNorm = groupNorm;
    }

    Conv conv(String name, int in, int out, int kernel, int stride, int padding, boolean bias, Init weightInit) {
        int fanIn = in * kernel * kernel;
        int w = add(new ParamShape(name + ".weight", new int[] {out, in, kernel, kernel}, fanIn), weightInit);
        int b = bias ? add(new ParamShape(name + ".bias", new int[] {out}, fanIn), Init.UNIFORM_FAN_IN) : -1;
        return new Conv(w, b, out, new Conv2dSpec(stride, padding));
    }

    Norm norm(String name, int channels) {
        if (groupNorm) {
            int w = add(new ParamShape(name + ".weight", new int[] {channels}, 1), Init.ONES);
            add(new ParamShape(name + ".bias", new int[] {channels}, 1), Init.ZEROS);
            return new Norm(w, groupsFor(channels), null);
        }
        int w = params.size();
        BatchNormLayer layer = BatchNormLayer.declare(name, channels, params, buffers);
        inits.add(Init.ONES);
        inits.add(Init.ZEROS);
        return new Norm(w, 0, layer);
    }

    Linear linear(String name, int in, int out) {
        int w = add(new ParamShape(name + ".weight", new int[] {out, in}, in), Init.UNIFORM_FAN_IN);
        add(new ParamShape(name + ".bias", new int[] {out}, in), Init.UNIFORM_FAN_IN);
        return new Linear(w);
    }

    private int add(ParamShape p, Init init) {
        params.add(p);
        inits.add(init);
        return params.size() - 1;
    }

    List<ParamShape> buffers() {
        return List.copyOf(buffers);
    }

    /** Fresh parameters in declaration order, each drawn from {@code rng} by its rule. */
    List<Tensor> initialise(Backend backend, DType dtype, SplittableRandom rng) {
        List<Tensor> out = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            ParamShape p = params.get(i);
            int[] s = p.shape();
            double[] d = new double[p.size()];
            switch (inits.get(i)) {
                case HE_FAN_OUT -> {
                    double std = Math.sqrt(2.0 / (s[0] * s[2] * s[3]));
                    for (int j = 0; j < d.length; j++) {
                        d[j] = std * rng.nextGaussian();
                    }
                }
                case UNIFORM_FAN_IN -> {
                    double bound = 1 / Math.sqrt(p.fanIn());
                    for (int j = 0; j < d.length; j++) {
                        d[j] = (2 * rng.nextDouble() - 1) * bound;
                    }
                }
                case ONES -> java.util.Arrays.fill(d, 1.0);
                case ZEROS -> {}
            }
            out.add(backend.fromArray(d, dtype, s));
        }
        return out;
    }
}
