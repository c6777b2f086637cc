package org.leakbench.model;

import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * A fully connected network: {@code depth} hidden layers of 256·width units with the chosen activation,
 * then a linear output layer. Weights are stored [in, out] so a layer is x·W + b. A depth of 0 hidden
 * layers is the linear (logistic-regression) model, {@link ModelSpec#LINEAR}.
 */
public final class Mlp extends SpecifiedModel {
    private final int hiddenLayers;

    public Mlp(ModelSpec spec) {
        super(spec);
        this.hiddenLayers = spec.family().equals(ModelSpec.LINEAR) ? 0 : spec.depth();
        int units = Math.max(1, (int) Math.round(256 * spec.width()));
        int in = spec.inputSize();
        for (int layer = 0; layer < hiddenLayers; layer++) {
            shapes.add(new ParamShape("fc" + layer + ".weight", new int[] {in, units}, in));
            shapes.add(new ParamShape("fc" + layer + ".bias", new int[] {units}, in));
            in = units;
        }
        shapes.add(new ParamShape("out.weight", new int[] {in, spec.numClasses()}, in));
        shapes.add(new ParamShape("out.bias", new int[] {spec.numClasses()}, in));
    }

    @Override
    public Var logits(Var x, List<Var> params) {
        return logits(x, params, null, null);
    }

    /**
     * The logits, recording every dense layer's input (rows h_i) and pre-activation (rows z_i = h_i·W + b)
     * into the given lists when they are not null: what {@link PerExampleGradients} needs to get each example's
     * gradient from one backward pass.
     */
    Var logits(Var x, List<Var> params, List<Var> layerInputs, List<Var> preActivations) {
        int n = x.shape()[0];
        Var h = Ops.reshape(x, n, spec.inputSize());
        for (int layer = 0; layer <= hiddenLayers; layer++) {
            Var z = Ops.add(Ops.matmul(h, params.get(2 * layer)), params.get(2 * layer + 1));
            if (layerInputs != null) {
                layerInputs.add(h);
                preActivations.add(z);
            }
            h = layer < hiddenLayers ? spec.activation().apply(z) : z;
        }
        return h;
    }

    /** PyTorch's names are ours ({@code fc0}, ..., {@code out}); its linear weights are [out, in], our transpose. */
    @Override
    public List<TorchParam> torchParameters() {
        return shapes.stream()
                .map(p -> new TorchParam(p.name(), p.shape().length == 2))
                .toList();
    }

    @Override
    public List<Tensor> initialParameters(Backend backend, DType dtype, SplittableRandom rng) {
        return Model.uniform(shapes, backend, dtype, rng, p -> 1.0 / Math.sqrt(p.fanIn()));
    }
}
