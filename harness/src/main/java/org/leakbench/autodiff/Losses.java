package org.leakbench.autodiff;

import java.util.List;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Conv2dSpec;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/** Losses, distances and priors built from {@link Ops}, hence differentiable to any order. */
public final class Losses {
    private Losses() {}

    /** Mean over the batch of −Σ_k p_k log softmax(z)_k, for target probabilities p [N, K]. */
    public static Var softCrossEntropy(Var logits, Var targetProbs) {
        int n = logits.shape()[0];
        return scale(sumAll(Ops.mul(targetProbs, Ops.logSoftmax(logits))), -1.0 / n);
    }

    /** Cross-entropy with hard labels (mean over the batch). */
    public static Var crossEntropy(Var logits, int[] labels) {
        int[] s = logits.shape();
        if (s.length != 2 || s[0] != labels.length) {
            throw new IllegalArgumentException("cross-entropy needs logits [N, K] with N = " + labels.length
                    + " labels, got " + org.leakbench.tensor.Shape.str(s));
        }
        return softCrossEntropy(
                logits, Var.constant(oneHot(logits.backend(), logits.value().dtype(), labels, s[1])));
    }

    public static Tensor oneHot(Backend be, DType dtype, int[] labels, int classes) {
        double[] d = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(
                        "label " + labels[i] + " at position " + i + " is outside [0, " + classes + ")");
            }
            d[i * classes + labels[i]] = 1;
        }
        return be.fromArray(d, dtype, labels.length, classes);
    }

    /** Σ_i ||a_i − b_i||² over a list of tensors (DLG's gradient distance). */
    public static Var squaredDistance(List<Var> a, List<Var> b) {
        checkPairs(a, b);
        Var total = null;
        for (int i = 0; i < a.size(); i++) {
            Var d = Ops.sumOfSquaredDifferences(a.get(i), b.get(i));
            total = total == null ? d : Ops.add(total, d);
        }
        return total;
    }

    /** Σ_i ‖a_i − b_i‖₁ over a list of tensors (the L1 term of TAG's gradient distance, Deng et al. 2021). */
    public static Var l1Distance(List<Var> a, List<Var> b) {
        checkPairs(a, b);
        Var total = null;
        for (int i = 0; i < a.size(); i++) {
            Var d = Ops.sumAll(Ops.abs(Ops.sub(a.get(i), b.get(i))));
            total = total == null ? d : Ops.add(total, d);
        }
        return total;
    }

    /**
     * 1 − ⟨a, b⟩ / (‖a‖ ‖b‖) with the lists concatenated into one vector (Inverting Gradients, Geiping et
     * al. 2020). A tiny constant keeps the norm differentiable at zero.
     */
    public static Var cosineDistance(List<Var> a, List<Var> b) {
        checkPairs(a, b);
        Var dot = null;
        Var na = null;
        Var nb = null;
        for (int i = 0; i < a.size(); i++) {
            Var d = Ops.dot(a.get(i), b.get(i));
            Var sa = Ops.sumOfSquares(a.get(i));
            Var sb = Ops.sumOfSquares(b.get(i));
            dot = dot == null ? d : Ops.add(dot, d);
            na = na == null ? sa : Ops.add(na, sa);
            nb = nb == null ? sb : Ops.add(nb, sb);
        }
        Var denom = Ops.mul(Ops.sqrt(Ops.addScalar(na, 1e-20)), Ops.sqrt(Ops.addScalar(nb, 1e-20)));
        return Ops.addScalar(Ops.neg(Ops.div(dot, denom)), 1.0);
    }

    /**
     * Anisotropic total variation of an NCHW image batch: mean |x[h+1]−x[h]| + mean |x[w+1]−x[w]|. The
     * neighbour differences are taken with a fixed per-channel difference filter, so no slicing op is
     * needed.
     */
    public static Var totalVariation(Var x) {
        int[] s = x.shape();
        if (s.length != 4) {
            throw new IllegalArgumentException(
                    "total variation needs NCHW images, got " + org.leakbench.tensor.Shape.str(s));
        }
        int c = s[1];
        Backend be = x.backend();
        DType dt = x.value().dtype();
        double[] fv = new double[c * c * 2];
        for (int k = 0; k < c; k++) {
            fv[(k * c + k) * 2] = -1;
            fv[(k * c + k) * 2 + 1] = 1;
        }
        Var vertical = Var.constant(be.fromArray(fv, dt, c, c, 2, 1));
        Var horizontal = Var.constant(be.fromArray(fv, dt, c, c, 1, 2));
        Conv2dSpec spec = new Conv2dSpec(1, 0);
        Var dv = Ops.conv2d(x, vertical, spec);
        Var dh = Ops.conv2d(x, horizontal, spec);
        return Ops.add(Ops.mean(Ops.abs(dv)), Ops.mean(Ops.abs(dh)));
    }

    private static Var sumAll(Var v) {
        return Ops.sumAll(v);
    }

    private static Var scale(Var v, double s) {
        return Ops.scale(v, s);
    }

    private static void checkPairs(List<Var> a, List<Var> b) {
        if (a.size() != b.size() || a.isEmpty()) {
            throw new IllegalArgumentException(
                    "distance needs two equally long, non-empty lists, got " + a.size() + " and " + b.size());
        }
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i).shape(), b.get(i).shape())) {
                throw new IllegalArgumentException("distance: entry " + i + " has shapes "
                        + org.leakbench.tensor.Shape.str(a.get(i).shape()) + " and "
                        + org.leakbench.tensor.Shape.str(b.get(i).shape()));
            }
        }
    }
}
