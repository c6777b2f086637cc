package org.leakbench.pipeline;

import org.leakbench.component.ParameterView;
import org.leakbench.defense.DefenseComponent;
import org.leakbench.defense.UpdateDefense;

/**
 * Builds the transformation a client applies to its update for the registered defense a point names. What
 * {@code defense.param} and {@code defense.clip} mean per defense is in each descriptor ({@code prune.fraction},
 * {@code noise.variance}, {@code dp.sigma}, ...). Defenses that act in local training (dp-sgd) or at the
 * server (dp-fedavg, secagg) leave the update as it is here; their capabilities tell the pipeline where they
 * act.
 */
public final class DefenseFactory {
    private DefenseFactory() {}

    /** The defense of the point {@code p}. */
    public static UpdateDefense create(ParameterView p) {
        DefenseComponent defense = ChosenComponents.defense(p);
        return defense.build(p);
    }
}
