package org.leakbench.defense.ddp;

import java.util.SplittableRandom;

/**
 * Conditional randomised rounding (Kairouz, Liu, Steinke, ICML 2021, Sec. 4.1 and Proposition 22): each coordinate
 * is rounded up with probability equal to its fractional part (unbiased), and the whole vector is rounded again
 * until its L2 norm is within {@link #normBound}. The bound holds with probability at least 1 − β for one
 * unconditional rounding, so the retries are few, and the accountant can take it as the sensitivity of the
 * integer vector instead of the much larger worst case ‖x‖ + √d.
 */
public final class ConditionalRounding {
    /** More attempts than this mean the bound was set below what rounding can reach: a defect, not bad luck. */
    static final int MAX_ATTEMPTS = 10_000;

    private ConditionalRounding() {}

    /**
     * The bound on the rounded norm of a vector of norm at most {@code norm} in {@code dimension} coordinates
     * (both in integer units): min(norm + √d, √(norm² + d/4 + √(2 ln(1/β)) (norm + √d / 2))); β = 0 keeps the
     * unconditional worst case norm + √d.
     */
    public static double normBound(double norm, double beta, int dimension) {
        if (!(norm >= 0) || Double.isInfinite(norm)) {
            throw new IllegalArgumentException("rounding: norm must be finite and >= 0, got " + norm);
        }
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("rounding: beta must be in [0, 1), got " + beta);
        }
        if (dimension < 1) {
            throw new IllegalArgumentException("rounding: dimension must be >= 1, got " + dimension);
        }
        double worst = norm + Math.sqrt(dimension);
        if (beta == 0) {
            return worst;
        }
        double squared =
                norm * norm + dimension / 4.0 + Math.sqrt(2 * Math.log(1 / beta)) * (norm + Math.sqrt(dimension) / 2);
        return Math.min(worst, Math.sqrt(squared));
    }

    /**
     * Rounds {@code x} coordinate-wise at random until the result's L2 norm is at most {@code bound}; the attempts
     * are counted in the returned {@link Rounded}.
     */
    public static Rounded round(double[] x, double bound, SplittableRandom random) {
        long[] out = new long[x.length];
        double limit = bound * bound;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            double squared = 0;
            for (int i = 0; i < x.length; i++) {
                double floor = Math.floor(x[i]);
                long r = (long) floor + (random.nextDouble() < x[i] - floor ? 1 : 0);
                out[i] = r;
                squared += (double) r * r;
            }
            if (squared <= limit) {
                return new Rounded(out, attempt);
            }
        }
        throw new IllegalStateException("conditional rounding: no rounding within norm bound " + bound + " after "
                + MAX_ATTEMPTS + " attempts (the vector's norm exceeds the bound the clip promised)");
    }

    /** An integer vector and the number of roundings it took. */
    public record Rounded(long[] values, int attempts) {}
}
