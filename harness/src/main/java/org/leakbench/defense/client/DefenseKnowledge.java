package org.leakbench.defense.client;

import java.util.Set;
import java.util.function.UnaryOperator;
import org.leakbench.autodiff.Var;

/**
 * What an adaptive attacker does differently because it knows the defense (Balunović, Dimitrov, Jovanović,
 * Vechev, Bayesian Framework for Gradient Leakage, ICLR 2022): it leaves out of the gradient matching the
 * parameters whose gradient the defense perturbs, it passes its candidate batch through the transformation the
 * client applied before the model, so that what it recovers is the client's batch, not the transformed one, and
 * it may search a wider box and decode what it found (InstaHide's sign flips: Carlini et al. 2021 take absolute
 * values).
 *
 * @param ignoredParameters indices (in the model's parameter order) of the gradients left out of the matching
 * @param inputMap          the client's transformation of a batch [n, ...inputShape], applied to the candidate
 * @param candidateLow      the lower end of the box a box-constrained attack searches (its upper end is 1)
 * @param decode            what the attacker makes of the recovered candidate, one row per sample
 * @param description       what the attacker does, for logs and errors
 */
public record DefenseKnowledge(
        Set<Integer> ignoredParameters,
        UnaryOperator<Var> inputMap,
        double candidateLow,
        UnaryOperator<float[][]> decode,
        String description) {
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
}
