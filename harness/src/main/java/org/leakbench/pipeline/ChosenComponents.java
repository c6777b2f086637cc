package org.leakbench.pipeline;

import org.leakbench.attack.AttackComponent;
import org.leakbench.attack.membership.MembershipComponent;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.ComponentRegistry;
import org.leakbench.component.ParameterView;
import org.leakbench.data.DatasetComponent;
import org.leakbench.defense.DefenseComponent;
import org.leakbench.model.ModelComponent;

/** The registered components a point chooses, looked up by the names in its parameters. */
final class ChosenComponents {
    private ChosenComponents() {}

    static ComponentRegistry registry() {
        return ComponentRegistry.installed();
    }

    static Component attack(ParameterView p) {
        return registry().get(ComponentKind.ATTACK, p.string("attack"));
    }

    static AttackComponent reconstruction(ParameterView p) {
        return registry().get(ComponentKind.ATTACK, p.string("attack"), AttackComponent.class);
    }

    static MembershipComponent membership(ParameterView p) {
        return registry().get(ComponentKind.ATTACK, p.string("attack"), MembershipComponent.class);
    }

    static DefenseComponent defense(ParameterView p) {
        return registry().get(ComponentKind.DEFENSE, p.string("defense"), DefenseComponent.class);
    }

    static ModelComponent model(ParameterView p) {
        return registry().get(ComponentKind.MODEL, p.string("model"), ModelComponent.class);
    }

    static DatasetComponent dataset(ParameterView p) {
        return registry().get(ComponentKind.DATASET, p.string("dataset"), DatasetComponent.class);
    }
}
