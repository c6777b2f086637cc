package org.leakbench.attack.audit;

import java.util.Arrays;
import java.util.Locale;

/**
 * ε̂ from many independent trials, each with the canary in or out (Jagielski, Ullman, Oprea 2020, "Auditing
 * Differentially Private Machine Learning: How Private is Private SGD?"; Nasr, Song, Thakurta, Papernot, Carlini
 * 2021, "Adversary Instantiation"): the test "score ≥ τ means in" has a true-positive rate TPR on the trials with
 * the canary and a false-positive rate FPR on those without, and (ε, δ)-DP forces both TPR ≤ e^ε·FPR + δ and
 * 1 − FPR ≤ e^ε·(1 − TPR) + δ. With the Clopper–Pearson lower bound on TPR and upper bound on FPR, each at level
 * α/2, ε̂ = max(ln((TPR⁻ − δ)/FPR⁺), ln((1 − δ − FPR⁺)/(1 − TPR⁻))) holds with confidence 1 − α.
 *
 * <p>Picking the best τ on the same trials that bound its rates would overstate ε̂, so τ is chosen on the first
 * half of each side's trials and bounded on the second half only.
 */
public final class ManyRunAudit {
    /**
     * Candidate thresholds tried on the selection half: evenly spaced ranks of its pooled scores, and every one of
     * the highest and lowest scores, where the best test of a large ε sits.
     */
    private static final int CANDIDATES = 256;

    private ManyRunAudit() {}

    /**
     * ε̂ at confidence {@code confidence} and δ from the scores of trials with the canary ({@code in}) and without
     * ({@code out}), higher meaning "in"; each side needs at least 2 trials.
     */
    public static EpsilonLowerBound estimate(double[] in, double[] out, double confidence, double delta) {
        check(in, out, confidence, delta);
        double alpha = 1 - confidence;
        int hin = in.length / 2;
        int hout = out.length / 2;
        double[] selIn = sorted(Arrays.copyOfRange(in, 0, hin));
        double[] selOut = sorted(Arrays.copyOfRange(out, 0, hout));
        double[] evalIn = sorted(Arrays.copyOfRange(in, hin, in.length));
        double[] evalOut = sorted(Arrays.copyOfRange(out, hout, out.length));
        double bestTau = Double.POSITIVE_INFINITY;
        double best = -1;
        for (double tau : candidates(selIn, selOut)) {
            double e = bound(
                    countAtLeast(selIn, tau), selIn.length, countAtLeast(selOut, tau), selOut.length, alpha, delta);
            if (e > best) {
                best = e;
                bestTau = tau;
            }
        }
        int tp = countAtLeast(evalIn, bestTau);
        int fp = countAtLeast(evalOut, bestTau);
        double eps = bound(tp, evalIn.length, fp, evalOut.length, alpha, delta);
        String detail = String.format(
                Locale.ROOT,
                "many-run: threshold %.4g chosen on %d+%d trials; on %d+%d others TPR >= %.4f, FPR <= %.4f",
                bestTau,
                selIn.length,
                selOut.length,
                evalIn.length,
                evalOut.length,
                ClopperPearson.lower(tp, evalIn.length, alpha / 2),
                ClopperPearson.upper(fp, evalOut.length, alpha / 2));
        return new EpsilonLowerBound(eps, confidence, delta, in.length + out.length, detail);
    }

    /**
     * The bound from one threshold's counts: {@code tp} of {@code nIn} trials with the canary and {@code fp} of
     * {@code nOut} without said "in"; 0 when neither inequality gives a positive ε.
     */
    public static double bound(int tp, int nIn, int fp, int nOut, double alpha, double delta) {
        double tpr = ClopperPearson.lower(tp, nIn, alpha / 2);
        double fpr = ClopperPearson.upper(fp, nOut, alpha / 2);
        double eps = 0;
        if (tpr > delta && fpr > 0) {
            eps = Math.max(eps, Math.log((tpr - delta) / fpr));
        }
        if (1 - delta - fpr > 0 && tpr < 1) {
            eps = Math.max(eps, Math.log((1 - delta - fpr) / (1 - tpr)));
        }
        return eps;
    }

    private static double[] candidates(double[] a, double[] b) {
        double[] pooled = new double[a.length + b.length];
        System.arraycopy(a, 0, pooled, 0, a.length);
        System.arraycopy(b, 0, pooled, a.length, b.length);
        Arrays.sort(pooled);
        if (pooled.length <= 3 * CANDIDATES) {
            return pooled;
        }
        double[] out = new double[3 * CANDIDATES];
        for (int i = 0; i < CANDIDATES; i++) {
            out[i] = pooled[(int) ((long) i * pooled.length / CANDIDATES)];
            out[CANDIDATES + i] = pooled[i];
            out[2 * CANDIDATES + i] = pooled[pooled.length - 1 - i];
        }
        return out;
    }

    /** How many of the sorted {@code values} are ≥ {@code tau}. */
    static int countAtLeast(double[] values, double tau) {
        int lo = 0;
        int hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] < tau) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return values.length - lo;
    }

    private static double[] sorted(double[] v) {
        Arrays.sort(v);
        return v;
    }

    private static void check(double[] in, double[] out, double confidence, double delta) {
        if (in.length < 2 || out.length < 2) {
            throw new IllegalArgumentException("many-run audit: need at least 2 trials with and 2 without the canary, "
                    + "got " + in.length + " and " + out.length);
        }
        AuditChecks.confidence(confidence);
        AuditChecks.delta(delta);
        for (double[] side : new double[][] {in, out}) {
            for (double s : side) {
                if (Double.isNaN(s)) {
                    throw new IllegalArgumentException("many-run audit: a canary score is NaN");
                }
            }
        }
    }
}
