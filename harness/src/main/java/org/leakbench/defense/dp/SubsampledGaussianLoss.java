package org.leakbench.defense.dp;

/**
 * The privacy loss L = log(P(ω)/Q(ω)), ω ∼ P, of one step of the Poisson-subsampled Gaussian mechanism in
 * closed form, for both directions of the add-or-remove relation (Gopi, Lee, Wutschitz 2021, Appendix B;
 * Zhu, Dong, Wang 2022 on why both are needed). With the mixture M = (1−q)N(0, σ²) + qN(1, σ²) and
 * N = N(0, σ²):
 * <ul>
 *   <li>{@link Direction#REMOVE}: P = M, Q = N, L = ℓ(x) = log(1 − q + q e^{(2x−1)/(2σ²)}), increasing in x;</li>
 *   <li>{@link Direction#ADD}: P = N, Q = M, L = −ℓ(x).</li>
 * </ul>
 * ℓ is invertible, x(ℓ) = σ² log((e^ℓ − 1 + q)/q) + ½, so every probability of {L &gt; l} is a mixture of normal
 * tails. Both the P- and the Q-probability are given: the Q-mass of a set of losses is its P-mass weighted by
 * e^{−L}, which connect-the-dots discretisation needs.
 */
final class SubsampledGaussianLoss {
    /** Which neighbour holds the extra record. */
    enum Direction {
        REMOVE,
        ADD
    }

    private static final double SQRT2 = Math.sqrt(2);

    private final double sigma;
    private final double q;
    private final Direction direction;
    /** log(1 − q): the smallest value of ℓ (−∞ when q = 1). */
    private final double logOneMinusQ;

    SubsampledGaussianLoss(double sigma, double q, Direction direction) {
        this.sigma = sigma;
        this.q = q;
        this.direction = direction;
        this.logOneMinusQ = Math.log1p(-q);
    }

    /** The x at which ℓ(x) = v, for v &gt; log(1 − q). */
    private double xOf(double v) {
        return sigma * sigma * Math.log((Math.expm1(v) + q) / q) + 0.5;
    }

    /** ℓ(x). */
    double ell(double x) {
        double t = (2 * x - 1) / (2 * sigma * sigma);
        // log(1 − q + q e^t) without overflow for large t
        return t > 0 ? t + Math.log(q + (1 - q) * Math.exp(-t)) : Math.log1p(q * Math.expm1(t));
    }

    /** Φ̄(z) = P(Z &gt; z). */
    private static double upper(double z) {
        return 0.5 * LogMath.erfc(z / SQRT2);
    }

    /** Mixture M's P(X &gt; x) or, with {@code below}, P(X ≤ x). */
    private double mixture(double x, boolean below) {
        double s = below ? -1 : 1;
        return (1 - q) * upper(s * x / sigma) + q * upper(s * (x - 1) / sigma);
    }

    private double normal(double x, boolean below) {
        return upper((below ? -x : x) / sigma);
    }

    /**
     * P(L &gt; l) (with {@code underQ} false) or Q(L &gt; l), or with {@code below} the probability of L ≤ l; both
     * forms are given so a caller can take differences of the smaller one and keep its precision.
     */
    double probability(double l, boolean below, boolean underQ) {
        boolean pIsMixture = direction == Direction.REMOVE;
        boolean mixture = pIsMixture != underQ;
        if (direction == Direction.REMOVE) {
            if (l <= logOneMinusQ) { // L is never below log(1 − q)
                return below ? 0.0 : 1.0;
            }
            double x = xOf(l);
            return mixture ? mixture(x, below) : normal(x, below);
        }
        if (-l <= logOneMinusQ) { // L is never above −log(1 − q)
            return below ? 1.0 : 0.0;
        }
        double x = xOf(-l); // L > l ⇔ x < x(−l)
        return mixture ? mixture(x, !below) : normal(x, !below);
    }

    /**
     * E_P[min(hi, max(lo, L))] by composite Simpson quadrature over x ∈ [−40σ, 1 + 40σ] (beyond it P has no mass
     * a double can hold), with a step of a 64th of the scale on which either the density (σ) or ℓ (σ²)
     * changes; the clamp keeps the integrand bounded.
     */
    double clampedMean(double lo, double hi) {
        double from = -40 * sigma;
        double to = 1 + 40 * sigma;
        double scale = Math.min(sigma, sigma * sigma) / 64;
        int n = (int) Math.min(2_000_000, Math.ceil((to - from) / scale));
        n += n & 1; // Simpson needs an even number of intervals
        double step = (to - from) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double x = from + i * step;
            double weight = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
            double l = direction == Direction.REMOVE ? ell(x) : -ell(x);
            sum += weight * density(x) * Math.min(hi, Math.max(lo, l));
        }
        return sum * step / 3;
    }

    /** The density of P at x. */
    private double density(double x) {
        double norm = 1 / (sigma * Math.sqrt(2 * Math.PI));
        double centred = norm * Math.exp(-x * x / (2 * sigma * sigma));
        if (direction == Direction.ADD) {
            return centred;
        }
        double shifted = norm * Math.exp(-(x - 1) * (x - 1) / (2 * sigma * sigma));
        return (1 - q) * centred + q * shifted;
    }

    /**
     * Losses [lo, hi] outside which P has at most {@code tail} mass on each side: normal quantiles at
     * ±z pushed through ℓ, where Φ̄(z) = tail.
     */
    double[] range(double tail) {
        double z = upperQuantile(tail);
        double lo = ell(-sigma * z);
        double hi = ell(1 + sigma * z);
        if (direction == Direction.REMOVE) {
            return new double[] {lo, hi};
        }
        // P = N(0, σ²): x within ±σz, so −ℓ(x) within [−ℓ(σz), −ℓ(−σz)]
        return new double[] {-ell(sigma * z), -ell(-sigma * z)};
    }

    /** The z with Φ̄(z) = p, by bisection (p well inside (0, ½)). */
    static double upperQuantile(double p) {
        double lo = 0;
        double hi = 40;
        for (int i = 0; i < 100; i++) {
            double mid = 0.5 * (lo + hi);
            if (upper(mid) > p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }
}
