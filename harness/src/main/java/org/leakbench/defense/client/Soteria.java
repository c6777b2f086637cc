package org.leakbench.defense.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.leakbench.autodiff.Autodiff;
import org.leakbench.autodiff.Var;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Tensor;

/**
 * Soteria (Sun, Li, Wang, Chen, Li, Chen, Provable Defense against Privacy Leakage in Federated Learning from
 * Representation Perspective, CVPR 2021): the client prunes the gradient of the fully-connected layer that reads
 * the representation r, removing the representation coordinates from which the input is reconstructed most
 * easily. For coordinate i the paper's criterion is ‖r_i‖ / ‖∂r_i/∂x‖, large when a small change of the input
 * moves r_i far; the ⌊prune·d⌋ coordinates with the largest ratio, summed over the batch, are pruned: their
 * rows (columns, in PyTorch's [classes, features] layout) of the classifier's weight gradient (∂L/∂W_i = r_i·δ)
 * are set to zero. The other layers' gradients are
 * sent as they are, which is what the adaptive attack of Balunović et al. (ICLR 2022) exploits: it leaves the
 * classifier's weight out of the matching ({@link #knowledge}).
 *
 * <p>A coordinate with r_i = 0 contributes nothing to that gradient and has ratio 0, so it is never chosen. The
 * Jacobian norms take one backward pass per coordinate through the feature extractor.
 */
public final class Soteria implements BatchDefense {
    private final double prune;

    /** @param prune the fraction of representation coordinates pruned, in [0, 1] */
    public Soteria(double prune) {
        if (!(prune >= 0 && prune <= 1)) {
            throw new IllegalArgumentException("soteria.prune must be in [0, 1], got " + prune);
        }
        this.prune = prune;
    }

    @Override
    public List<Tensor> gradient(Model model, List<Tensor> params, Tensor x, int[] labels, SplittableRandom rng) {
        List<Tensor> g = new ArrayList<>(Gradients.of(model, params, x, labels).gradient());
        int w = Classifier.weightIndex(model);
        boolean[] pruned = prunedFeatures(model, params, x);
        Tensor weight = g.get(w);
        double[] v = weight.toDoubleArray();
        int d = pruned.length;
        int classes = v.length / d;
        boolean classesFirst = Classifier.classesFirst(model);
        for (int i = 0; i < d; i++) {
            if (pruned[i]) {
                for (int c = 0; c < classes; c++) {
                    // coordinate i's weights: row i of [features, classes], column i of [classes, features]
                    v[classesFirst ? c * d + i : i * classes + c] = 0.0;
                }
            }
        }
        g.set(w, weight.backend().fromArray(v, weight.dtype(), weight.shape()));
        return g;
    }

    /** Which representation coordinates are pruned for the batch {@code x}. */
    boolean[] prunedFeatures(Model model, List<Tensor> params, Tensor x) {
        double[] ratio = ratios(model, params, x);
        int d = ratio.length;
        int count = (int) Math.floor(prune * d + 1e-9);
        Integer[] order = new Integer[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
        }
        // Largest ratio first; ties by index, so the choice does not depend on the sort.
        java.util.Arrays.sort(order, (a, b) -> ratio[a] != ratio[b] ? Double.compare(ratio[b], ratio[a]) : a - b);
        boolean[] pruned = new boolean[d];
        for (int k = 0; k < count; k++) {
            pruned[order[k]] = true;
        }
        return pruned;
    }

    /** Σ over the batch of |r_bi| / ‖∂r_bi/∂x_b‖ for every coordinate i (0 where the Jacobian row vanishes). */
    static double[] ratios(Model model, List<Tensor> params, Tensor x) {
        Var input = Var.leaf(x, "x");
        Var r = Classifier.representation(model, params, input);
        int n = r.shape()[0];
        int d = r.shape()[1];
        double[] rv = r.value().toDoubleArray();
        int per = x.size() / n;
        Backend be = x.backend();
        double[] ratio = new double[d];
        double[] seed = new double[n * d];
        for (int i = 0; i < d; i++) {
            for (int b = 0; b < n; b++) {
                seed[b * d + i] = 1;
            }
            Var s = Var.constant(be.fromArray(seed, r.value().dtype(), n, d));
            double[] gx =
                    Autodiff.grad(r, s, List.of(input), false).get(0).value().toDoubleArray();
            for (int b = 0; b < n; b++) {
                seed[b * d + i] = 0;
                double sq = 0;
                for (int j = b * per; j < (b + 1) * per; j++) {
                    sq += gx[j] * gx[j];
                }
                double norm = Math.sqrt(sq);
                ratio[i] += norm > 0 ? Math.abs(rv[b * d + i]) / norm : 0;
            }
        }
        return ratio;
    }

    @Override
    public Optional<DefenseKnowledge> knowledge(Model model) {
        return Optional.of(DefenseKnowledge.ignoring(
                Set.of(Classifier.weightIndex(model)),
                "leaves the classifier's weight gradient, which Soteria prunes, out of the matching"));
    }

    @Override
    public String name() {
        return "soteria-" + prune;
    }
}
