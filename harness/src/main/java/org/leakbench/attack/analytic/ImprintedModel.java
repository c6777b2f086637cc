package org.leakbench.attack.analytic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.ParamShape;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * The model a malicious server sends in "Robbing the Fed" (Fowl et al., ICLR 2022): the honest model
 * plus an imprint branch h = relu(x·W + b) whose k units all measure the same feature of the input
 * (here mean brightness) against increasing thresholds, added to the logits through V, whose rows are
 * all equal. Equal rows make dL/dh_i the same for every unit a sample activates, which is what lets
 * differences of consecutive units isolate the samples of one brightness bin.
 *
 * <p>Parameters: [W (D×k), b (k), V (k×K)] followed by the honest model's parameters.
 */
public final class ImprintedModel implements Model {
    private final Model inner;
    private final int bins;
    private final List<ParamShape> shapes = new ArrayList<>();

    public ImprintedModel(Model inner, int bins) {
        if (bins < 2) {
            throw new IllegalArgumentException("imprint bins must be >= 2, got " + bins);
        }
        this.inner = inner;
        this.bins = bins;
        int d = inner.spec().inputSize();
        int k = inner.spec().numClasses();
        shapes.add(new ParamShape("imprint.weight", new int[] {d, bins}, d));
        shapes.add(new ParamShape("imprint.bias", new int[] {bins}, d));
        shapes.add(new ParamShape("imprint.out", new int[] {bins, k}, bins));
        shapes.addAll(inner.parameterShapes());
    }

    public int bins() {
        return bins;
    }

    @Override
    public ModelSpec spec() {
        return inner.spec();
    }

    @Override
    public List<ParamShape> parameterShapes() {
        return shapes;
    }

    @Override
    public Var logits(Var x, List<Var> params) {
        int n = x.shape()[0];
        Var flat = Ops.reshape(x, n, inner.spec().inputSize());
        Var h = Ops.relu(Ops.add(Ops.matmul(flat, params.get(0)), params.get(1)));
        return Ops.add(inner.logits(x, params.subList(3, params.size())), Ops.matmul(h, params.get(2)));
    }

    @Override
    public List<Tensor> initialParameters(Backend backend, DType dtype, SplittableRandom rng) {
        throw new UnsupportedOperationException(
                "an imprinted model is built from an honest one with " + "RobbingTheFed.maliciousParameters");
    }

    /**
     * The parameters the server sends: the imprint rows measuring mean brightness against
     * {@code thresholds} (ascending, one per bin), V with equal random rows, then the honest ones.
     */
    public List<Tensor> parameters(List<Tensor> honest, double[] thresholds, SplittableRandom rng) {
        if (thresholds.length != bins) {
            throw new IllegalArgumentException("need " + bins + " thresholds, got " + thresholds.length);
        }
        Backend be = honest.get(0).backend();
        DType dt = honest.get(0).dtype();
        int d = inner.spec().inputSize();
        int k = inner.spec().numClasses();
        double[] w = new double[d * bins];
        java.util.Arrays.fill(w, 1.0 / d);
        double[] b = new double[bins];
        for (int i = 0; i < bins; i++) {
            b[i] = -thresholds[i];
        }
        double[] row = new double[k];
        for (int c = 0; c < k; c++) {
            row[c] = rng.nextGaussian();
        }
        double[] v = new double[bins * k];
        for (int i = 0; i < bins; i++) {
            System.arraycopy(row, 0, v, i * k, k);
        }
        List<Tensor> out = new ArrayList<>();
        out.add(be.fromArray(w, dt, d, bins));
        out.add(be.fromArray(b, dt, bins));
        out.add(be.fromArray(v, dt, bins, k));
        out.addAll(honest);
        return out;
    }
}
