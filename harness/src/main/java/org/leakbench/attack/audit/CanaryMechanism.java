package org.leakbench.attack.audit;

import java.util.SplittableRandom;

/**
 * A DP mechanism under audit, with canaries planted in its input: one call runs the mechanism once with canary i
 * present iff {@code included[i]} and returns the auditor's score of each canary, higher meaning "it was in".
 */
public interface CanaryMechanism {
    /** One run; a score per canary. */
    double[] run(boolean[] included, SplittableRandom rng);

    /**
     * Whether each canary's score depends only on its own inclusion, so that the canaries of one run are
     * independent trials of a many-run audit (true for Dirac canaries on coordinates of their own; false for
     * input canaries, which meet in the model).
     */
    boolean independentCanaries();

    /** The accountant's ε at δ for one canary, for the setting the mechanism claims. */
    double accountantEpsilon(double delta);

    /** A few words naming the mechanism, the canary and the setting. */
    String describe();
}
