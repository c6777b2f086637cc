package org.leakbench.defense.client;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.leakbench.model.Model;
import org.leakbench.tensor.Tensor;

/**
 * MixUp as a defense (Zhang, Cisse, Dauphin, Lopez-Paz, mixup: Beyond Empirical Risk Minimization, ICLR 2018; as a
 * gradient-leakage defense in Huang, Gupta, Song, Li, Arora, Evaluating Gradient Inversion Attacks and Defenses in
 * Federated Learning, NeurIPS 2021): the client trains on mixed pairs of its batch, x̃_i = λ_i·x_i + (1 − λ_i)·x_π(i)
 * with soft labels mixed alike, λ_i ~ Beta(α, α) and π a random permutation of the batch. A gradient inversion then
 * recovers the mixtures. The partners come from the client's own batch, so at batch 1 each image is mixed with
 * itself and MixUp changes nothing.
 *
 * <p>No adaptive attack is claimed: the partners and weights are the client's fresh randomness, and undoing the
 * mixture would need the demixing across many updates that Carlini et al. (2021) do for InstaHide, not implemented
 * here.
 */
public final class MixUp implements BatchDefense {
    private final double alpha;

    /** @param alpha the Beta(α, α) concentration of the mixing weight, > 0 */
    public MixUp(double alpha) {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("mixup.alpha must be finite and > 0, got " + alpha);
        }
        this.alpha = alpha;
    }

    @Override
    public List<Tensor> gradient(Model model, List<Tensor> params, Tensor x, int[] labels, SplittableRandom rng) {
        int n = labels.length;
        int classes = model.spec().numClasses();
        int per = x.size() / n;
        double[] in = x.toDoubleArray();
        double[] mixed = new double[in.length];
        double[] targets = new double[n * classes];
        int[] partner = permutation(n, rng);
        for (int i = 0; i < n; i++) {
            double lambda = Mixing.beta(alpha, rng);
            int j = partner[i];
            for (int t = 0; t < per; t++) {
                mixed[i * per + t] = lambda * in[i * per + t] + (1 - lambda) * in[j * per + t];
            }
            targets[i * classes + labels[i]] += lambda;
            targets[i * classes + labels[j]] += 1 - lambda;
        }
        return BatchLoss.softGradient(
                model,
                params,
                x.backend().fromArray(mixed, x.dtype(), x.shape()),
                x.backend().fromArray(targets, x.dtype(), n, classes));
    }

    static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Override
    public Optional<DefenseKnowledge> knowledge(Model model) {
        return Optional.empty();
    }

    @Override
    public String name() {
        return "mixup-" + alpha;
    }
}
