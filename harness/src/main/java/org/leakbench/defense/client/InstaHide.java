package org.leakbench.defense.client;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.leakbench.model.Model;
import org.leakbench.tensor.Tensor;

/**
 * InstaHide (Huang, Song, Li, Arora, InstaHide: Instance-hiding Schemes for Private Distributed Learning, ICML
 * 2020), inside-dataset version: the client trains on encodings, each of its images mixed with k − 1 others of
 * its batch by flat-Dirichlet weights (labels mixed alike) and then multiplied pixel by pixel by a fresh random
 * sign. Here images keep their [0, 1] range (InstaHide normalises to [−1, 1] first), so every mixture is
 * non-negative. The partners come from the client's batch (another image while there is one, so at batch 1 only the
 * signs hide the image).
 *
 * <p>Adaptive attack, after Carlini, Deng, Garg, Jha, Mahloujifar, Mahmoody, Song, Thakurta, Tramèr, Is Private
 * Learning Possible with Instance Encoding?, IEEE S&amp;P 2021: the attacker recovers the encoding by gradient
 * inversion in the box [−1, 1] (the encodings are signed) and takes its absolute value, which removes the sign
 * flips exactly. What Carlini et al. do next, clustering the encodings that share an image across many updates and
 * solving for the originals and their weights, is not implemented: at batch &gt; 1 the attack returns each mixture's
 * absolute value, which still blends k images.
 */
public final class InstaHide implements BatchDefense {
    private final int k;

    /** @param k images per encoding, at least 1 */
    public InstaHide(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("instahide.k must be >= 1, got " + k);
        }
        this.k = k;
    }

    @Override
    public List<Tensor> gradient(Model model, List<Tensor> params, Tensor x, int[] labels, SplittableRandom rng) {
        int n = labels.length;
        int classes = model.spec().numClasses();
        int per = x.size() / n;
        double[] in = x.toDoubleArray();
        double[] encoded = new double[in.length];
        double[] targets = new double[n * classes];
        for (int i = 0; i < n; i++) {
            double[] w = Mixing.dirichlet(k, 1, rng);
            int[] others = others(n, i, rng);
            for (int j = 0; j < k; j++) {
                // the image itself first, then the others of the batch in random order, cycling when it is small
                int src = j == 0 || others.length == 0 ? i : others[(j - 1) % others.length];
                for (int t = 0; t < per; t++) {
                    encoded[i * per + t] += w[j] * in[src * per + t];
                }
                targets[i * classes + labels[src]] += w[j];
            }
            for (int t = 0; t < per; t++) {
                if (rng.nextBoolean()) {
                    encoded[i * per + t] = -encoded[i * per + t];
                }
            }
        }
        return BatchLoss.softGradient(
                model,
                params,
                x.backend().fromArray(encoded, x.dtype(), x.shape()),
                x.backend().fromArray(targets, x.dtype(), n, classes));
    }

    /** The batch indices other than {@code i}, shuffled. */
    private static int[] others(int n, int i, SplittableRandom rng) {
        int[] p = MixUp.permutation(n, rng);
        int[] out = new int[n - 1];
        int m = 0;
        for (int v : p) {
            if (v != i) {
                out[m++] = v;
            }
        }
        return out;
    }

    @Override
    public Optional<DefenseKnowledge> knowledge(Model model) {
        UnaryOperator<float[][]> abs = images -> {
            float[][] out = new float[images.length][];
            for (int b = 0; b < images.length; b++) {
                out[b] = new float[images[b].length];
                for (int t = 0; t < out[b].length; t++) {
                    out[b][t] = Math.abs(images[b][t]);
                }
            }
            return out;
        };
        return Optional.of(new DefenseKnowledge(
                Set.of(),
                UnaryOperator.identity(),
                -1,
                abs,
                "recovers the signed encodings in [-1, 1] and takes their absolute value (Carlini et al. 2021)"));
    }

    @Override
    public String name() {
        return "instahide-" + k;
    }
}
