package org.leakbench.model;

import java.util.ArrayList;
import java.util.List;
import org.leakbench.autodiff.IndexOps;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;
import org.leakbench.tensor.Pool2dSpec;

/**
 * The ConvNet of Geiping, Bauermeister, Dröge and Moeller (Inverting Gradients, NeurIPS 2020) as their breaching
 * library builds it: eight 3×3 convolutions (padding 1, with bias), each followed by a norm and a ReLU, with b,
 * 2b, 2b, 4b, 4b, 4b channels, a 3×3 max pool, two more of 4b, another 3×3 max pool, and a linear classifier on
 * the flattened features (36·b of them for 32×32 images). Width 1 is b = 64, breaching's {@code convnet}; b is
 * 64·width rounded, at least 1. PyTorch's default initialisation (uniform in ±1/√fan_in), state_dict names
 * {@code model.conv0 … model.conv7}, {@code model.bn0 … model.bn7}, {@code model.linear}.
 */
public final class ConvNet extends ConvModel {
    /** Channels of each convolution in multiples of the base width; a pool follows the sixth and the eighth. */
    private static final int[] MULTIPLES = {1, 2, 2, 4, 4, 4, 4, 4};

    private static final Pool2dSpec POOL = new Pool2dSpec(3, 3, 0);

    private final List<ConvLayers.Conv> convs = new ArrayList<>();
    private final List<ConvLayers.Norm> norms = new ArrayList<>();
    private final ConvLayers.Linear linear;
    private final int features;

    public ConvNet(ModelSpec spec) {
        super(spec);
        requireSide("convnet", 9, "two 3x3 max pools");
        int base = scaled(64, spec.width());
        int c = channels;
        for (int i = 0; i < MULTIPLES.length; i++) {
            int out = MULTIPLES[i] * base;
            convs.add(layers.conv("model.conv" + i, c, out, 3, 1, 1, true, ConvLayers.Init.UNIFORM_FAN_IN));
            norms.add(layers.norm("model.bn" + i, out));
            c = out;
        }
        features = c * (height / 3 / 3) * (width / 3 / 3);
        linear = layers.linear("model.linear", features, spec.numClasses());
    }

    @Override
    public Var logits(Var x, List<Var> params, ForwardState state) {
        Var h = images(x);
        for (int i = 0; i < convs.size(); i++) {
            h = Ops.relu(norms.get(i).apply(convs.get(i).apply(h, params), params, state));
            if (i == 5 || i == 7) {
                h = IndexOps.maxPool2d(h, POOL);
            }
        }
        return linear.apply(Ops.reshape(h, h.shape()[0], features), params);
    }
}
