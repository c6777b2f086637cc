package org.leakbench.attack.text;

/**
 * Settings of LAMP (Balunović et al. 2022).
 *
 * @param iterations    Adam steps on the embeddings in all
 * @param learningRate  Adam's step size
 * @param l2Weight      α: weight of the squared L2 gradient distance added to the cosine distance
 * @param normWeight    β: weight of the embedding-norm regulariser
 * @param discreteEvery Adam steps between two discrete steps
 * @param proposals     reorderings tried per window in a discrete step
 * @param priorWeight   λ: weight of the language-model prior (mean negative log-likelihood per token) against
 *                      the gradient distance when ranking reorderings
 * @param inits         random starts drawn, of which the one with the smallest gradient distance is optimised
 */
public record LampOptions(
        int iterations,
        double learningRate,
        double l2Weight,
        double normWeight,
        int discreteEvery,
        int proposals,
        double priorWeight,
        int inits) {
    public LampOptions {
        if (iterations < 1 || iterations > 1_000_000) {
            throw new IllegalArgumentException("attack.iterations must be in [1, 1000000], got " + iterations);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("attack.lr must be finite and > 0, got " + learningRate);
        }
        if (!(l2Weight >= 0) || Double.isInfinite(l2Weight)) {
            throw new IllegalArgumentException("lamp.l2 must be finite and >= 0, got " + l2Weight);
        }
        if (!(normWeight >= 0) || Double.isInfinite(normWeight)) {
            throw new IllegalArgumentException("lamp.norm must be finite and >= 0, got " + normWeight);
        }
        if (discreteEvery < 1) {
            throw new IllegalArgumentException("lamp.discrete-every must be >= 1, got " + discreteEvery);
        }
        if (proposals < 0) {
            throw new IllegalArgumentException("lamp.proposals must be >= 0, got " + proposals);
        }
        if (inits < 1) {
            throw new IllegalArgumentException("lamp.inits must be >= 1, got " + inits);
        }
        if (!(priorWeight >= 0) || Double.isInfinite(priorWeight)) {
            throw new IllegalArgumentException("lamp.prior must be finite and >= 0, got " + priorWeight);
        }
    }
}
