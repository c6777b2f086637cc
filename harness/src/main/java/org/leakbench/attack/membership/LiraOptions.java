package org.leakbench.attack.membership;

/**
 * Settings of the offline Likelihood Ratio Attack.
 *
 * @param shadowModels   S, the number of shadow models, in [1, 1024]. Carlini et al. use 64–256 on CIFAR-10;
 *                       a few (8–16) already separate members on small tabular sets, at S times the cost of
 *                       training the target.
 * @param globalVariance estimate one variance pooled over all candidates instead of one per candidate. The
 *                       paper (Section VI-B) finds this better when S is small (below about 64), because a
 *                       per-sample variance from a handful of shadow models is noisy; with S = 1 it is the only
 *                       choice, and it is forced then.
 */
public record LiraOptions(int shadowModels, boolean globalVariance) {
    public LiraOptions {
        if (shadowModels < 1 || shadowModels > 1024) {
            throw new IllegalArgumentException("lira.shadowModels must be in [1, 1024], got " + shadowModels);
        }
    }

    /** S shadow models with the variance choice the paper recommends for that S (global below 64). */
    public static LiraOptions withShadowModels(int s) {
        return new LiraOptions(s, s < 64);
    }
}
