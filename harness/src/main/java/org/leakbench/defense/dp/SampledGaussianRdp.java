package org.leakbench.defense.dp;

/**
 * Rényi DP of one step of the Poisson-subsampled Gaussian mechanism with sampling rate q and noise multiplier
 * σ (noise standard deviation over sensitivity), following Mironov, Talwar, Zhang 2019, "Rényi Differential
 * Privacy of the Sampled Gaussian Mechanism", Section 3.3. The RDP at order α is log(A_α)/(α − 1), where
 * A_α = E_{z∼μ0}[((1 − q) + q μ1(z)/μ0(z))^α].
 *
 * <p>For integer α, A_α is a finite binomial sum; for fractional α, a two-sided infinite series whose terms
 * carry erfc factors. Both are summed in log space so that neither large α nor small σ overflows.
 */
final class SampledGaussianRdp {
    private static final double LOG_HALF = Math.log(0.5);
    /** Stop the fractional series once new terms are below e^{−40} of the running sum (relative 4e-18). */
    private static final double SERIES_CUTOFF = 40.0;

    private static final int MAX_TERMS = 1_000_000;

    private SampledGaussianRdp() {}

    /** RDP of one step at order {@code alpha}; inputs are assumed validated. */
    static double rdp(double q, double sigma, double alpha) {
        if (sigma == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (q == 1.0) {
            // No subsampling: the plain Gaussian mechanism, α / (2σ²) (Mironov 2017, Proposition 7).
            return alpha / (2 * sigma * sigma);
        }
        double logA = alpha == Math.rint(alpha) && alpha < Integer.MAX_VALUE
                ? logAIntegerOrder(q, sigma, (int) alpha)
                : logAFractionalOrder(q, sigma, alpha);
        return logA / (alpha - 1);
    }

    /** log A_α = log Σ_{i=0}^{α} C(α, i) (1 − q)^{α−i} q^i exp((i² − i)/(2σ²)). */
    static double logAIntegerOrder(double q, double sigma, int alpha) {
        double logQ = Math.log(q);
        double log1mQ = Math.log1p(-q);
        double twoSigma2 = 2 * sigma * sigma;
        double logA = Double.NEGATIVE_INFINITY;
        double logBinom = 0.0; // log C(α, 0)
        for (int i = 0; i <= alpha; i++) {
            if (i > 0) {
                logBinom += Math.log(alpha - i + 1) - Math.log(i);
            }
            double term = logBinom + i * logQ + (alpha - i) * log1mQ + ((double) i * i - i) / twoSigma2;
            logA = LogMath.logAdd(logA, term);
        }
        return logA;
    }

    /**
     * log A_α for fractional α: A_α = Σ_{i≥0} C(α, i) [q^i (1−q)^{α−i} e^{(i²−i)/(2σ²)} ½ erfc((i − z0)/(√2 σ))
     * + q^{α−i} (1−q)^i e^{((α−i)²−(α−i))/(2σ²)} ½ erfc((z0 − (α−i))/(√2 σ))], with
     * z0 = σ² log(1/q − 1) + ½. The generalised binomial coefficient changes sign once i exceeds α, so
     * positive and negative terms are accumulated separately for each half.
     */
    static double logAFractionalOrder(double q, double sigma, double alpha) {
        double logQ = Math.log(q);
        double log1mQ = Math.log1p(-q);
        double sigma2 = sigma * sigma;
        double z0 = sigma2 * (Math.log1p(-q) - logQ) + 0.5;
        double erfcScale = 1.0 / (Math.sqrt(2) * sigma);
        double pos0 = Double.NEGATIVE_INFINITY;
        double neg0 = Double.NEGATIVE_INFINITY;
        double pos1 = Double.NEGATIVE_INFINITY;
        double neg1 = Double.NEGATIVE_INFINITY;
        double logAbsCoef = 0.0; // log |C(α, 0)|
        boolean positive = true;
        for (int i = 0; i < MAX_TERMS; i++) {
            if (i > 0) {
                double factor = alpha - i + 1;
                logAbsCoef += Math.log(Math.abs(factor)) - Math.log(i);
                if (factor < 0) {
                    positive = !positive;
                }
            }
            double j = alpha - i;
            double s0 = logAbsCoef
                    + i * logQ
                    + j * log1mQ
                    + ((double) i * i - i) / (2 * sigma2)
                    + LOG_HALF
                    + LogMath.logErfc((i - z0) * erfcScale);
            double s1 = logAbsCoef
                    + j * logQ
                    + i * log1mQ
                    + (j * j - j) / (2 * sigma2)
                    + LOG_HALF
                    + LogMath.logErfc((z0 - j) * erfcScale);
            if (positive) {
                pos0 = LogMath.logAdd(pos0, s0);
                pos1 = LogMath.logAdd(pos1, s1);
            } else {
                neg0 = LogMath.logAdd(neg0, s0);
                neg1 = LogMath.logAdd(neg1, s1);
            }
            double running = Math.max(pos0, pos1);
            if (i > alpha && Math.max(s0, s1) < running - SERIES_CUTOFF) {
                break;
            }
        }
        return LogMath.logAdd(LogMath.logSub(pos0, neg0), LogMath.logSub(pos1, neg1));
    }
}
