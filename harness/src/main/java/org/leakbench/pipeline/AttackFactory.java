package org.leakbench.pipeline;

import java.util.List;
import org.leakbench.attack.Attack;
import org.leakbench.attack.PrivateBatch;
import org.leakbench.component.Capability;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.sweep.SweepPoint;

/** Builds the registered reconstruction attack a point names ({@code attack} and its options). */
public final class AttackFactory {
    /** Attacks that reconstruct inputs from an update (the pipeline of this package), in registry order. */
    public static final List<String> RECONSTRUCTION = ChosenComponents.registry().all(ComponentKind.ATTACK).stream()
            .filter(c -> c.does(Capability.RECONSTRUCTS_INPUTS))
            .map(Component::name)
            .toList();

    private AttackFactory() {}

    /** The attack of {@code p} on the victim {@code c} (whose private batch only the oracle reads). */
    public static Attack create(SweepPoint p, VictimCase c) {
        return create(p, new PrivateBatch(c.images(), c.labels()));
    }

    /** The attack of {@code p}; {@code truth} is what the oracle baseline returns. */
    static Attack create(SweepPoint p, PrivateBatch truth) {
        Component attack = ChosenComponents.attack(p);
        if (!attack.does(Capability.RECONSTRUCTS_INPUTS)) {
            throw new IllegalArgumentException("attack '" + p.string("attack") + "' does not reconstruct inputs; "
                    + "this pipeline runs " + RECONSTRUCTION);
        }
        return ChosenComponents.reconstruction(p).build(p, truth);
    }
}
