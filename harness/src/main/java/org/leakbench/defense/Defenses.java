package org.leakbench.defense;

import org.leakbench.component.Capability;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterView;

/** The registered defense {@code none}: the update is sent as it is (the baseline row). */
public final class Defenses {
    private Defenses() {}

    /** {@code none}. */
    public static final class None extends DefenseComponent {
        public None() {
            super(Descriptor.of(ComponentKind.DEFENSE, "none", "no defense: the update is sent as it is")
                    .does(Capability.IDENTITY)
                    .build());
        }

        @Override
        protected UpdateDefense create(ParameterView own) {
            return UpdateDefense.none();
        }
    }
}
