package org.leakbench.defense.dp;

/**
 * Finds the smallest noise multiplier σ whose ε (RDP over the default orders, or any {@link Accountant}'s
 * reported ε) is at most a target, for a fixed
 * sampling rate, number of steps and δ. ε falls monotonically with σ, so the search brackets the answer by
 * doubling from σ = 1 and then bisects until the bracket is narrower than {@link #RELATIVE_TOLERANCE} of σ.
 * The returned σ always meets the target (it is the upper end of the final bracket), and is within that
 * tolerance of the smallest one that does. Opacus instead stops once ε is within 0.01 of the target, which
 * can return a σ up to a few tenths of a percent larger.
 */
public final class NoiseMultiplierSearch {
    /** Relative width of the final σ bracket. */
    public static final double RELATIVE_TOLERANCE = 1e-6;
    /** The largest σ tried before declaring the target unreachable. */
    public static final double MAX_NOISE_MULTIPLIER = 1e6;

    private NoiseMultiplierSearch() {}

    /**
     * The smallest σ (within {@link #RELATIVE_TOLERANCE}) whose ε is at most {@code targetEpsilon}; 0 for no steps.
     *
     * @throws IllegalArgumentException on invalid input; when the target is at or below the conversion's floor
     *                                  (the ε of zero RDP, which no σ beats); or when even
     *                                  σ = {@value #MAX_NOISE_MULTIPLIER} gives ε above the target
     */
    public static double find(
            double targetEpsilon, double delta, double sampleRate, long steps, Conversion conversion) {
        DpChecks.epsilon(targetEpsilon);
        DpChecks.delta(delta);
        DpChecks.sampleRate(sampleRate);
        DpChecks.steps(steps);
        if (conversion == null) {
            throw new IllegalArgumentException("conversion must be IMPROVED or CLASSIC, got null");
        }
        if (steps == 0) {
            return 0.0;
        }
        // As σ grows the RDP vanishes but the conversion's own term does not: no σ beats this floor.
        double floor = Double.POSITIVE_INFINITY;
        for (double order : RdpAccountant.defaultOrders()) {
            floor = Math.min(floor, Math.max(0.0, conversion.epsilon(0.0, order, delta)));
        }
        if (targetEpsilon <= floor) {
            throw new IllegalArgumentException(String.format(
                    "epsilon %s is unreachable: with delta %s and the %s conversion over the default orders "
                            + "no noise multiplier gives epsilon below %.4g",
                    targetEpsilon, delta, conversion, floor));
        }
        double low = 0.0;
        double high = 1.0;
        while (epsilon(high, sampleRate, steps, delta, conversion) > targetEpsilon) {
            low = high;
            high *= 2;
            if (high > MAX_NOISE_MULTIPLIER) {
                double atMax = epsilon(MAX_NOISE_MULTIPLIER, sampleRate, steps, delta, conversion);
                throw new IllegalArgumentException(String.format(
                        "epsilon %s is unreachable: even noiseMultiplier %.0e gives epsilon %.4g "
                                + "(delta %s, sampleRate %s, steps %d, %s conversion)",
                        targetEpsilon, MAX_NOISE_MULTIPLIER, atMax, delta, sampleRate, steps, conversion));
            }
        }
        while (high - low > RELATIVE_TOLERANCE * high) {
            double mid = 0.5 * (low + high);
            if (epsilon(mid, sampleRate, steps, delta, conversion) <= targetEpsilon) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }

    /**
     * The smallest σ (within {@link #RELATIVE_TOLERANCE}) whose ε from {@code accountant} is at most
     * {@code targetEpsilon}: the same doubling and bisection as the RDP search, on the accountant's reported ε
     * (an upper bound for RDP, PRV and PLD; GDP's approximation). With RDP it is {@link #find(double, double,
     * double, long, Conversion)} with the improved conversion.
     *
     * @throws IllegalArgumentException on invalid input, or when even σ = {@value #MAX_NOISE_MULTIPLIER} gives ε
     *                                  above the target
     */
    public static double find(
            Accountant accountant, double targetEpsilon, double delta, double sampleRate, long steps) {
        if (accountant == null) {
            throw new IllegalArgumentException("accountant must be given, got null");
        }
        if (accountant instanceof RenyiDpAccountant) {
            return find(targetEpsilon, delta, sampleRate, steps, Conversion.IMPROVED);
        }
        DpChecks.epsilon(targetEpsilon);
        DpChecks.delta(delta);
        new SampledGaussian(1.0, sampleRate, steps); // checks q and steps, naming them
        double low = 0.0;
        double high = 1.0;
        while (epsilon(accountant, high, sampleRate, steps, delta) > targetEpsilon) {
            low = high;
            high *= 2;
            if (high > MAX_NOISE_MULTIPLIER) {
                throw new IllegalArgumentException(String.format(
                        "epsilon %s is unreachable with the %s accountant: even noiseMultiplier %.0e exceeds it "
                                + "(delta %s, sampleRate %s, steps %d)",
                        targetEpsilon, accountant.name(), MAX_NOISE_MULTIPLIER, delta, sampleRate, steps));
            }
        }
        while (high - low > RELATIVE_TOLERANCE * high) {
            double mid = 0.5 * (low + high);
            if (epsilon(accountant, mid, sampleRate, steps, delta) <= targetEpsilon) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }

    private static double epsilon(Accountant a, double sigma, double q, long steps, double delta) {
        return a.epsilon(sigma, q, steps, delta).epsilon();
    }

    /** Opacus' search with its RDP accountant; see {@link #findLikeOpacus(Accountant, double, double, double, long, double)}. */
    public static double findLikeOpacus(
            double targetEpsilon, double delta, double sampleRate, long steps, double epsilonTolerance) {
        return findLikeOpacus(new RenyiDpAccountant(), targetEpsilon, delta, sampleRate, steps, epsilonTolerance);
    }

    /**
     * Opacus' search ({@code opacus.accountants.utils.get_noise_multiplier}, any accountant), step for step:
     * double σ from 10 until ε is below the target, then bisect from [0, σ] until the upper end's ε is within
     * {@code epsilonTolerance} below the target, and return that upper end. Its σ meets the target but can exceed
     * the smallest one by a few tenths of a percent; it is here to reproduce numbers published with Opacus.
     */
    public static double findLikeOpacus(
            Accountant accountant,
            double targetEpsilon,
            double delta,
            double sampleRate,
            long steps,
            double epsilonTolerance) {
        DpChecks.epsilon(targetEpsilon);
        DpChecks.delta(delta);
        DpChecks.sampleRate(sampleRate);
        DpChecks.steps(steps);
        if (!(epsilonTolerance > 0) || Double.isInfinite(epsilonTolerance)) {
            throw new IllegalArgumentException("epsilonTolerance must be finite and > 0, got " + epsilonTolerance);
        }
        double low = 0;
        double high = 10;
        double epsHigh = Double.POSITIVE_INFINITY;
        while (epsHigh > targetEpsilon) {
            high *= 2;
            if (high > MAX_NOISE_MULTIPLIER) {
                throw new IllegalArgumentException(
                        "epsilon " + targetEpsilon + " is unreachable below noiseMultiplier " + MAX_NOISE_MULTIPLIER);
            }
            epsHigh = epsilon(accountant, high, sampleRate, steps, delta);
        }
        while (targetEpsilon - epsHigh > epsilonTolerance) {
            double mid = (low + high) / 2;
            double eps = epsilon(accountant, mid, sampleRate, steps, delta);
            if (eps < targetEpsilon) {
                high = mid;
                epsHigh = eps;
            } else {
                low = mid;
            }
        }
        return high;
    }

    private static double epsilon(double sigma, double q, long steps, double delta, Conversion c) {
        return RdpAccountant.epsilon(sigma, q, steps, delta, c);
    }
}
