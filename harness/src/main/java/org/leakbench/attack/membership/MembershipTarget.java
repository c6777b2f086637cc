package org.leakbench.attack.membership;

import java.util.List;
import java.util.Optional;
import org.leakbench.model.Model;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * What a membership attacker is given: the trained model (architecture and parameters, queried as a white or
 * black box) and, optionally, public knowledge for shadow-model attacks.
 *
 * @param model      the target's architecture
 * @param parameters the target's trained parameters, in {@link Model#parameterShapes()} order
 * @param dtype      precision in which to evaluate (and train shadow models)
 * @param knowledge  the attacker's own population and the target's training recipe, if the threat model grants
 *                   them; empty for attacks that need only the model
 */
public record MembershipTarget(
        Model model, List<Tensor> parameters, DType dtype, Optional<AttackerKnowledge> knowledge) {
    public MembershipTarget {
        if (model == null || parameters == null || dtype == null || knowledge == null) {
            throw new IllegalArgumentException("membership target: model, parameters, dtype and knowledge must be "
                    + "given (use Optional.empty() for no knowledge)");
        }
        if (parameters.size() != model.parameterShapes().size()) {
            throw new IllegalArgumentException("membership target: model "
                    + model.spec().label() + " has " + model.parameterShapes().size() + " parameter tensors but "
                    + parameters.size() + " were given");
        }
        parameters = List.copyOf(parameters);
    }

    /** A target with no public knowledge beyond the model. */
    public static MembershipTarget of(Model model, List<Tensor> parameters, DType dtype) {
        return new MembershipTarget(model, parameters, dtype, Optional.empty());
    }

    public MembershipTarget withKnowledge(AttackerKnowledge k) {
        return new MembershipTarget(model, parameters, dtype, Optional.of(k));
    }

    public Backend backend() {
        return parameters.get(0).backend();
    }

    /** The knowledge a shadow-model attack needs, or a clear error naming the attack. */
    AttackerKnowledge requireKnowledge(String attack) {
        return knowledge.orElseThrow(() -> new IllegalArgumentException(
                attack + " needs attacker knowledge (a population and the training recipe); the target has none"));
    }

    /**
     * The attacker's side information, as in LiRA's threat model: data from the same distribution that is
     * disjoint from the candidates it will score, and the recipe the target was trained with.
     *
     * @param population       attacker-held samples (flattened rows)
     * @param populationLabels their labels
     * @param recipe           the target's training recipe, reused for shadow models
     * @param trainingSetSize  how many rows the target was trained on, so that shadow models are trained on as
     *                         many (Carlini et al. 2022 train every shadow model like the target, on a random
     *                         dataset of the same size); at most the population's size
     * @param shadows          the shadow models of online attacks (trained on halves of the candidates), shared
     *                         by every attack and sweep point of one target; null when each attack trains its own
     */
    public record AttackerKnowledge(
            float[][] population,
            int[] populationLabels,
            TrainingRecipe recipe,
            int trainingSetSize,
            ShadowPool shadows) {
        /** Knowledge without the target's training-set size: shadow models train on half the population. */
        public AttackerKnowledge(float[][] population, int[] populationLabels, TrainingRecipe recipe) {
            this(population, populationLabels, recipe, population == null ? 0 : Math.max(1, population.length / 2));
        }

        /** Knowledge whose online attacks train their own shadow models. */
        public AttackerKnowledge(
                float[][] population, int[] populationLabels, TrainingRecipe recipe, int trainingSetSize) {
            this(population, populationLabels, recipe, trainingSetSize, null);
        }

        /** The same knowledge with the shared shadow models {@code pool}. */
        public AttackerKnowledge withShadows(ShadowPool pool) {
            return new AttackerKnowledge(population, populationLabels, recipe, trainingSetSize, pool);
        }

        /** The shared pool, or a fresh one for this call seeded from {@code rng}. */
        ShadowPool shadowsOr(java.util.SplittableRandom rng) {
            return shadows != null ? shadows : new ShadowPool(rng.nextLong());
        }

        public AttackerKnowledge {
            if (population == null || populationLabels == null || recipe == null) {
                throw new IllegalArgumentException("attacker knowledge: population, labels and recipe must be given");
            }
            if (population.length != populationLabels.length) {
                throw new IllegalArgumentException("attacker knowledge: " + population.length + " samples but "
                        + populationLabels.length + " labels");
            }
            if (population.length < 2) {
                throw new IllegalArgumentException(
                        "attacker knowledge: population needs at least 2 samples, got " + population.length);
            }
            if (trainingSetSize < 1 || trainingSetSize > population.length) {
                throw new IllegalArgumentException("attacker knowledge: the shadow training-set size must be in [1, "
                        + population.length + "] (the population), got " + trainingSetSize);
            }
        }
    }
}
