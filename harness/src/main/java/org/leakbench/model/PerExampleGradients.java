package org.leakbench.model;

import java.util.ArrayList;
import java.util.List;
import org.leakbench.autodiff.Autodiff;
import org.leakbench.autodiff.Losses;
import org.leakbench.autodiff.Var;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * The sum of a batch's per-example gradients, each clipped to L2 norm C: DP-SGD's clipped sum. For a
 * network of dense layers (an {@link Mlp}) it takes one forward and one backward pass: a dense layer z = h·W + b
 * gives example i the weight gradient h_iᵀδ_i and bias gradient δ_i, where δ_i is row i of the batch loss's
 * gradient with respect to z (times the batch size, the loss being a mean). So ‖g_i‖² is
 * Σ_layers (‖h_i‖² + 1)·‖δ_i‖² without forming g_i, and the clipped sum is Σ_layers Hᵀ(c ⊙ Δ) with
 * c_i = min(1, C/‖g_i‖) (the per-example norm trick of Goodfellow 2015, used by Opacus' ghost clipping).
 * Other models take one backward pass per example.
 */
public final class PerExampleGradients {
    private PerExampleGradients() {}

    /**
     * The clipped sum and each example's gradient norm before clipping.
     *
     * @param sum   one tensor per parameter, Σ_i min(1, C/‖g_i‖)·g_i
     * @param norms ‖g_i‖ per example
     * @param exclusive whether every tensor of {@code sum} is new and shares storage with nothing else, so a
     *     caller may change it in place
     */
    public record ClippedSum(List<Tensor> sum, double[] norms, boolean exclusive) {}

    /** Per-example gradients of the cross-entropy at {@code params} on the batch {@code x}, clipped and summed. */
    public static ClippedSum clippedSum(Model model, List<Tensor> params, Tensor x, int[] labels, double clip) {
        if (!(clip > 0)) {
            throw new IllegalArgumentException("clipping norm must be > 0, got " + clip);
        }
        if (!model.bufferShapes().isEmpty()) {
            // A batch of one gives BatchNorm other statistics than the batch, and the batch's gradient mixes the
            // examples, so no per-example gradient is the one trained with (why Opacus refuses BatchNorm).
            throw new IllegalArgumentException("DP-SGD needs per-example gradients, but model "
                    + model.spec().label() + " uses BatchNorm, whose batch statistics mix the examples; "
                    + "set model.norm=group (GroupNorm normalises each example on its own)");
        }
        if (model instanceof Mlp mlp) {
            return dense(mlp, params, x, labels, clip);
        }
        return oneByOne(model, params, x, labels, clip);
    }

    private static ClippedSum dense(Mlp mlp, List<Tensor> params, Tensor x, int[] labels, double clip) {
        Backend be = x.backend();
        int n = labels.length;
        List<Var> leaves = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            // Biases (odd positions) are leaves, so that the graph through the layers is recorded; weights are
            // constants, so that the backward pass to the pre-activations skips the weight gradients hᵀδ: the
            // clipped sum below forms them once, from the rescaled δ (they cost a third of the step twice over).
            Tensor t = params.get(i);
            leaves.add(i % 2 == 1 ? Var.leaf(t, "p") : Var.constant(t));
        }
        List<Var> inputs = new ArrayList<>();
        List<Var> pre = new ArrayList<>();
        Var loss = Losses.crossEntropy(mlp.logits(Var.constant(x), leaves, inputs, pre), labels);
        List<Var> deltas = Autodiff.grad(loss, pre, false);
        double[] sq = new double[n];
        List<Tensor> perExample = new ArrayList<>();
        for (int l = 0; l < pre.size(); l++) {
            Tensor d = be.scale(deltas.get(l).value(), n); // undo the mean: per-example δ_i
            double[] hSquares = rowSquares(inputs.get(l).value(), n);
            double[] dSquares = rowSquares(d, n);
            for (int i = 0; i < n; i++) {
                sq[i] += (hSquares[i] + 1.0) * dSquares[i];
            }
            perExample.add(d);
        }
        double[] norms = new double[n];
        double[] factor = new double[n];
        for (int i = 0; i < n; i++) {
            norms[i] = Math.sqrt(sq[i]);
            factor[i] = norms[i] > clip ? clip / norms[i] : 1.0;
        }
        List<Tensor> sum = new ArrayList<>(params.size());
        for (int l = 0; l < pre.size(); l++) {
            int out = deltas.get(l).value().shape()[1];
            Tensor scaled = scaleRows(be, perExample.get(l), factor, out);
            Tensor h = inputs.get(l).value();
            sum.add(be.matmul(h, scaled, true, false)); // Σ_i c_i h_iᵀ δ_i
            sum.add(be.sumTo(scaled, out)); // Σ_i c_i δ_i
        }
        return new ClippedSum(sum, norms, true);
    }

    private static ClippedSum oneByOne(Model model, List<Tensor> params, Tensor x, int[] labels, double clip) {
        Backend be = x.backend();
        int n = labels.length;
        int[] shape = x.shape();
        int per = x.size() / n;
        double[] all = x.toDoubleArray();
        List<Tensor> sum = null;
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            int[] one = shape.clone();
            one[0] = 1;
            double[] row = java.util.Arrays.copyOfRange(all, i * per, (i + 1) * per);
            Tensor xi = be.fromArray(row, x.dtype(), one);
            List<Tensor> g =
                    Gradients.of(model, params, xi, new int[] {labels[i]}).gradient();
            double s = 0;
            for (Tensor t : g) {
                s += be.sumAll(be.square(t)).item();
            }
            norms[i] = Math.sqrt(s);
            double f = norms[i] > clip ? clip / norms[i] : 1.0;
            List<Tensor> scaled = new ArrayList<>(g.size());
            for (int k = 0; k < g.size(); k++) {
                Tensor t = be.scale(g.get(k), f);
                scaled.add(sum == null ? t : be.add(sum.get(k), t));
            }
            sum = scaled;
        }
        // A batch of one may hand back the backward pass's own tensors, which can share storage.
        return new ClippedSum(sum, norms, false);
    }

    /**
     * Σ_j t[i, j]² in double for each of the n rows of t. Float32 tensors are read as floats, without a widened
     * copy of the whole tensor; each square is still exact in double.
     */
    private static double[] rowSquares(Tensor t, int n) {
        double[] s = new double[n];
        int len = t.size() / n;
        if (t.dtype() == DType.F32) {
            float[] a = t.toFloatArray();
            for (int i = 0; i < n; i++) {
                for (int j = i * len; j < (i + 1) * len; j++) {
                    s[i] += (double) a[j] * a[j];
                }
            }
            return s;
        }
        double[] a = t.toDoubleArray();
        for (int i = 0; i < n; i++) {
            for (int j = i * len; j < (i + 1) * len; j++) {
                s[i] += a[j] * a[j];
            }
        }
        return s;
    }

    /** Row i of the [n, out] tensor d times factor[i], each product in double rounded once to d's type. */
    private static Tensor scaleRows(Backend be, Tensor d, double[] factor, int out) {
        int n = factor.length;
        if (d.dtype() == DType.F32) {
            float[] a = d.toFloatArray();
            for (int i = 0; i < n; i++) {
                for (int j = i * out; j < (i + 1) * out; j++) {
                    a[j] = (float) (a[j] * factor[i]);
                }
            }
            return be.fromFloats(a, n, out);
        }
        double[] a = d.toDoubleArray();
        for (int i = 0; i < n; i++) {
            for (int j = i * out; j < (i + 1) * out; j++) {
                a[j] *= factor[i];
            }
        }
        return be.fromArray(a, d.dtype(), n, out);
    }
}
