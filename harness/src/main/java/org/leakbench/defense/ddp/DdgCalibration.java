package org.leakbench.defense.ddp;

/**
 * Chooses the grid width γ and each client's noise σ_l of the distributed discrete Gaussian for a target ε
 * (Kairouz, Liu, Steinke, ICML 2021, Sec. 5): σ_l is the smallest noise whose {@link DdgAccountant} ε is at most
 * the target, and γ the finest grid on which k standard deviations of every coordinate of the sum fit the
 * modulus 2^b, 2^b = 2k √(c²n²/D + n(γ²/4 + σ_l²)) / γ, solved for γ. The two depend on each other only through
 * the rounding's share of the sensitivity, so a few alternations settle them.
 */
public final class DdgCalibration {
    private static final int ALTERNATIONS = 50;

    private DdgCalibration() {}

    /** What the mechanism is asked for; {@code gamma} 0 means derive it from {@code bits} and {@code stddevs}. */
    public record Target(
            double epsilon,
            double delta,
            long rounds,
            double clip,
            int bits,
            double gamma,
            double beta,
            double stddevs,
            int clients,
            int length) {
        public Target {
            if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
                throw new IllegalArgumentException("ddp: target epsilon must be finite and > 0, got " + epsilon);
            }
            if (!(stddevs > 0)) {
                throw new IllegalArgumentException(
                        "ddp: k (standard deviations kept in range) must be > 0, got " + stddevs);
            }
            if (!(gamma >= 0)) {
                throw new IllegalArgumentException("ddp: gamma must be >= 0 (0: derived), got " + gamma);
            }
            if (Math.pow(2, 2.0 * bits) <= (double) clients * stddevs * stddevs) {
                throw new IllegalArgumentException("ddp: bits = " + bits + " is too small for " + clients
                        + " clients at k = " + stddevs + " standard deviations: their rounding alone needs 2^(2b) > "
                        + "n k^2, so at least "
                        + (int) Math.ceil(Math.log(clients * stddevs * stddevs) / Math.log(4) + 1e-9) + " bits");
            }
        }
    }

    /** γ and σ_l for {@code t}, checked to keep {@code t.stddevs()} standard deviations inside the modulus. */
    public static DdgParameters calibrate(Target t) {
        boolean derive = t.gamma() == 0;
        double gamma = derive ? gammaFor(t, 0) : t.gamma();
        double sigma = 0;
        for (int i = 0; i < ALTERNATIONS; i++) {
            sigma = noiseFor(t, gamma);
            if (!derive) {
                break;
            }
            double next = gammaFor(t, sigma);
            boolean settled = Math.abs(next - gamma) <= 1e-12 * gamma;
            gamma = next;
            if (settled) {
                sigma = noiseFor(t, gamma);
                break;
            }
        }
        DdgParameters p = params(t, gamma, sigma);
        if (p.headroomStddevs() < t.stddevs() * (1 - 1e-9)) {
            throw new IllegalArgumentException("ddp: gamma = " + gamma + " keeps only " + p.headroomStddevs()
                    + " standard deviations of the sum inside 2^" + t.bits() + " (k = " + t.stddevs()
                    + " asked); raise ddp.bits or ddp.gamma, or set ddp.gamma: 0 to derive it");
        }
        return p;
    }

    /** γ solving 2^b = 2k √(c²n²/D + n(γ²/4 + σ²)) / γ for a given σ_l. */
    static double gammaFor(Target t, double sigma) {
        int dim = RandomizedHadamard.paddedLength(t.length());
        double n = t.clients();
        double k = t.stddevs();
        double signal = t.clip() * t.clip() * n * n / dim;
        return 2 * k * Math.sqrt(signal + n * sigma * sigma) / Math.sqrt(Math.pow(2, 2.0 * t.bits()) - n * k * k);
    }

    /** The smallest σ_l (to 1e-9 relative) whose ε is at most the target on grid γ. */
    static double noiseFor(Target t, double gamma) {
        double low = 0.5 * gamma; // the smallest scale the sum-of-discrete-Gaussians bound covers
        if (epsilon(t, gamma, low) <= t.epsilon()) {
            return low;
        }
        double high = low;
        while (epsilon(t, gamma, high) > t.epsilon()) {
            low = high;
            high *= 2;
            if (high > 1e12 * t.clip()) {
                throw new IllegalArgumentException("ddp: no noise reaches epsilon " + t.epsilon() + " at delta "
                        + t.delta() + " over " + t.rounds() + " rounds");
            }
        }
        while (high - low > 1e-9 * high) {
            double mid = (low + high) / 2;
            if (epsilon(t, gamma, mid) > t.epsilon()) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return high;
    }

    private static double epsilon(Target t, double gamma, double sigma) {
        return DdgAccountant.epsilon(params(t, gamma, sigma), 1.0, t.rounds(), t.delta());
    }

    private static DdgParameters params(Target t, double gamma, double sigma) {
        return new DdgParameters(t.clip(), t.bits(), gamma, t.beta(), sigma, t.clients(), t.length());
    }
}
