package org.leakbench.attack.membership;

/**
 * Settings of RMIA (Zarifzadeh, Liu, Mahmood, Shokri, ICML 2024).
 *
 * @param gamma      γ &gt; 0: x dominates a population sample z when Pr(x|θ)/Pr(x) ≥ γ · Pr(z|θ)/Pr(z); the
 *                   paper uses γ = 1 for its main results and γ of 1–2 in its ablation
 * @param references reference models, even and in [2, 1024]: complementary pairs trained on halves of the
 *                   candidate pool, so each candidate is IN for half of them (offline: only its OUT half is used)
 * @param population population samples z compared with each candidate, in [1, 10^6]; drawn from the attacker's
 *                   population, which never holds a candidate
 * @param offline    use for each candidate only the reference models it was OUT of, with the scaling of
 *                   {@code a} (the paper's offline variant, Section 4.2)
 * @param a          the offline scaling: Pr(x) ≈ ½((1 + a)·Pr_OUT(x) + (1 − a)), in [0, 1]; ignored online
 */
public record RmiaOptions(double gamma, int references, int population, boolean offline, double a) {
    public RmiaOptions {
        if (!(gamma > 0 && gamma < 1e6)) {
            throw new IllegalArgumentException("rmia.gamma must be in (0, 1e6), got " + gamma);
        }
        if (references < 2 || references % 2 != 0 || references > LiraOnlineOptions.MAX_SHADOWS) {
            throw new IllegalArgumentException("rmia.references is " + references + ": reference models are trained "
                    + "in complementary pairs, so an even count in [2, " + LiraOnlineOptions.MAX_SHADOWS + "]");
        }
        if (population < 1 || population > 1_000_000) {
            throw new IllegalArgumentException("rmia.population must be in [1, 1000000], got " + population);
        }
        if (!(a >= 0 && a <= 1)) {
            throw new IllegalArgumentException("rmia.a must be in [0, 1], got " + a);
        }
    }
}
