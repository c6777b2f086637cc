package org.leakbench.defense.dp;

import java.util.List;

/**
 * The Gaussian-DP accountant (Dong, Roth, Su 2019, "Gaussian Differential Privacy"; Bu, Dong, Long, Su 2020,
 * "Deep Learning with Gaussian Differential Privacy"): by the central limit theorem, k steps of the
 * Poisson-subsampled Gaussian mechanism are approximately μ-GDP with μ = q·√(k(e^{1/σ²} − 1)); events with
 * different σ or q add μ² (μ-GDP composes as √Σμ²). μ-GDP converts exactly to
 * δ(ε) = Φ(−ε/μ + μ/2) − e^ε Φ(−ε/μ − μ/2).
 *
 * <p>Caveat: the CLT is a limit, not a bound. For finite k it can under-state ε (it is known to be optimistic
 * when q·√k is not small or σ is small), so its ε is an approximation to compare against, never a guarantee.
 */
public final class GdpAccountant implements Accountant {
    static final String CAVEAT =
            "GDP's epsilon is a central-limit approximation, not an upper bound; it can under-state the true epsilon";

    @Override
    public String name() {
        return "gdp";
    }

    @Override
    public String caveat() {
        return CAVEAT;
    }

    /** μ of the composition. */
    public static double mu(List<SampledGaussian> events) {
        double mu2 = 0;
        for (SampledGaussian e : events) {
            double s = e.noiseMultiplier();
            mu2 += e.sampleRate() * e.sampleRate() * e.steps() * Math.expm1(1 / (s * s));
        }
        return Math.sqrt(mu2);
    }

    /** δ(ε) of μ-GDP (Dong, Roth, Su, Corollary 2.13). */
    static double deltaOfMu(double mu, double epsilon) {
        if (Double.isInfinite(mu)) {
            return 1.0;
        }
        double a = normalCdf(-epsilon / mu + mu / 2);
        // e^ε Φ(−ε/μ − μ/2) in log space: e^ε overflows long before the product does
        double b = Math.exp(epsilon + Math.log(0.5) + LogMath.logErfc((epsilon / mu + mu / 2) / Math.sqrt(2)));
        return Math.max(0.0, a - b);
    }

    private static double normalCdf(double z) {
        return 0.5 * LogMath.erfc(-z / Math.sqrt(2));
    }

    @Override
    public EpsilonEstimate epsilon(List<SampledGaussian> events, double delta) {
        double mu = mu(Accountant.checked(events, delta));
        if (deltaOfMu(mu, 0) <= delta) {
            return EpsilonEstimate.single(name(), 0.0, delta);
        }
        double lo = 0;
        double hi = 1;
        while (deltaOfMu(mu, hi) > delta) {
            lo = hi;
            hi *= 2;
            if (hi > 1e6) {
                return EpsilonEstimate.single(name(), Double.POSITIVE_INFINITY, delta);
            }
        }
        for (int i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
            double mid = 0.5 * (lo + hi);
            if (deltaOfMu(mu, mid) > delta) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return EpsilonEstimate.single(name(), hi, delta);
    }

    @Override
    public double delta(List<SampledGaussian> events, double epsilon) {
        Accountant.checkedEpsilon(epsilon);
        return deltaOfMu(mu(Accountant.checked(events, 0.5)), epsilon);
    }
}
