package org.leakbench.attack;

import org.leakbench.update.Observation;

/** The floor of every metric: uniform random images in [0, 1] and uniform random labels. */
public final class RandomAttack implements Attack {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public AttackResult run(Observation obs, AttackContext ctx) {
        if (ctx.stopRequested()) {
            return AttackResult.empty(ctx.stopStatus(), 0, 0);
        }
        int n = obs.batchSize();
        int d = obs.model().spec().inputSize();
        int k = obs.model().spec().numClasses();
        float[][] x = new float[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = (float) ctx.rng().nextDouble();
            }
            y[i] = ctx.rng().nextInt(k);
        }
        return new AttackResult(x, y, AttackResult.OK, 0, Double.NaN, 0);
    }
}
