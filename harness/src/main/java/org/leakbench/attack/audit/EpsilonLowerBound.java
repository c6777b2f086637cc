package org.leakbench.attack.audit;

/**
 * An empirical lower bound on ε: with probability at least {@code confidence} over the audit's randomness, a
 * mechanism that is (ε, δ)-DP has ε ≥ {@code epsilon}.
 *
 * @param epsilon    ε̂, ≥ 0 (0 when the audit found nothing)
 * @param confidence 1 − α
 * @param delta      the δ the bound is stated at
 * @param trials     the canary trials (many-run) or canaries (one-run) it rests on
 * @param detail     how it was reached: the threshold test and its rate bounds, or the guesses and hits
 */
public record EpsilonLowerBound(double epsilon, double confidence, double delta, int trials, String detail) {
    public EpsilonLowerBound {
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("an audited epsilon is >= 0, got " + epsilon);
        }
    }
}
