package org.leakbench.attack.text;

import java.util.ArrayList;
import java.util.List;
import org.leakbench.autodiff.Var;
import org.leakbench.model.Transformer;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * The inputs of the first block's q/k/v projection ({@link Transformer#attentionInput}) and of its first MLP
 * layer ({@link Transformer#mlpInput}) for given token windows, in float64 with the observed parameters: the
 * vectors DAGER tests against the row spaces of those layers' weight gradients.
 */
final class AttentionRows {
    private final Transformer model;
    private final Backend be;
    private final List<Var> params;
    private final int context;
    private final int width;

    AttentionRows(Transformer model, List<Tensor> parameters) {
        this.model = model;
        this.be = parameters.get(0).backend();
        this.params = new ArrayList<>(parameters.size());
        for (Tensor p : parameters) {
            params.add(Var.constant(be.cast(p, DType.F64)));
        }
        this.context = model.spec().inputShape()[0];
        this.width = model.dModel();
    }

    /**
     * The first block's input rows of each window at every position, [window][position][d], of its attention
     * ({@code mlp} false) or of its MLP ({@code mlp} true). A window shorter
     * than the context is padded after its last id with token 0, which the causal attention keeps from reaching
     * the positions before it.
     */
    double[][][] of(int[][] windows, boolean mlp) {
        double[][][] out = new double[windows.length][context][width];
        if (windows.length == 0) {
            return out;
        }
        double[] ids = new double[windows.length * context];
        for (int w = 0; w < windows.length; w++) {
            for (int t = 0; t < windows[w].length; t++) {
                ids[w * context + t] = windows[w][t];
            }
        }
        // Every input is a constant, so no graph is recorded.
        Var x = Var.constant(be.fromArray(ids, DType.F64, windows.length, context));
        Var z = mlp ? model.mlpInput(x, params, 0) : model.attentionInput(x, params, 0);
        double[] rows = z.value().toDoubleArray();
        for (int w = 0; w < windows.length; w++) {
            for (int t = 0; t < context; t++) {
                System.arraycopy(rows, (w * context + t) * width, out[w][t], 0, width);
            }
        }
        return out;
    }
}
