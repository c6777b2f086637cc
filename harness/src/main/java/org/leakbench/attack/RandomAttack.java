package org.leakbench.attack;

import org.leakbench.update.Observation;

/**
 * The floor of every metric: uniform random images in [0, 1] and uniform random labels; for a model that reads
 * token windows (its attack input is a relaxed one-hot of another shape than its ids), uniform random token ids,
 * so that token accuracy and F1 have the chance level of the vocabulary as their floor.
 */
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
        int vocabulary = obs.model().relaxedVocabulary();
        float[][] x = new float[n][d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = vocabulary > 0
                        ? ctx.rng().nextInt(vocabulary)
                        : (float) ctx.rng().nextDouble();
            }
            y[i] = ctx.rng().nextInt(k);
        }
        return new AttackResult(x, y, AttackResult.OK, 0, Double.NaN, 0);
    }
}
