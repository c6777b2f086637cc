package org.leakbench.bench.suite;

import java.util.ArrayList;
import java.util.List;
import org.leakbench.model.ModelSpec;
import org.leakbench.tensor.Shape;

/**
 * Multiply-adds per sample of the layers of the residual and attention models, input to output, in the form
 * {@link FlopCount#gradient} takes: the first entry is the layer whose input needs no gradient.
 *
 * <p>CIFAR ResNet (He et al., CVPR 2016): the 3×3 stem, each basic block's two 3×3 convolutions and, where the
 * shape changes, its 1×1 projection (the parameter-free padding shortcut is not counted), then the classifier on
 * the pooled features. Decoder (Radford et al. 2019): the token look-up first (no multiply-adds), then per block
 * the fused q/k/v, the scores q·kᵀ and the weighted values over the whole T×T window (the causal mask is added,
 * not skipped), the output projection and the two MLP layers on all T positions, and the head on the last one.
 * The attention products have no weights but two operand gradients, so they cost three passes like a layer.
 */
final class ModelMacs {
    private ModelMacs() {}

    static double[] resnet(ModelSpec spec) {
        int[] in = spec.inputShape();
        int base = Math.max(1, (int) Math.round(16 * spec.width()));
        int perStage = (spec.depth() - 2) / 6;
        boolean projection = spec.option(ModelSpec.SHORTCUT, "projection").equals("projection");
        List<Double> macs = new ArrayList<>();
        int side = in[1];
        macs.add(conv(in[0], base, 3, side));
        int c = base;
        for (int s = 0; s < 3; s++) {
            int out = base << s;
            for (int b = 0; b < perStage; b++) {
                int stride = s > 0 && b == 0 ? 2 : 1;
                int next = Shape.convOut(side, 3, stride, 1);
                macs.add(conv(c, out, 3, next));
                macs.add(conv(out, out, 3, next));
                if (projection && (stride != 1 || c != out)) {
                    macs.add(conv(c, out, 1, next));
                }
                side = next;
                c = out;
            }
        }
        macs.add((double) c * spec.numClasses());
        return macs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double[] transformer(ModelSpec spec) {
        double t = spec.inputShape()[0];
        double d = spec.width();
        List<Double> macs = new ArrayList<>(List.of(0.0)); // the embedding look-up
        for (int b = 0; b < spec.depth(); b++) {
            macs.add(t * d * 3 * d); // fused q/k/v
            macs.add(t * t * d); // scores, all heads
            macs.add(t * t * d); // weighted values
            macs.add(t * d * d); // output projection
            macs.add(t * d * 4 * d); // MLP up
            macs.add(t * 4 * d * d); // MLP down
        }
        macs.add(d * spec.numClasses()); // head, last position only
        return macs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double conv(int in, int out, int kernel, int side) {
        return (double) out * in * kernel * kernel * side * side;
    }
}
