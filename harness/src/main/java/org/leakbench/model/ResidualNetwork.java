package org.leakbench.model;

import java.util.ArrayList;
import java.util.List;
import org.leakbench.autodiff.NetOps;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;

/**
 * A ResNet of basic blocks for small images (He, Zhang, Ren, Sun 2016): a 3×3 stride-1 stem convolution and its
 * norm, stages of {@link BasicBlock}s (stride 2 at the start of every stage but the first), global average
 * pooling and a linear classifier. Names follow torchvision ({@code conv1}, {@code bn1}, {@code layerS.B.*},
 * {@code fc}); convolutions start He-normal with fan-out, norms at weight 1 and bias 0, the classifier uniform
 * in ±1/√fan_in, as torchvision's ResNet does.
 */
abstract class ResidualNetwork extends ConvModel {
    private final ConvLayers.Conv stem;
    private final ConvLayers.Norm stemNorm;
    private final List<BasicBlock> blocks = new ArrayList<>();
    private final ConvLayers.Linear fc;

    /**
     * @param name       the model's name in error messages
     * @param stageBase  channels of each stage at width 1, multiples of the first (which the stem has too)
     * @param perStage   basic blocks in each stage
     */
    ResidualNetwork(ModelSpec spec, String name, int[] stageBase, int[] perStage) {
        super(spec);
        // Every stage after the first halves the side; the last one must still see 2x2 so that BatchNorm on a
        // single example has more than one value per channel.
        requireSide(name, 1 << stageBase.length, "its last stage must see at least 2x2 pixels");
        boolean padding = spec.option(ModelSpec.SHORTCUT, "projection").equals("padding");
        // Stage channels are multiples of the rounded stem width, as in PyTorch code that takes a base width.
        int base = scaled(stageBase[0], spec.width());
        int c = base;
        stem = layers.conv("conv1", channels, c, 3, 1, 1, false, ConvLayers.Init.HE_FAN_OUT);
        stemNorm = layers.norm("bn1", c);
        for (int s = 0; s < stageBase.length; s++) {
            int out = base * (stageBase[s] / stageBase[0]);
            for (int b = 0; b < perStage[s]; b++) {
                int stride = s > 0 && b == 0 ? 2 : 1;
                blocks.add(new BasicBlock(layers, "layer" + (s + 1) + "." + b, c, out, stride, padding));
                c = out;
            }
        }
        fc = layers.linear("fc", c, spec.numClasses());
    }

    @Override
    public Var logits(Var x, List<Var> params, ForwardState state) {
        Var h = Ops.relu(stemNorm.apply(stem.apply(images(x), params), params, state));
        for (BasicBlock block : blocks) {
            h = block.apply(h, params, state);
        }
        return fc.apply(NetOps.globalAvgPool(h), params);
    }
}
