package org.leakbench.defense.client;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.leakbench.autodiff.Var;
import org.leakbench.model.ForwardState;

/**
 * What an adaptive attacker does differently because it knows the defense (Balunović, Dimitrov, Jovanović,
 * Vechev, Bayesian Framework for Gradient Leakage, ICLR 2022): it leaves out of the gradient matching the
 * parameters whose gradient the defense perturbs, it passes its candidate batch through the transformation the
 * client applied before the model, so that what it recovers is the client's batch, not the transformed one, and
 * it may search a wider box and decode what it found (InstaHide's sign flips: Carlini et al. 2021 take absolute
 * values), and it may model randomness the defense draws inside the model as unknowns of its own (PRECODE).
 *
 * @param ignoredParameters indices (in the model's parameter order) of the gradients left out of the matching
 * @param inputMap          the client's transformation of a batch [n, ...inputShape], applied to the candidate
 * @param candidateLow      the lower end of the box a box-constrained attack searches (its upper end is 1)
 * @param decode            what the attacker makes of the recovered candidate, one row per sample
 * @param description       what the attacker does, for logs and errors
 * @param latent            the defense's per-step randomness inside the model, which the attacker optimises
 *                          jointly with the batch (PRECODE's ε), or null when there is none
 */
public record DefenseKnowledge(
        Set<Integer> ignoredParameters,
        UnaryOperator<Var> inputMap,
        double candidateLow,
        UnaryOperator<float[][]> decode,
        String description,
        LatentNoise latent) {
    /**
     * Randomness a defense draws inside the model at every step, which the client does not send: the attacker
     * treats it as more unknowns next to the batch, drawn from N(0, 1).
     */
    public interface LatentNoise {
        /** The shape of the noise of a batch of {@code batch} samples. */
        int[] shape(int batch);

        /**
         * The logits of the client's training pass with {@code noise}, and the term the defense adds to the task
         * loss (its β·KL), from which the observed gradient was taken.
         */
        Pass pass(Var input, List<Var> params, ForwardState state, Var noise);

        /** The logits and the defense's term of the training loss. */
        record Pass(Var logits, Var penalty) {}
    }

    /** Knowledge without randomness inside the model. */
    public DefenseKnowledge(
            Set<Integer> ignoredParameters,
            UnaryOperator<Var> inputMap,
            double candidateLow,
            UnaryOperator<float[][]> decode,
            String description) {
        this(ignoredParameters, inputMap, candidateLow, decode, description, null);
    }

    public DefenseKnowledge {
        if (ignoredParameters == null || inputMap == null || decode == null || description == null) {
            throw new IllegalArgumentException(
                    "defense knowledge: parameters, input map, decoder and description must be given");
        }
        if (!(candidateLow < 1) || Double.isInfinite(candidateLow)) {
            throw new IllegalArgumentException(
                    "defense knowledge: the box's lower end must be finite and < 1, got " + candidateLow);
        }
        ignoredParameters = Set.copyOf(ignoredParameters);
    }

    /** Knowledge that only drops the gradients of {@code parameters} (Soteria). */
    public static DefenseKnowledge ignoring(Set<Integer> parameters, String description) {
        return new DefenseKnowledge(parameters, UnaryOperator.identity(), 0, UnaryOperator.identity(), description);
    }

    /** Knowledge that only maps the candidate through the client's transformation (augmentation). */
    public static DefenseKnowledge mapping(UnaryOperator<Var> inputMap, String description) {
        return new DefenseKnowledge(Set.of(), inputMap, 0, UnaryOperator.identity(), description);
    }

    /** Knowledge that only adds the defense's randomness inside the model to the unknowns (PRECODE). */
    public static DefenseKnowledge latent(LatentNoise latent, String description) {
        if (latent == null) {
            throw new IllegalArgumentException("defense knowledge: the latent noise must be given");
        }
        return new DefenseKnowledge(
                Set.of(), UnaryOperator.identity(), 0, UnaryOperator.identity(), description, latent);
    }
}
