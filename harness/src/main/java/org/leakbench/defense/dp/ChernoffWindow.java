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

    /**
     * log Σ p_i e^{λ l_i}, anchored at the largest λ·l_i; the grid is uniform, so the factors e^{λ(l_i − l_max)}
     * are powers of e^{−|λ|h}, built by multiplication from the anchor (no exp per point). The i-th power carries
     * a relative rounding error of at most about (i + 1)·2^−53, so the sum is raised by a slack of 2n·2^−53 (the
     * bound only widens).
     */
    static double logMgf(DiscreteLoss d, double lambda) {
        int first = 0;
        int last = d.pmf.length - 1;
        while (first < last && !(d.pmf[first] > 0)) {
            first++;
        }
        while (last > first && !(d.pmf[last] > 0)) {
            last--;
        }
        double ratio = Math.exp(-Math.abs(lambda) * d.h);
        double slack = 2.0 * (last - first + 2) * 0x1p-53;
        double sum = 0;
        double factor = 1;
        if (lambda >= 0) {
            for (int i = last; i >= first; i--) {
                sum += d.pmf[i] * factor;
                factor *= ratio;
            }
            return lambda * d.loss(last) + Math.log1p(slack) + Math.log(sum);
        }
        for (int i = first; i <= last; i++) {
            sum += d.pmf[i] * factor;
            factor *= ratio;
        }
        return lambda * d.loss(first) + Math.log1p(slack) + Math.log(sum);
    }
}
