package org.leakbench.attack.audit;

/**
 * Exact one-sided Clopper–Pearson bounds on a binomial proportion (Clopper, Pearson, Biometrika 1934): after k
 * successes in n trials, the lower bound at level a is the p with P[Bin(n, p) ≥ k] = a, the upper bound the p with
 * P[Bin(n, p) ≤ k] = a. Each holds with probability at least 1 − a; the pair at a = α/2 is the two-sided interval
 * of confidence 1 − α that privacy audits use (Jagielski, Ullman, Oprea 2020; Nasr et al. 2021). Solved by
 * bisection on the exact binomial tails ({@link BinomialTail}) rather than through the beta quantile.
 */
public final class ClopperPearson {
    private static final int ITERATIONS = 100;

    private ClopperPearson() {}

    /** The lower bound on p after {@code k} successes of {@code n}, at level {@code a} (0 when k = 0). */
    public static double lower(int k, int n, double a) {
        check(k, n, a);
        if (k == 0) {
            return 0;
        }
        // P[X ≥ k] grows with p: find where it crosses a.
        double lo = 0;
        double hi = (double) k / n;
        for (int i = 0; i < ITERATIONS && hi - lo > 1e-16; i++) {
            double mid = 0.5 * (lo + hi);
            if (BinomialTail.atLeast(k, n, mid) < a) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The upper bound on p after {@code k} successes of {@code n}, at level {@code a} (1 when k = n). */
    public static double upper(int k, int n, double a) {
        check(k, n, a);
        if (k == n) {
            return 1;
        }
        // P[X ≤ k] falls with p: find where it crosses a.
        double lo = (double) k / n;
        double hi = 1;
        for (int i = 0; i < ITERATIONS && hi - lo > 1e-16; i++) {
            double mid = 0.5 * (lo + hi);
            if (BinomialTail.atMost(k, n, mid) > a) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    private static void check(int k, int n, double a) {
        if (n < 1 || k < 0 || k > n) {
            throw new IllegalArgumentException(
                    "Clopper-Pearson: need 0 <= successes <= trials and trials >= 1, got " + k + " of " + n);
        }
        if (!(a > 0 && a < 1)) {
            throw new IllegalArgumentException("Clopper-Pearson: level must be in (0, 1), got " + a);
        }
    }
}
