package org.leakbench.attack.membership;

import java.util.SplittableRandom;

/**
 * A membership-inference attack: one score per candidate sample, higher meaning "more likely a member of the
 * target's training set". Scores are finite, and the same {@code rng} seed gives the same scores. An attack that
 * reads the target refuses one with a NaN or infinite parameter (IllegalArgumentException) rather than score it.
 */
public interface MembershipAttack {
    /** The name used in result rows, e.g. "loss-threshold". */
    String name();

    /**
     * Scores the candidates {@code samples} (flattened rows) with their true {@code labels}.
     *
     * @param target  the trained model and what the attacker knows besides it
     * @param samples candidate samples, one row each
     * @param labels  their true labels
     * @param rng     randomness the attack may use (shadow training); split, never shared
     */
    double[] scores(MembershipTarget target, float[][] samples, int[] labels, SplittableRandom rng);
}
