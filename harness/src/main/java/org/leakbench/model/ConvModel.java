package org.leakbench.model;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * A convolutional model with normalisation layers (batch or group, by the spec's {@code norm} option), declared
 * through {@link ConvLayers}. {@link #logits(Var, List)} is training mode with batch statistics, as in a client's
 * FedSGD step.
 */
abstract class ConvModel extends SpecifiedModel {
    final ConvLayers layers;
    final int channels;
    final int height;
    final int width;

    ConvModel(ModelSpec spec) {
        super(spec);
        this.layers =
                new ConvLayers(shapes, spec.option(ModelSpec.NORM, "batch").equals("group"));
        int[] in = spec.inputShape();
        this.channels = in[0];
        this.height = in[1];
        this.width = in[2];
    }

    /** Throws unless both image sides are at least {@code minSide}, naming the model and the input shape. */
    final void requireSide(String model, int minSide, String why) {
        if (height < minSide || width < minSide) {
            throw new IllegalArgumentException("model " + model + " needs images of at least " + minSide + "x" + minSide
                    + " (" + why + "), got input shape " + Arrays.toString(spec.inputShape()));
        }
    }

    /** {@code base · width} channels, rounded, at least one. */
    static int scaled(int base, double width) {
        return Math.max(1, (int) Math.round(base * width));
    }

    /** The batch as NCHW images, whether it came flat or shaped. */
    final Var images(Var x) {
        return Ops.reshape(x, x.shape()[0], channels, height, width);
    }

    @Override
    public final Var logits(Var x, List<Var> params) {
        return logits(x, params, ForwardState.batchStatistics());
    }

    @Override
    public abstract Var logits(Var x, List<Var> params, ForwardState state);

    @Override
    public final List<ParamShape> bufferShapes() {
        return layers.buffers();
    }

    @Override
    public final List<Tensor> initialParameters(Backend backend, DType dtype, SplittableRandom rng) {
        return layers.initialise(backend, dtype, rng);
    }
}
