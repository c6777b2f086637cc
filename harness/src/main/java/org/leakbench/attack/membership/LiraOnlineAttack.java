package org.leakbench.attack.membership;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The online Likelihood Ratio Attack (LiRA) of Carlini et al., "Membership Inference Attacks From First
 * Principles" (IEEE S&amp;P 2022), Algorithm 1.
 *
 * <p>S shadow models are trained with the target's recipe on random halves of the candidate pool
 * ({@link ShadowPool}), so each candidate (x, y) is IN for S/2 of them and OUT for the other S/2. For each
 * candidate the attack fits two Gaussians to the shadow models' logit-scaled confidences
 * φ = log(p_y / (1 − p_y)): N(μ_in, σ_in²) over the IN models and N(μ_out, σ_out²) over the OUT models. The
 * score is the log-likelihood ratio of the target's φ under the two, log N(φ; μ_in, σ_in²) −
 * log N(φ; μ_out, σ_out²). With few shadow models the per-example variances are noisy; the fixed-variance
 * variant ({@link LiraOnlineOptions#globalVariance()}) uses one σ_in² and one σ_out², the per-example variances
 * averaged over all candidates. No query augmentation is used.
 */
public final class LiraOnlineAttack extends TargetScoringAttack {
    /** Floor on σ, so that a candidate whose shadow confidences coincide does not divide by zero. */
    private static final double MIN_STD = 1e-6;

    private final LiraOnlineOptions options;

    public LiraOnlineAttack(LiraOnlineOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("lira-online: options must be given");
        }
        this.options = options;
    }

    public LiraOnlineOptions options() {
        return options;
    }

    @Override
    public String name() {
        return "lira-online";
    }

    @Override
    double[] scoreChecked(MembershipTarget target, float[][] samples, int[] labels, SplittableRandom rng) {
        MembershipTarget.AttackerKnowledge k = target.requireKnowledge(name());
        ShadowPool.Pool pool = ShadowPool.pool(samples, labels, k);
        List<ShadowPool.Shadow> shadows = k.shadowsOr(rng).models(target, k, pool, options.shadowModels());
        int n = samples.length;
        int s = shadows.size();
        double[][] phi = new double[s][];
        for (int m = 0; m < s; m++) {
            phi[m] = ModelOutputs.scaledConfidences(
                    target.model(), shadows.get(m).parameters(), target.dtype(), samples, labels);
        }
        double[][] in = new double[2][n];
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            moments(phi, shadows, i, true, in, i);
            moments(phi, shadows, i, false, out, i);
        }
        if (options.globalVariance()) {
            pool(in[1]);
            pool(out[1]);
        }
        double[] observed =
                ModelOutputs.scaledConfidences(target.model(), target.parameters(), target.dtype(), samples, labels);
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            double lr = logNormal(observed[i], in[0][i], in[1][i]) - logNormal(observed[i], out[0][i], out[1][i]);
            score[i] =
                    Double.isNaN(lr) ? -Double.MAX_VALUE : Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, lr));
        }
        return score;
    }

    /** Mean and (unbiased) variance of candidate i's φ over the models where it is IN (or OUT). */
    private static void moments(
            double[][] phi, List<ShadowPool.Shadow> shadows, int i, boolean member, double[][] into, int at) {
        double sum = 0;
        int c = 0;
        for (int m = 0; m < phi.length; m++) {
            if (shadows.get(m).in()[i] == member) {
                sum += phi[m][i];
                c++;
            }
        }
        double mean = sum / c;
        double sq = 0;
        for (int m = 0; m < phi.length; m++) {
            if (shadows.get(m).in()[i] == member) {
                sq += (phi[m][i] - mean) * (phi[m][i] - mean);
            }
        }
        into[0][at] = mean;
        into[1][at] = sq / (c - 1);
    }

    private static void pool(double[] var) {
        double mean = java.util.Arrays.stream(var).average().orElse(0);
        java.util.Arrays.fill(var, mean);
    }

    private static double logNormal(double x, double mean, double var) {
        double std = Math.max(MIN_STD, Math.sqrt(var));
        double z = (x - mean) / std;
        return -0.5 * z * z - Math.log(std);
    }
}
