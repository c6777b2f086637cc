package org.leakbench.attack.membership;

import java.util.SplittableRandom;

/**
 * The loss-threshold attack of Yeom et al. ("Privacy Risk in Machine Learning: Analyzing the Connection to
 * Overfitting", CSF 2018): training samples tend to have lower loss, so the score is the negated
 * cross-entropy of the target on the sample. Sweeping the threshold gives the ROC curve. Deterministic; the
 * rng is unused.
 */
public final class LossThresholdAttack extends TargetScoringAttack {
    @Override
    public String name() {
        return "loss-threshold";
    }

    @Override
    double[] scoreChecked(MembershipTarget target, float[][] samples, int[] labels, SplittableRandom rng) {
        double[] loss = ModelOutputs.losses(target.model(), target.parameters(), target.dtype(), samples, labels);
        for (int i = 0; i < loss.length; i++) {
            // A loss of +infinity (p_y underflowed) is the least member-like score; keep it finite.
            loss[i] = -Math.min(loss[i], Double.MAX_VALUE);
        }
        return loss;
    }
}
