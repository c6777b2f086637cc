package org.leakbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Conv2dSpec;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Shape;
import org.leakbench.tensor.Tensor;

/**
 * The LeNet of the DLG paper (Zhu, Liu, Han 2019): 5×5 convolutions with 12·width channels, strides 2,
 * 2, 1 (further layers stride 1), padding 2, the activation after each (sigmoid by default), then one
 * linear layer. Weights and biases start uniform in (−0.5, 0.5) as in the paper's code.
 */
public final class LeNet extends SpecifiedModel {
    private static final int KERNEL = 5;
    private static final int PAD = 2;

    private final int channels;
    private final List<Conv2dSpec> convs = new ArrayList<>();
    private final int flat;

    public LeNet(ModelSpec spec) {
        super(spec);
        this.channels = Math.max(1, (int) Math.round(12 * spec.width()));
        int c = spec.inputShape()[0];
        int h = spec.inputShape()[1];
        int w = spec.inputShape()[2];
        for (int layer = 0; layer < spec.depth(); layer++) {
            int stride = layer < 2 ? 2 : 1;
            Conv2dSpec cs = new Conv2dSpec(stride, PAD);
            convs.add(cs);
            shapes.add(new ParamShape(
                    "conv" + layer + ".weight", new int[] {channels, c, KERNEL, KERNEL}, c * KERNEL * KERNEL));
            shapes.add(new ParamShape("conv" + layer + ".bias", new int[] {channels}, c * KERNEL * KERNEL));
            c = channels;
            h = Shape.convOut(h, KERNEL, stride, PAD);
            w = Shape.convOut(w, KERNEL, stride, PAD);
        }
        this.flat = c * h * w;
        shapes.add(new ParamShape("fc.weight", new int[] {flat, spec.numClasses()}, flat));
        shapes.add(new ParamShape("fc.bias", new int[] {spec.numClasses()}, flat));
    }

    @Override
    public Var logits(Var x, List<Var> params) {
        int n = x.shape()[0];
        Var h = Ops.reshape(x, prepend(n, spec.inputShape()));
        for (int layer = 0; layer < convs.size(); layer++) {
            Var w = params.get(2 * layer);
            Var b = Ops.reshape(params.get(2 * layer + 1), 1, channels, 1, 1);
            h = spec.activation().apply(Ops.add(Ops.conv2d(h, w, convs.get(layer)), b));
        }
        Var flatH = Ops.reshape(h, n, flat);
        int k = 2 * convs.size();
        return Ops.add(Ops.matmul(flatH, params.get(k)), params.get(k + 1));
    }

    /**
     * The names of DLG's reference module ({@code body} = conv, act, conv, act, ...; {@code fc} = one linear
     * layer), whose linear weight is [classes, flat], the transpose of ours.
     */
    @Override
    public List<TorchParam> torchParameters() {
        List<TorchParam> out = new ArrayList<>();
        for (int layer = 0; layer < convs.size(); layer++) {
            out.add(new TorchParam("body." + 2 * layer + ".weight", false));
            out.add(new TorchParam("body." + 2 * layer + ".bias", false));
        }
        out.add(new TorchParam("fc.0.weight", true));
        out.add(new TorchParam("fc.0.bias", false));
        return out;
    }

    @Override
    public List<Tensor> initialParameters(Backend backend, DType dtype, SplittableRandom rng) {
        return Model.uniform(shapes, backend, dtype, rng, p -> 0.5);
    }

    static int[] prepend(int n, int[] shape) {
        int[] s = new int[shape.length + 1];
        s[0] = n;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }
}
