package org.leakbench.pipeline;

import org.leakbench.component.Capability;
import org.leakbench.component.Component;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Requirement;
import org.leakbench.defense.DefenseComponent;
import org.leakbench.model.Model;

/**
 * The set-up check of attacks that need BatchNorm layers (GradInversion's batch-norm prior): on a model without
 * them the prior has nothing to match, so the point is refused before the sweep runs rather than run to a number
 * that is Inverting Gradients under another name. With {@code attack.bn-stats: none} the prior is off and any
 * model is accepted.
 *
 * <p>{@code attack.bn-stats: known} is GradInversion's threat model in which the attacker knows the victim
 * batch's own statistics (Yin et al. 2021): here the server learns them because the client sends its updated
 * running statistics with its weights ({@link NormStatisticsView}). A defense that aggregates the updates
 * (secure aggregation: the server sees only a sum over clients) or makes them differentially private (a DP
 * guarantee would not hold if the raw batch statistics left the client beside the noised update) sends no such
 * statistics, so the attacker of that threat model does not exist under it. Such a point is refused rather than
 * run with the threat model restated (as an oracle that knows statistics the server cannot see), because the
 * pipeline gives the attack nothing to read and the run could only end in a failed row; the same attack with
 * {@code attack.bn-stats: running} (the statistics the server itself sends) stays allowed.
 */
final class BatchNormPriorCheck {
    private static final String BN_STATS = "attack.bn-stats";

    private BatchNormPriorCheck() {}

    /** What of {@code p} decides the check, for the set-up check's cache key. */
    static String key(ParameterView p) {
        Component attack = ChosenComponents.attack(p);
        return attack.needs(Requirement.BATCH_NORM) ? p.string(BN_STATS) : "";
    }

    /** Why {@code p}'s attack cannot know the victim batch's statistics under its defense, or null. */
    static String refusal(ParameterView p) {
        Component attack = ChosenComponents.attack(p);
        if (!attack.needs(Requirement.BATCH_NORM) || !"known".equals(p.string(BN_STATS))) {
            return null;
        }
        DefenseComponent defense = ChosenComponents.defense(p);
        Capability hides = NormStatisticsView.hidingCapability(defense);
        if (hides == null) {
            return null;
        }
        String how = hides == Capability.AGGREGATES_SECURELY
                ? "aggregates the updates securely, so the server sees only their sum"
                : "is differentially private, so no client sends its raw batch statistics";
        return "attack " + attack.name() + " with " + BN_STATS + ": known assumes the server learns the victim "
                + "batch's BatchNorm statistics, but defense " + defense.name() + " " + how + "; use "
                + BN_STATS + ": running (the statistics the server sends) or none";
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
