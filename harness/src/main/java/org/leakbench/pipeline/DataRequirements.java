package org.leakbench.pipeline;

import org.leakbench.component.Capability;
import org.leakbench.component.Component;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Requirement;
import org.leakbench.data.DatasetComponent;

/**
 * Refuses, before any data is loaded, a point whose components cannot run on its data set: a model that needs
 * image samples on a data set that does not claim {@link Capability#IMAGE_SAMPLES}, or a reconstruction attack
 * on token ids (its reconstructions are scored as pixel values in [0, 1], by PSNR and SSIM, which says nothing
 * about recovered text).
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
        if (data.does(Capability.TOKEN_SAMPLES)
                && attack.does(Capability.RECONSTRUCTS_INPUTS)
                && !attack.does(Capability.IDENTITY)) {
            throw new IllegalArgumentException("attack '" + attack.name() + "' reconstructs inputs and is scored on"
                    + " pixel values (PSNR, SSIM); dataset '" + data.name() + "' holds token ids: use attack 'none'"
                    + " (utility only) or a membership-inference attack");
        }
    }
}
