package org.leakbench.attack.property;

import java.util.SplittableRandom;

/**
 * Runs a {@link PropertyInferenceAttack} end to end: trains it on the attacker's auxiliary rows, then scores
 * {@code victimUpdates} updates of victim batches with the property and as many without (drawn from the
 * victim's own rows, disjoint from the auxiliary ones), each passed through the attack's update transform.
 */
public final class PropertyInferenceExperiment {
    private PropertyInferenceExperiment() {}

    public static PropertyInferenceResult run(
            PropertyInferenceAttack attack,
            PropertyInferenceAttack.SharedModel shared,
            float[][] aux,
            int[] auxLabels,
            boolean[] auxProperty,
            float[][] victim,
            int[] victimLabels,
            boolean[] victimProperty,
            int victimUpdates,
            SplittableRandom rng) {
        if (victimUpdates < 1) {
            throw new IllegalArgumentException("property.victimUpdates must be >= 1, got " + victimUpdates);
        }
        PropertyInferenceAttack.Classifier c = attack.train(shared, aux, auxLabels, auxProperty, rng.split());
        PropertyBatches batches = new PropertyBatches(
                victimProperty, attack.options().batchSize(), attack.options().propertySamples(), "victim");
        SplittableRandom draw = rng.split();
        double[] scores = new double[2 * victimUpdates];
        boolean[] truth = new boolean[2 * victimUpdates];
        for (int i = 0; i < victimUpdates; i++) {
            scores[2 * i] = c.score(attack.observe(shared, victim, victimLabels, batches.with(draw)));
            truth[2 * i] = true;
            scores[2 * i + 1] = c.score(attack.observe(shared, victim, victimLabels, batches.without(draw)));
        }
        return PropertyInferenceResult.of(scores, truth);
    }
}
