package org.leakbench.attack.membership;

import java.util.SplittableRandom;

/**
 * A membership attack that reads the target model: before scoring it checks the candidates against the model
 * and refuses a target with a NaN or infinite parameter, as {@link MembershipAttack} promises.
 */
abstract class TargetScoringAttack implements MembershipAttack {
    @Override
    public final double[] scores(MembershipTarget target, float[][] samples, int[] labels, SplittableRandom rng) {
        ModelOutputs.checkCandidates(samples, labels, target.model());
        ModelOutputs.checkTarget(target, name());
        return scoreChecked(target, samples, labels, rng);
    }

    /** The scores of candidates and a target that passed the checks. */
    abstract double[] scoreChecked(MembershipTarget target, float[][] samples, int[] labels, SplittableRandom rng);
}
