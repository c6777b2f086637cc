package org.leakbench.attack.membership;

import org.leakbench.metric.RocBootstrap;
import org.leakbench.metric.RocCurve;

/**
 * How well one membership attack separated members from non-members.
 *
 * @param attack     the attack's name
 * @param auc        ROC AUC (0.5 = guessing)
 * @param tprAt1Pct  TPR at FPR ≤ 1%
 * @param tprAt01Pct TPR at FPR ≤ 0.1% (with fewer than 1000 non-members this is the TPR at FPR 0)
 * @param roc        ROC points for plotting, thinned to at most {@link #MAX_POINTS}
 * @param bootstrap  95% percentile intervals of the AUC and the TPRs and the ROC band, from resampling the
 *                   candidates with the fixed seed of {@link RocBootstrap}
 */
public record MembershipResult(
        String attack,
        double auc,
        double tprAt1Pct,
        double tprAt01Pct,
        RocCurve.Points roc,
        RocBootstrap.Result bootstrap) {
    public static final int MAX_POINTS = 200;

    /** Scores the attack output {@code scores} against the truth {@code member}. */
    public static MembershipResult of(String attack, double[] scores, boolean[] member) {
        RocCurve c = RocCurve.of(scores, member);
        return new MembershipResult(
                attack,
                c.auc(),
                c.tprAtFpr(0.01),
                c.tprAtFpr(0.001),
                c.points(MAX_POINTS),
                RocBootstrap.of(scores, member));
    }
}
