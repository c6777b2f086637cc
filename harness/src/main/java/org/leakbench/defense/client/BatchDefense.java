package org.leakbench.defense.client;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.leakbench.model.Model;
import org.leakbench.tensor.Tensor;

/**
 * How a defended client turns one batch into the gradient it uses: the same mean cross-entropy gradient as an
 * undefended client, but of a transformed or mixed batch, or with part of it perturbed. Implementations draw all
 * randomness from {@code rng} and do not modify their inputs.
 */
public interface BatchDefense {
    /**
     * The defended gradient of the batch, one tensor per parameter of {@code model}.
     *
     * @param x      the batch [n, ...inputShape]
     * @param labels its n labels
     */
    List<Tensor> gradient(Model model, List<Tensor> params, Tensor x, int[] labels, SplittableRandom rng);

    /**
     * What an attacker who knows this defense (its settings, not its randomness) can undo on {@code model}; empty
     * when no adaptive attack is claimed for it.
     */
    Optional<DefenseKnowledge> knowledge(Model model);

    /** A short name for result tables, with the main parameter, e.g. "soteria-0.6". */
    String name();
}
