package org.leakbench.attack.membership;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * RMIA, the relative membership inference attack of Zarifzadeh, Liu, Mahmood and Shokri, "Low-Cost High-Power
 * Membership Inference Attacks" (ICML 2024).
 *
 * <p>For a candidate x the attack compares how much more likely the target makes x than a typical model does,
 * Pr(x|θ)/Pr(x), with the same ratio for population samples z known to be non-members. Pr(·|θ) is the target's
 * softmax probability of the true label; Pr(x) is its mean over the reference models ({@link ShadowPool}). The
 * pairwise likelihood ratio is LR(x, z) = (Pr(x|θ)/Pr(x)) / (Pr(z|θ)/Pr(z)), and the score is the fraction of
 * the z with LR(x, z) ≥ γ. Online, each candidate is IN for half of the references and Pr(x) averages all of
 * them. Offline ({@link RmiaOptions#offline()}) only the references a point was OUT of are averaged, and since
 * Pr_OUT(x) underestimates Pr(x) for members the paper approximates Pr(x) = ½((1 + a)·Pr_OUT(x) + (1 − a)); the
 * same approximation is applied to every z. Scores take values k/|Z|, so ties are common with few z.
 */
public final class RmiaAttack extends TargetScoringAttack {
    private final RmiaOptions options;

    public RmiaAttack(RmiaOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("rmia: options must be given");
        }
        this.options = options;
    }

    public RmiaOptions options() {
        return options;
    }

    @Override
    public String name() {
        return options.offline() ? "rmia-offline" : "rmia";
    }

    @Override
    double[] scoreChecked(MembershipTarget target, float[][] samples, int[] labels, SplittableRandom rng) {
        MembershipTarget.AttackerKnowledge k = target.requireKnowledge(name());
        ShadowPool.Pool pool = ShadowPool.pool(samples, labels, k);
        List<ShadowPool.Shadow> refs = k.shadowsOr(rng.split()).models(target, k, pool, options.references());
        int available = k.population().length;
        if (options.population() > available) {
            throw new IllegalArgumentException("rmia.population is " + options.population()
                    + " but the attacker's population has only " + available + " rows");
        }
        int[] zRows = sample(available, options.population(), rng.split());
        float[][] zx = MembershipExperiment.rows(k.population(), zRows);
        int[] zy = new int[zRows.length];
        for (int i = 0; i < zRows.length; i++) {
            zy[i] = k.populationLabels()[zRows[i]];
        }
        // z rows that are also pool rows (appended population rows) were IN for some references.
        int[] zPoolRow = new int[zRows.length];
        for (int i = 0; i < zRows.length; i++) {
            int r = pool.candidates() + zRows[i];
            zPoolRow[i] = r < pool.samples().length ? r : -1;
        }
        double[] ratioX = ratios(target, refs, samples, labels, i -> i);
        double[] ratioZ = ratios(target, refs, zx, zy, i -> zPoolRow[i]);
        double[] sortedZ = ratioZ.clone();
        Arrays.sort(sortedZ);
        double[] score = new double[samples.length];
        for (int i = 0; i < samples.length; i++) {
            // LR(x, z) ≥ γ  ⇔  ratio(z) ≤ ratio(x) / γ
            double bound = ratioX[i] / options.gamma();
            score[i] = countAtMost(sortedZ, bound) / (double) sortedZ.length;
        }
        return score;
    }

    /** Pr(·|θ)/Pr(·) of each row; {@code poolRow} maps a row to its pool row, or −1 when no reference saw it. */
    private double[] ratios(
            MembershipTarget target,
            List<ShadowPool.Shadow> refs,
            float[][] x,
            int[] y,
            java.util.function.IntUnaryOperator poolRow) {
        double[] target0 = probabilities(target, target.parameters(), x, y);
        double[][] ref = new double[refs.size()][];
        for (int m = 0; m < refs.size(); m++) {
            ref[m] = probabilities(target, refs.get(m).parameters(), x, y);
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int row = poolRow.applyAsInt(i);
            double sum = 0;
            int c = 0;
            for (int m = 0; m < refs.size(); m++) {
                if (!options.offline() || row < 0 || !refs.get(m).in()[row]) {
                    sum += ref[m][i];
                    c++;
                }
            }
            double prior = sum / c;
            if (options.offline()) {
                prior = 0.5 * ((1 + options.a()) * prior + (1 - options.a()));
            }
            // A prior that underflowed to 0 would make the ratio infinite; the smallest normal double bounds it.
            out[i] = target0[i] / Math.max(prior, Double.MIN_NORMAL);
        }
        return out;
    }

    /** Softmax probability of the true label, p = σ(φ). */
    private static double[] probabilities(
            MembershipTarget target, List<org.leakbench.tensor.Tensor> params, float[][] x, int[] y) {
        double[] phi = ModelOutputs.scaledConfidences(target.model(), params, target.dtype(), x, y);
        double[] p = new double[phi.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = 1 / (1 + Math.exp(-phi[i]));
        }
        return p;
    }

    private static int countAtMost(double[] sorted, double bound) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= bound) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int[] sample(int n, int k, SplittableRandom rng) {
        int[] a = new int[n];
        Arrays.setAll(a, i -> i);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return Arrays.copyOf(a, k);
    }
}
