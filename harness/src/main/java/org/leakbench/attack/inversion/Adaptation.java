package org.leakbench.attack.inversion;

import static org.leakbench.component.Tier.CHEAP;

import java.util.List;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.ComponentRegistry;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.ParameterView;
import org.leakbench.defense.client.BatchDefense;
import org.leakbench.defense.client.BatchDefenseComponent;
import org.leakbench.defense.client.DefenseKnowledge;
import org.leakbench.model.Model;

/**
 * An inversion attack's knowledge of the defense in the chain ({@code attack.adaptive: true}): the attacker knows
 * which defense the client runs and its settings (not its randomness) and adapts the gradient matching to it, as
 * Balunović, Dimitrov, Jovanović and Vechev (Bayesian Framework for Gradient Leakage, ICLR 2022) do to break
 * Soteria and ATS; against PRECODE it also models the defense's randomness, optimising the noise with the batch.
 * Without the switch, or against no such defense, the attack is the naive one. An adaptive attack against a
 * defense that has none is refused with the reason ({@link #refusal}), so a row never claims an adaptation that
 * did not happen.
 */
public final class Adaptation {
    /** The switch, declared by every attack that matches gradients. */
    public static final ParameterSpec ADAPTIVE = ParameterSpec.ofBool(
            "attack.adaptive",
            CHEAP,
            false,
            "adapt the inversion to the defense in the chain (drop the gradients it perturbs, invert through the "
                    + "transformation it applies, optimise the noise it draws in the model); false = the naive attack");

    /** The naive attack: no knowledge used. */
    public static final Adaptation NONE = new Adaptation(null);

    private final BatchDefense defense;

    private Adaptation(BatchDefense defense) {
        this.defense = defense;
    }

    /** The adaptation {@code p} asks for; an error with {@link #refusal}'s reason when it cannot be made. */
    public static Adaptation of(ParameterView p) {
        if (!p.boolValue(ADAPTIVE.name())) {
            return NONE;
        }
        String why = refusal(p);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        return new Adaptation(batchDefense(p).batchDefense(p));
    }

    /** Why {@code p}'s adaptive attack cannot run, or null when it can (or the attack is not adaptive). */
    public static String refusal(ParameterView p) {
        if (!p.boolValue(ADAPTIVE.name())) {
            return null;
        }
        ComponentRegistry registry = ComponentRegistry.installed();
        Component attack = registry.get(ComponentKind.ATTACK, p.string("attack"));
        if (!attack.descriptor().parameters().contains(ADAPTIVE)) {
            return "attack.adaptive: true, but attack " + attack.name() + " has no adaptive variant (adaptive: "
                    + adaptiveAttacks(registry) + ")";
        }
        Component defense = registry.get(ComponentKind.DEFENSE, p.string("defense"));
        if (!(defense instanceof BatchDefenseComponent b)) {
            return "attack.adaptive: true adapts the attack to the defense in the chain, but defense "
                    + defense.name() + " has no adaptive attack to run (defenses with one: "
                    + adaptiveDefenses(registry) + "); set attack.adaptive: false";
        }
        if (!b.hasAdaptiveAttack()) {
            return "attack.adaptive: true, but no adaptive attack is implemented for defense " + b.name() + " ("
                    + b.adaptiveAttack().substring("none:".length()).trim() + ")";
        }
        return null;
    }

    private static BatchDefenseComponent batchDefense(ParameterView p) {
        return ComponentRegistry.installed()
                .get(ComponentKind.DEFENSE, p.string("defense"), BatchDefenseComponent.class);
    }

    private static List<String> adaptiveAttacks(ComponentRegistry registry) {
        return registry.all(ComponentKind.ATTACK).stream()
                .filter(c -> c.descriptor().parameters().contains(ADAPTIVE))
                .map(Component::name)
                .toList();
    }

    private static List<String> adaptiveDefenses(ComponentRegistry registry) {
        return registry.all(ComponentKind.DEFENSE).stream()
                .filter(c -> c instanceof BatchDefenseComponent b && b.hasAdaptiveAttack())
                .map(Component::name)
                .toList();
    }

    /** The attack adapted to {@code defense}, which it knows (for experiments and tests). */
    public static Adaptation forDefense(BatchDefense defense) {
        if (defense == null) {
            throw new IllegalArgumentException("adaptation: the known defense must be given");
        }
        return new Adaptation(defense);
    }

    /** Whether the attack is adapted to a defense. */
    public boolean adaptive() {
        return defense != null;
    }

    /** {@code objective} adapted to the defense on {@code model}; as it is for the naive attack. */
    GradientMatching apply(GradientMatching objective, Model model) {
        if (defense == null) {
            return objective;
        }
        DefenseKnowledge k = defense.knowledge(model)
                .orElseThrow(() -> new IllegalArgumentException("attack.adaptive: defense " + defense.name()
                        + " discloses nothing an attacker can undo on model "
                        + model.spec().family()));
        return objective.adaptedTo(k);
    }
}
