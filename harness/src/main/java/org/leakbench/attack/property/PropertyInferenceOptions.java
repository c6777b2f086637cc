package org.leakbench.attack.property;

/**
 * Settings of a {@link PropertyInferenceAttack}.
 *
 * @param batchSize          samples behind one update, in [1, 4096]
 * @param propertySamples    samples with the property in a "with" batch (the rest lack it), in [1, batchSize]
 * @param trainingBatches    auxiliary updates of each kind (with, without) the attacker computes, in [2, 10^6]
 * @param classifierSteps    full-batch gradient steps of the logistic regression, in [1, 10^6]
 * @param classifierRate     its step size, in (0, 100]
 * @param l2                 its L2 penalty, in [0, 100]
 */
public record PropertyInferenceOptions(
        int batchSize,
        int propertySamples,
        int trainingBatches,
        int classifierSteps,
        double classifierRate,
        double l2) {
    public PropertyInferenceOptions {
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException("property.batchSize must be in [1, 4096], got " + batchSize);
        }
        if (propertySamples < 1 || propertySamples > batchSize) {
            throw new IllegalArgumentException(
                    "property.propertySamples must be in [1, " + batchSize + "], got " + propertySamples);
        }
        if (trainingBatches < 2 || trainingBatches > 1_000_000) {
            throw new IllegalArgumentException(
                    "property.trainingBatches must be in [2, 1000000], got " + trainingBatches);
        }
        if (classifierSteps < 1 || classifierSteps > 1_000_000) {
            throw new IllegalArgumentException(
                    "property.classifierSteps must be in [1, 1000000], got " + classifierSteps);
        }
        if (!(classifierRate > 0 && classifierRate <= 100)) {
            throw new IllegalArgumentException("property.classifierRate must be in (0, 100], got " + classifierRate);
        }
        if (!(l2 >= 0 && l2 <= 100)) {
            throw new IllegalArgumentException("property.l2 must be in [0, 100], got " + l2);
        }
    }

    /** Batches of {@code batchSize} with one property sample; 200 auxiliary updates of each kind. */
    public static PropertyInferenceOptions defaults(int batchSize) {
        return new PropertyInferenceOptions(batchSize, 1, 200, 500, 0.5, 1e-3);
    }
}
