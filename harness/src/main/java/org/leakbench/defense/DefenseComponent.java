package org.leakbench.defense;

import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterView;

/**
 * A registered defense: its descriptor and the transformation a client applies to its update. A defense that
 * acts elsewhere (in local training, at the server) says so through its capabilities and returns
 * {@link UpdateDefense#none()} here. To add one, extend this class with a public no-argument constructor and
 * list it in {@code META-INF/services/org.leakbench.component.Component}.
 */
public abstract class DefenseComponent extends Component {
    protected DefenseComponent(Descriptor descriptor) {
        super(descriptor);
        if (descriptor.kind() != ComponentKind.DEFENSE) {
            throw new IllegalArgumentException(descriptor.name() + " is a " + descriptor.kind() + ", not a defense");
        }
    }

    /** The client's update transformation for the point {@code point} ({@code defense.param} and all). */
    public final UpdateDefense build(ParameterView point) {
        return create(view(point));
    }

    /** The transformation, reading parameters under this component's own names ({@code prune.fraction}). */
    protected abstract UpdateDefense create(ParameterView own);
}
