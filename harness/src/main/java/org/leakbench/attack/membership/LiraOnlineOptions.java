package org.leakbench.attack.membership;

/**
 * Settings of the online Likelihood Ratio Attack.
 *
 * @param shadowModels   S, shadow models trained on random halves of the candidate pool, even and in [4, 1024]:
 *                       each candidate is IN for S/2 of them and OUT for the rest, and a Gaussian needs at least
 *                       two values on each side
 * @param globalVariance one IN and one OUT variance pooled over all candidates instead of per-candidate ones;
 *                       Carlini et al. (2022, Section VI-B) recommend it below about 64 shadow models
 */
public record LiraOnlineOptions(int shadowModels, boolean globalVariance) {
    /** Upper bound on S: more is far beyond what the paper uses (256). */
    public static final int MAX_SHADOWS = 1024;

    public LiraOnlineOptions {
        if (shadowModels < 4 || shadowModels % 2 != 0 || shadowModels > MAX_SHADOWS) {
            throw new IllegalArgumentException("lira.shadows is " + shadowModels + ": online LiRA needs at least 2 IN "
                    + "and 2 OUT shadow models per example, so an even count in [4, " + MAX_SHADOWS + "]");
        }
    }

    /** S shadow models with the variance the paper recommends for that S (global below 64). */
    public static LiraOnlineOptions withShadowModels(int s) {
        return new LiraOnlineOptions(s, s < 64);
    }
}
