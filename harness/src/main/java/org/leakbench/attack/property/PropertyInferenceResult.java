package org.leakbench.attack.property;

import org.leakbench.metric.RocCurve;

/**
 * How well property inference told "with" from "without" victim updates.
 *
 * @param auc       ROC AUC (0.5 = guessing)
 * @param tprAt1Pct TPR at FPR ≤ 1%
 * @param roc       ROC points, thinned to at most 200
 * @param victimUpdates updates of each kind scored
 */
public record PropertyInferenceResult(double auc, double tprAt1Pct, RocCurve.Points roc, int victimUpdates) {
    static PropertyInferenceResult of(double[] scores, boolean[] hasProperty) {
        RocCurve c = RocCurve.of(scores, hasProperty);
        return new PropertyInferenceResult(c.auc(), c.tprAtFpr(0.01), c.points(200), scores.length / 2);
    }
}
