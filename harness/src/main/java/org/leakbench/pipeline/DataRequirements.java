package org.leakbench.pipeline;

import org.leakbench.component.Capability;
import org.leakbench.component.Component;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Requirement;
import org.leakbench.data.DatasetComponent;
import org.leakbench.model.ModelSpec;

/**
 * Refuses, before any data is loaded, a point whose components cannot run on its data set: a model that needs
 * image samples on a data set that does not claim {@link Capability#IMAGE_SAMPLES}, a text attack on a data
 * set without token samples, or an attack that reads self-attention on a model without it. Which reconstruction attacks may run on token windows depends on the model's input
 * as well, and is checked when the point has built it ({@link TokenSamples}).
 */
final class DataRequirements {
    private DataRequirements() {}

    static void check(ParameterView p) {
        DatasetComponent data = ChosenComponents.dataset(p);
        Component model = ChosenComponents.model(p);
        if (model.needs(Requirement.IMAGE_DATA) && !data.does(Capability.IMAGE_SAMPLES)) {
            throw new IllegalArgumentException(
                    "model '" + model.name() + "' needs " + Requirement.IMAGE_DATA.text() + "; dataset '" + data.name()
                            + "' has none (" + data.descriptor().summary() + ")");
        }
        Component attack = ChosenComponents.attack(p);
        if (attack.needs(Requirement.SELF_ATTENTION) && !model.name().equals(ModelSpec.TRANSFORMER)) {
            throw new IllegalArgumentException("attack '" + attack.name() + "' needs "
                    + Requirement.SELF_ATTENTION.text() + "; model '" + model.name() + "' has none (set model: "
                    + ModelSpec.TRANSFORMER + ")");
        }
        if (attack.needs(Requirement.TOKEN_DATA) && !data.does(Capability.TOKEN_SAMPLES)) {
            throw new IllegalArgumentException(
                    "attack '" + attack.name() + "' needs " + Requirement.TOKEN_DATA.text() + "; dataset '"
                            + data.name() + "' has none (" + data.descriptor().summary() + ")");
        }
    }
}
