package org.leakbench.attack;

import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterView;

/**
 * A registered attack that reconstructs inputs from an observed update: its descriptor and its factory. To add
 * one, extend this class with a public no-argument constructor and list it in
 * {@code META-INF/services/org.leakbench.component.Component}.
 */
public abstract class AttackComponent extends Component {
    protected AttackComponent(Descriptor descriptor) {
        super(descriptor);
        if (descriptor.kind() != ComponentKind.ATTACK) {
            throw new IllegalArgumentException(descriptor.name() + " is a " + descriptor.kind() + ", not an attack");
        }
    }

    /**
     * The attack with the settings of the point {@code point}.
     *
     * @param truth the victim's private batch; only the oracle baseline may read it
     */
    public final Attack build(ParameterView point, PrivateBatch truth) {
        return create(view(point), truth);
    }

    /** The attack, reading parameters under this component's own names (see {@link Component#view}). */
    protected abstract Attack create(ParameterView own, PrivateBatch truth);
}
