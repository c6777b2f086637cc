package org.leakbench.attack.membership;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.tensor.Tensor;

/**
 * The offline Likelihood Ratio Attack (LiRA) of Carlini et al., "Membership Inference Attacks From First
 * Principles" (IEEE S&amp;P 2022), Algorithm 1 without the IN models.
 *
 * <p>The attacker trains {@link LiraOptions#shadowModels() S} shadow models with the target's architecture and
 * recipe, each on a fresh random subset of its own population as large as the target's training set (half the
 * population when the attacker does not know that size). The population excludes every candidate, so all
 * shadow models are OUT models for every candidate. For candidate (x, y) it fits a Gaussian N(μ, σ²) to the
 * shadow models' logit-scaled confidences φ = log(p_y / (1 − p_y)) and compares the target's φ with it by a
 * one-sided test: a member's φ lies above the OUT distribution. The score is z = (φ_target − μ) / σ; the
 * paper's statistic 1 − Pr[Z &gt; φ_target] = Φ(z) is a monotone function of z, so both give the same ROC, and
 * z does not saturate at 1 for strong members (which matters for TPR at very low FPR). σ is per candidate, or
 * pooled over all candidates when {@link LiraOptions#globalVariance()} (always when S = 1). No query
 * augmentation (the paper's mirrored/shifted queries) is used.
 */
public final class LiraOfflineAttack extends TargetScoringAttack {
    /** Floor on σ, so that a candidate whose shadow confidences coincide does not divide by zero. */
    private static final double MIN_STD = 1e-6;

    private final LiraOptions options;

    public LiraOfflineAttack(LiraOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("lira: options must be given");
        }
        this.options = options;
    }

    public LiraOptions options() {
        return options;
    }

    @Override
    public String name() {
        return "lira-offline";
    }

    @Override
    double[] scoreChecked(MembershipTarget target, float[][] samples, int[] labels, SplittableRandom rng) {
        MembershipTarget.AttackerKnowledge k = target.requireKnowledge(name());
        int s = options.shadowModels();
        int n = samples.length;
        double[][] phi = new double[s][];
        int[] all = new int[k.population().length];
        Arrays.setAll(all, i -> i);
        for (int m = 0; m < s; m++) {
            SplittableRandom shadowRng = rng.split();
            int[] half = randomSubset(all, k.trainingSetSize(), shadowRng);
            List<Tensor> shadow = k.recipe()
                    .train(
                            target.model(),
                            target.backend(),
                            target.dtype(),
                            k.population(),
                            k.populationLabels(),
                            half,
                            shadowRng);
            phi[m] = ModelOutputs.scaledConfidences(target.model(), shadow, target.dtype(), samples, labels);
        }
        double[] observed =
                ModelOutputs.scaledConfidences(target.model(), target.parameters(), target.dtype(), samples, labels);
        double[] mean = new double[n];
        double[] var = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int m = 0; m < s; m++) {
                sum += phi[m][i];
            }
            mean[i] = sum / s;
            double sq = 0;
            for (int m = 0; m < s; m++) {
                double d = phi[m][i] - mean[i];
                sq += d * d;
            }
            var[i] = s > 1 ? sq / (s - 1) : 0;
        }
        boolean global = options.globalVariance() || s == 1;
        double pooled = global ? pooledVariance(var, phi, s) : 0;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double std = Math.max(MIN_STD, Math.sqrt(global ? pooled : var[i]));
            double z = (observed[i] - mean[i]) / std;
            out[i] = Double.isNaN(z) ? -Double.MAX_VALUE : Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, z));
        }
        return out;
    }

    /**
     * The within-candidate variance averaged over candidates; with one shadow model there is no within
     * variance, so fall back to the spread of φ across candidates.
     */
    private static double pooledVariance(double[] var, double[][] phi, int s) {
        if (s > 1) {
            return Arrays.stream(var).average().orElse(0);
        }
        double mu = Arrays.stream(phi[0]).average().orElse(0);
        return Arrays.stream(phi[0]).map(v -> (v - mu) * (v - mu)).average().orElse(0);
    }

    private static int[] randomSubset(int[] all, int size, SplittableRandom rng) {
        int[] a = all.clone();
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return Arrays.copyOf(a, size);
    }
}
