package org.leakbench.model;

import java.util.List;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;
import org.leakbench.tensor.Conv2dSpec;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * The basic residual block of He, Zhang, Ren and Sun (CVPR 2016): relu(bn2(conv2(relu(bn1(conv1(x))))) + s(x)),
 * two 3×3 convolutions without bias, the first with the block's stride. The shortcut s is the identity where
 * the shape stays, else either a projection (1×1 convolution with the stride, then a norm: their option B,
 * torchvision's {@code downsample.0/.1}) or parameter-free (their option A: every second pixel, channels
 * zero-padded on both sides as in the common PyTorch CIFAR code), written as a fixed 1×1 convolution so that it
 * stays differentiable to any order.
 */
final class BasicBlock {
    private final ConvLayers.Conv conv1;
    private final ConvLayers.Norm bn1;
    private final ConvLayers.Conv conv2;
    private final ConvLayers.Norm bn2;
    private final ConvLayers.Conv projection;
    private final ConvLayers.Norm projectionNorm;
    private final int in;
    private final int out;
    private final int stride;
    private final boolean padded;

    /** Declares the block {@code prefix} (e.g. "layer2.0"); {@code padding} picks option A where shapes change. */
    BasicBlock(ConvLayers layers, String prefix, int in, int out, int stride, boolean padding) {
        this.in = in;
        this.out = out;
        this.stride = stride;
        this.conv1 = layers.conv(prefix + ".conv1", in, out, 3, stride, 1, false, ConvLayers.Init.HE_FAN_OUT);
        this.bn1 = layers.norm(prefix + ".bn1", out);
        this.conv2 = layers.conv(prefix + ".conv2", out, out, 3, 1, 1, false, ConvLayers.Init.HE_FAN_OUT);
        this.bn2 = layers.norm(prefix + ".bn2", out);
        boolean changes = stride != 1 || in != out;
        this.padded = changes && padding;
        if (changes && !padding) {
            projection =
                    layers.conv(prefix + ".downsample.0", in, out, 1, stride, 0, false, ConvLayers.Init.HE_FAN_OUT);
            projectionNorm = layers.norm(prefix + ".downsample.1", out);
        } else {
            projection = null;
            projectionNorm = null;
        }
    }

    Var apply(Var x, List<Var> params, ForwardState state) {
        Var h = Ops.relu(bn1.apply(conv1.apply(x, params), params, state));
        h = bn2.apply(conv2.apply(h, params), params, state);
        Var shortcut;
        if (projection != null) {
            shortcut = projectionNorm.apply(projection.apply(x, params), params, state);
        } else if (padded) {
            shortcut = Ops.conv2d(x, Var.constant(paddingFilter(x)), new Conv2dSpec(stride, 0));
        } else {
            shortcut = x;
        }
        return Ops.relu(Ops.add(h, shortcut));
    }

    /** Input channel c goes to output channel (out − in)/2 + c; the other output channels are zero. */
    private Tensor paddingFilter(Var x) {
        double[] w = new double[out * in];
        int before = (out - in) / 2;
        for (int c = 0; c < in; c++) {
            w[(before + c) * in + c] = 1;
        }
        DType dtype = x.value().dtype();
        return x.backend().fromArray(w, dtype, out, in, 1, 1);
    }
}
