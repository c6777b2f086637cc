package org.leakbench.attack.membership;

import static org.leakbench.component.Range.atLeast;
import static org.leakbench.component.Tier.EXPENSIVE;

import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.ParameterView;

/**
 * A registered membership-inference attack: its descriptor and its factory. Attacks that do not train shadow
 * models share one trained target per point group (see the sweep pipeline).
 */
public abstract class MembershipComponent extends Component {
    /** Training rows of the target (and as many held-out rows). */
    public static final ParameterSpec MEMBERS = ParameterSpec.ofInt(
                    "mia.members", EXPENSIVE, atLeast(1), 100, "training rows of a membership-inference target")
            .withUnit("rows");
    /** Training epochs of the target. */
    public static final ParameterSpec EPOCHS = ParameterSpec.ofInt(
                    "mia.epochs", EXPENSIVE, atLeast(1), 100, "training epochs of a membership-inference target")
            .withUnit("epochs");

    protected MembershipComponent(Descriptor descriptor) {
        super(descriptor);
        if (descriptor.kind() != ComponentKind.ATTACK) {
            throw new IllegalArgumentException(descriptor.name() + " is a " + descriptor.kind() + ", not an attack");
        }
    }

    /** The attack with the settings of the point {@code point}. */
    public final MembershipAttack build(ParameterView point) {
        return create(view(point));
    }

    /** The attack, reading parameters under this component's own names. */
    protected abstract MembershipAttack create(ParameterView own);
}
