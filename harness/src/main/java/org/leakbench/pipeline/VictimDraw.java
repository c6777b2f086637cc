package org.leakbench.pipeline;

import java.util.SplittableRandom;
import org.leakbench.data.Dataset;

/**
 * Which test samples form each victim's batch. With {@code victims: 1} the single victim is the batch starting at
 * {@code image}, as attack papers report results on fixed test images (and as older sweeps ask). With
 * {@code victims: N > 1} the victims are N disjoint batches of consecutive entries of one permutation of the
 * test split, drawn from the point's seed alone: the same seed attacks the same victims under every attack and
 * defense (so differences between defenses can be paired by victim), victim v is the same whatever N is, and
 * another seed draws other victims. Breaching (Geiping et al.) and GradAttack (Huang et al., NeurIPS 2021)
 * likewise average each setting over many test images rather than one.
 */
final class VictimDraw {
    /** Mixed into the seed so the draw is independent of the model's initialisation stream. */
    private static final long STREAM = 0x76696374696d73L;

    private VictimDraw() {}

    /** The cache key of victim {@code v}'s case: drawn victims and the fixed-image victim are different batches. */
    static String key(int victims, int v) {
        return victims == 1 ? "case:image" : "case:drawn:" + v;
    }

    /**
     * The test indices of victim {@code v} (0-based) of a point with {@code victims} victims of {@code batch}
     * samples each.
     *
     * @throws IllegalArgumentException when the batches do not fit in the test split, or when {@code image} is set
     *                                  together with several victims
     */
    static int[] indices(Dataset test, int batch, int image, int victims, int v, long seed) {
        if (v < 0 || v >= victims) {
            throw new IllegalArgumentException("victim " + v + " is outside 0.." + (victims - 1));
        }
        if (victims == 1) {
            if (image + batch > test.size()) {
                throw new IllegalArgumentException("image " + image + " with batch " + batch + " runs past the "
                        + test.size() + " test samples of " + test.name());
            }
            return consecutive(image, batch);
        }
        if (image != 0) {
            throw new IllegalArgumentException("image " + image + " picks one victim, but victims is " + victims
                    + " (drawn from the test split); set victims: 1 or leave image out");
        }
        if ((long) victims * batch > test.size()) {
            throw new IllegalArgumentException("victims " + victims + " of batch " + batch + " need "
                    + (long) victims * batch + " distinct test samples; " + test.name() + " has " + test.size());
        }
        int[] perm = permutation(test.size(), seed);
        int[] idx = new int[batch];
        System.arraycopy(perm, v * batch, idx, 0, batch);
        return idx;
    }

    /** A Fisher–Yates permutation of 0..n-1 from {@code seed}'s victim stream. */
    static int[] permutation(int n, long seed) {
        int[] perm = consecutive(0, n);
        SplittableRandom rng = new SplittableRandom(seed ^ STREAM);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }

    private static int[] consecutive(int start, int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = start + i;
        }
        return r;
    }
}
