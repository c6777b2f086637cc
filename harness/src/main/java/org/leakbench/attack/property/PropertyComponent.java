package org.leakbench.attack.property;

import java.util.function.UnaryOperator;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Requirement;

/**
 * {@code property}: passive property inference on FedSGD updates (Melis et al. 2019). It runs in its own
 * experiment ({@link PropertyInferenceExperiment}), not in reconstruction or membership sweeps, so it declares
 * neither of those capabilities and the sweep pipeline refuses it.
 */
public final class PropertyComponent extends Component {
    public PropertyComponent() {
        super(Descriptor.of(
                        ComponentKind.ATTACK,
                        "property",
                        "passive property inference: a classifier on the last "
                                + "layer's gradient tells batches with a property sample from batches without")
                .cites("Melis, Song, De Cristofaro, Shmatikov, Exploiting Unintended Feature Leakage in "
                        + "Collaborative Learning, IEEE S&P 2019")
                .requires(Requirement.LABELS)
                .build());
    }

    /** The attack on victim batches of {@code batch} rows, seeing updates through {@code defense}. */
    public PropertyInferenceAttack create(ParameterView p, UnaryOperator<float[]> defense) {
        return new PropertyInferenceAttack(PropertyInferenceOptions.defaults(p.intValue("batch")), defense);
    }
}
