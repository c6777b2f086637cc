package org.leakbench.attack.audit;

/**
 * Exact tails of the binomial distribution Bin(n, p), summed term by term from the far end of the tail towards
 * the mode, in log space, so that a small tail keeps its digits; a tail that holds the mode is one minus the other
 * tail. log n! is exact summation below 256 and Stirling's series above (error below 1e-17 there).
 */
final class BinomialTail {
    private static final int TABLE = 256;
    private static final double[] LOG_FACTORIAL = new double[TABLE];

    static {
        for (int i = 1; i < TABLE; i++) {
            LOG_FACTORIAL[i] = LOG_FACTORIAL[i - 1] + Math.log(i);
        }
    }

    private BinomialTail() {}

    /** log P[X = k] for X ~ Bin(n, p). */
    static double logPmf(int k, int n, double p) {
        check(k, n, p);
        if (p == 0) {
            return k == 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return k == n ? 0 : Double.NEGATIVE_INFINITY;
        }
        return logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
    }

    /** P[X ≥ k]; 1 for k ≤ 0, 0 for k &gt; n. */
    static double atLeast(int k, int n, double p) {
        if (k <= 0) {
            return 1;
        }
        if (k > n) {
            return 0;
        }
        check(k, n, p);
        return k > mode(n, p) ? tail(k, n, p, +1) : Math.max(0, 1 - tail(k - 1, n, p, -1));
    }

    /** P[X ≤ k]; 0 for k &lt; 0, 1 for k ≥ n. */
    static double atMost(int k, int n, double p) {
        if (k < 0) {
            return 0;
        }
        if (k >= n) {
            return 1;
        }
        check(k, n, p);
        return k < mode(n, p) ? tail(k, n, p, -1) : Math.max(0, 1 - tail(k + 1, n, p, +1));
    }

    private static int mode(int n, double p) {
        return (int) Math.min(n, Math.floor((n + 1) * p));
    }

    /** Σ P[X = j] from j = k away from the mode ({@code dir} = +1 up to n, −1 down to 0), stopping once negligible. */
    private static double tail(int k, int n, double p, int dir) {
        double total = 0;
        for (int j = k; j >= 0 && j <= n; j += dir) {
            double term = Math.exp(logPmf(j, n, p));
            total += term;
            if (term <= total * 1e-18) {
                break; // terms only shrink away from the mode
            }
        }
        return Math.min(1.0, total);
    }

    /** log (n choose k). */
    static double logChoose(int n, int k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    static double logFactorial(int n) {
        if (n < TABLE) {
            return LOG_FACTORIAL[n];
        }
        double x = n;
        double inv = 1 / x;
        double inv2 = inv * inv;
        return x * Math.log(x)
                - x
                + 0.5 * Math.log(2 * Math.PI * x)
                + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
    }

    private static void check(int k, int n, double p) {
        if (n < 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("binomial: need 0 <= k <= n, got k=" + k + ", n=" + n);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("binomial: probability must be in [0, 1], got " + p);
        }
    }
}
