package org.leakbench.defense.client;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.tensor.Tensor;

/**
 * Augmentation as a defense (ATS, Gao et al., CVPR 2021): the client trains on its images after a fixed
 * transformation policy, so a gradient inversion recovers the transformed images, not the originals. An attacker
 * who knows the policy inverts through it (Balunović et al., Bayesian Framework for Gradient Leakage, ICLR 2022,
 * Sec. 6): it optimises the original image x with the model reading policy(x) ({@link #knowledge}), which
 * recovers x wherever the policy keeps the information (everything but what shifts and rotations push out of the
 * frame).
 */
public final class Augmentation implements BatchDefense {
    private final AugmentationPolicy policy;

    public Augmentation(AugmentationPolicy policy) {
        this.policy = policy;
    }

    /** The batch x [n, c, h, w] after the policy. */
    public Tensor transform(Tensor x) {
        int[] s = x.shape();
        if (s.length != 4) {
            throw new IllegalArgumentException(
                    "ats: needs image batches [n, channels, height, width], got shape " + java.util.Arrays.toString(s));
        }
        PixelMap m = policy.map(s[2], s[3]);
        double[] in = x.toDoubleArray();
        double[] out = new double[in.length];
        for (int from = 0; from < in.length; from += s[2] * s[3]) {
            m.apply(in, out, from);
        }
        return x.backend().fromArray(out, x.dtype(), s);
    }

    @Override
    public List<Tensor> gradient(Model model, List<Tensor> params, Tensor x, int[] labels, SplittableRandom rng) {
        return Gradients.of(model, params, transform(x), labels).gradient();
    }

    @Override
    public Optional<DefenseKnowledge> knowledge(Model model) {
        int[] in = model.spec().inputShape();
        if (in.length != 3) {
            return Optional.empty();
        }
        PixelMap m = policy.map(in[1], in[2]);
        return Optional.of(
                DefenseKnowledge.mapping(m::apply, "optimises the original batch through the known policy " + policy));
    }

    @Override
    public String name() {
        return "ats-" + policy;
    }
}
