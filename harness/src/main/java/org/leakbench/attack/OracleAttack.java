package org.leakbench.attack;

import org.leakbench.update.Observation;

/**
 * The ceiling of every metric: returns the truth it was built with. It does not look at the
 * observation; the harness gives it the truth so that the metrics can be checked end to end.
 */
public final class OracleAttack implements Attack {
    private final float[][] truth;
    private final int[] labels;

    public OracleAttack(float[][] truth, int[] labels) {
        this.truth = truth;
        this.labels = labels;
    }

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public AttackResult run(Observation observation, AttackContext context) {
        if (context.stopRequested()) {
            return AttackResult.empty(context.stopStatus(), 0, 0);
        }
        float[][] copy = new float[truth.length][];
        for (int i = 0; i < truth.length; i++) {
            copy[i] = truth[i].clone();
        }
        return new AttackResult(copy, labels.clone(), AttackResult.OK, 0, 0.0, 0);
    }
}
