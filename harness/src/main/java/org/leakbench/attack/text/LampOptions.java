package org.leakbench.attack.text;

import java.util.Locale;

/**
 * Settings of LAMP (Balunović et al. 2022).
 *
 * @param iterations    Adam steps on the embeddings in all
 * @param learningRate  Adam's step size
 * @param loss          the gradient distance: the paper's LAMP_cos or LAMP_{L2+L1}
 * @param l2Weight      weight of the squared L2 gradient distance added to the cosine distance (cos only)
 * @param l1Weight      α: weight of the L1 gradient distance added to the squared L2 one (l2l1 only)
 * @param normWeight    β: weight of the embedding-norm regulariser
 * @param discreteEvery Adam steps between two discrete steps
 * @param discreteFrom  fraction of the iterations run before the first discrete step (the paper's burn-in)
 * @param proposals     reorderings tried per window in a discrete step, besides keeping the current order
 * @param priorWeight   λ: weight of the language-model prior (mean negative log-likelihood per token) against
 *                      the gradient distance when ranking reorderings
 * @param inits         random starts drawn, of which the one with the smallest gradient distance is optimised
 */
public record LampOptions(
        int iterations,
        double learningRate,
        Loss loss,
        double l2Weight,
        double l1Weight,
        double normWeight,
        int discreteEvery,
        double discreteFrom,
        int proposals,
        double priorWeight,
        int inits) {
    /** LAMP's two gradient distances. */
    public enum Loss {
        /** LAMP_cos: the cosine distance, per parameter tensor and averaged (plus an optional L2 term). */
        COS,
        /** LAMP_{L2+L1}: ‖∇ − ∇'‖² + α·‖∇ − ∇'‖₁ over all matched tensors, TAG's distance. */
        L2L1;

        /** The loss a sweep names: "cos" or "l2l1". */
        public static Loss parse(String name) {
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "cos" -> COS;
                case "l2l1" -> L2L1;
                default -> throw new IllegalArgumentException("lamp.loss must be cos or l2l1, got '" + name + "'");
            };
        }
    }

    public LampOptions {
        if (iterations < 1 || iterations > 1_000_000) {
            throw new IllegalArgumentException("attack.iterations must be in [1, 1000000], got " + iterations);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("attack.lr must be finite and > 0, got " + learningRate);
        }
        if (loss == null) {
            throw new IllegalArgumentException("lamp.loss must be given (cos or l2l1)");
        }
        if (!(l2Weight >= 0) || Double.isInfinite(l2Weight)) {
            throw new IllegalArgumentException("lamp.l2 must be finite and >= 0, got " + l2Weight);
        }
        if (!(l1Weight >= 0) || Double.isInfinite(l1Weight)) {
            throw new IllegalArgumentException("lamp.alpha must be finite and >= 0, got " + l1Weight);
        }
        if (!(normWeight >= 0) || Double.isInfinite(normWeight)) {
            throw new IllegalArgumentException("lamp.norm must be finite and >= 0, got " + normWeight);
        }
        if (discreteEvery < 1) {
            throw new IllegalArgumentException("lamp.discrete-every must be >= 1, got " + discreteEvery);
        }
        if (!(discreteFrom >= 0 && discreteFrom <= 1)) {
            throw new IllegalArgumentException("lamp.discrete-from must be in [0, 1], got " + discreteFrom);
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

    /** LAMP_cos with discrete steps from the start, the settings before the loss and burn-in were parameters. */
    public LampOptions(
            int iterations,
            double learningRate,
            double l2Weight,
            double normWeight,
            int discreteEvery,
            int proposals,
            double priorWeight,
            int inits) {
        this(
                iterations,
                learningRate,
                Loss.COS,
                l2Weight,
                0,
                normWeight,
                discreteEvery,
                0,
                proposals,
                priorWeight,
                inits);
    }

    /** The same settings with another gradient distance and its weights. */
    public LampOptions withLoss(Loss newLoss, double newL2Weight, double newL1Weight) {
        return new LampOptions(
                iterations,
                learningRate,
                newLoss,
                newL2Weight,
                newL1Weight,
                normWeight,
                discreteEvery,
                discreteFrom,
                proposals,
                priorWeight,
                inits);
    }

    /** Whether a discrete step follows after {@code done} of the iterations. */
    boolean discreteStepAfter(int done) {
        return proposals > 0 && done < iterations && done >= discreteFrom * iterations;
    }
}
