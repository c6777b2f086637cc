package org.leakbench.bench.suite;

import java.util.Map;
import java.util.OptionalDouble;
import org.leakbench.bench.ConvBench;
import org.leakbench.bench.GemmBench;
import org.leakbench.bench.Workload;
import org.leakbench.model.ModelSpec;
import org.leakbench.tensor.Shape;

/**
 * Floating-point operations of the benchmarks whose work is dominated by matrix products and convolutions,
 * counted from the shapes (2 per multiply-add; element-wise work such as BatchNorm, LayerNorm, softmax and GELU is
 * left out, so the rates are slight underestimates; {@link ModelMacs} has the ResNet's and the decoder's layers). A parameter gradient is the forward pass, the weight gradients and the input gradients of
 * every layer but the first (the batch is a constant). The inversion objectives are not counted: their double
 * backward pass has no simple closed form worth quoting as a rate.
 */
final class FlopCount {
    private FlopCount() {}

    /** The count for one operation of {@code benchmark} (Class.method) with {@code params}, if known. */
    static OptionalDouble of(String benchmark, Map<String, String> params) {
        try {
            return switch (benchmark) {
                case "GemmBench.matmul" -> OptionalDouble.of(GemmBench.flop(Integer.parseInt(params.get("size"))));
                case "ConvBench.forward", "ConvBench.inputAdjoint", "ConvBench.filterAdjoint" ->
                    OptionalDouble.of(ConvBench.flop(params.get("layer"), Integer.parseInt(params.get("batch"))));
                case "GradientBench.grad", "PerExampleGradientBench.plainStep" ->
                    OptionalDouble.of(
                            gradient(Workload.spec(params.get("model")), Integer.parseInt(params.get("batch"))));
                default -> OptionalDouble.empty();
            };
        } catch (RuntimeException e) { // a parameter missing or renamed: no count rather than a failed run
            return OptionalDouble.empty();
        }
    }

    /** Forward and backward GEMM/convolution operations of one parameter gradient on a batch. */
    static double gradient(ModelSpec spec, int batch) {
        double[] macs = layerMacs(spec);
        double total = 0;
        for (int l = 0; l < macs.length; l++) {
            int passes = l == 0 ? 2 : 3; // forward + weight gradient, + input gradient after the first layer
            total += passes * 2.0 * batch * macs[l];
        }
        return total;
    }

    /** Multiply-adds per sample of each linear layer (convolutions and dense layers), input to output. */
    static double[] layerMacs(ModelSpec spec) {
        int[] in = spec.inputShape();
        if (spec.family().equals(ModelSpec.LENET)) {
            int channels = Math.max(1, (int) Math.round(12 * spec.width()));
            double[] macs = new double[spec.depth() + 1];
            int c = in[0];
            int h = in[1];
            int w = in[2];
            for (int l = 0; l < spec.depth(); l++) {
                int stride = l < 2 ? 2 : 1;
                h = Shape.convOut(h, 5, stride, 2);
                w = Shape.convOut(w, 5, stride, 2);
                macs[l] = (double) channels * c * 25 * h * w;
                c = channels;
            }
            macs[spec.depth()] = (double) c * h * w * spec.numClasses();
            return macs;
        }
        if (spec.family().equals(ModelSpec.RESNET)) {
            return ModelMacs.resnet(spec);
        }
        if (spec.family().equals(ModelSpec.TRANSFORMER)) {
            return ModelMacs.transformer(spec);
        }
        if (!spec.family().equals(ModelSpec.MLP) && !spec.family().equals(ModelSpec.LINEAR)) {
            throw new IllegalArgumentException("no FLOP count for " + spec.family()); // none rather than a wrong one
        }
        int hidden = spec.family().equals(ModelSpec.MLP) ? spec.depth() : 0;
        int units = Math.max(1, (int) Math.round(256 * spec.width()));
        double[] macs = new double[hidden + 1];
        int d = spec.inputSize();
        for (int l = 0; l < hidden; l++) {
            macs[l] = (double) d * units;
            d = units;
        }
        macs[hidden] = (double) d * spec.numClasses();
        return macs;
    }
}
