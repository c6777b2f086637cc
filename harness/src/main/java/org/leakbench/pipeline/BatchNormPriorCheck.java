package org.leakbench.pipeline;

import org.leakbench.component.Component;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Requirement;
import org.leakbench.model.Model;

/**
 * The set-up check of attacks that need BatchNorm layers (GradInversion's batch-norm prior): on a model without
 * them the prior has nothing to match, so the point is refused before the sweep runs rather than run to a number
 * that is Inverting Gradients under another name. With {@code attack.bn-stats: none} the prior is off and any
 * model is accepted.
 */
final class BatchNormPriorCheck {
    private static final String BN_STATS = "attack.bn-stats";

    private BatchNormPriorCheck() {}

    /** What of {@code p} decides the check, for the set-up check's cache key. */
    static String key(ParameterView p) {
        Component attack = ChosenComponents.attack(p);
        return attack.needs(Requirement.BATCH_NORM) ? p.string(BN_STATS) : "";
    }

    /** Why {@code p}'s attack cannot run on {@code model}, or null when it can. */
    static String refusal(ParameterView p, Model model) {
        Component attack = ChosenComponents.attack(p);
        if (!attack.needs(Requirement.BATCH_NORM) || "none".equals(p.string(BN_STATS))) {
            return null;
        }
        if (!model.bufferShapes().isEmpty()) {
            return null;
        }
        return "attack " + attack.name() + " matches BatchNorm statistics (" + BN_STATS + ": " + p.string(BN_STATS)
                + "), but model " + ChosenComponents.model(p).name() + " has no BatchNorm layers; use a model with "
                + "model.norm: batch, or set " + BN_STATS + ": none";
    }
}
