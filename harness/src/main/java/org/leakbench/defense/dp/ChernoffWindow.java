package org.leakbench.defense.dp;

/**
 * Where the sum of k independent copies of a discrete privacy loss lives, up to a given tail mass on each
 * side, from Chernoff bounds: P(S ≥ t) ≤ exp(k·K(λ) − λt) and P(S ≤ t) ≤ exp(k·K(−λ) + λt) for every λ &gt; 0,
 * K the log moment generating function. The best bound over a geometric grid of λ sets the FFT window, so
 * its size follows the spread of the composed loss (√k) rather than its support (k).
 */
final class ChernoffWindow {
    private static final double[] LAMBDAS = {
        1.0 / 64, 1.0 / 32, 1.0 / 16, 1.0 / 8, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512
    };

    private ChernoffWindow() {}

    /** {lower, upper} losses of the k-fold sum, each tail at most {@code tail} (of the finite part). */
    static double[] of(DiscreteLoss d, long k, double tail) {
        double logTail = Math.log(tail);
        double minLoss = d.loss(0);
        double maxLoss = d.loss(d.pmf.length - 1);
        double upper = k * maxLoss;
        double lower = k * minLoss;
        for (double lambda : LAMBDAS) {
            upper = Math.min(upper, (k * logMgf(d, lambda) - logTail) / lambda);
            lower = Math.max(lower, (logTail - k * logMgf(d, -lambda)) / lambda);
        }
        return new double[] {lower, Math.max(lower, upper)};
    }

    /** log Σ p_i e^{λ l_i}, in log space. */
    static double logMgf(DiscreteLoss d, double lambda) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d.pmf.length; i++) {
            if (d.pmf[i] > 0) {
                max = Math.max(max, lambda * d.loss(i));
            }
        }
        double sum = 0;
        for (int i = 0; i < d.pmf.length; i++) {
            if (d.pmf[i] > 0) {
                sum += d.pmf[i] * Math.exp(lambda * d.loss(i) - max);
            }
        }
        return max + Math.log(sum);
    }
}
