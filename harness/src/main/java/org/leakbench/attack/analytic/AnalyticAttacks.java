package org.leakbench.attack.analytic;

import org.leakbench.attack.Attack;
import org.leakbench.attack.AttackComponent;
import org.leakbench.attack.PrivateBatch;
import org.leakbench.component.Capability;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Requirement;

/** The registered closed-form attacks: recovery from a linear first layer, and Robbing the Fed. */
public final class AnalyticAttacks {
    private AnalyticAttacks() {}

    /** {@code analytic}: x = dL/dW / dL/db of a first layer that is linear with a bias. */
    public static final class Analytic extends AttackComponent {
        public Analytic() {
            super(Descriptor.of(
                            ComponentKind.ATTACK,
                            "analytic",
                            "closed-form recovery from the gradient of a " + "linear first layer with a bias")
                    .cites("Phong, Aono, Hayashi, Wang, Moriai, Privacy-Preserving Deep Learning via Additively "
                            + "Homomorphic Encryption, IEEE TIFS 2018")
                    .requires(Requirement.LINEAR_FIRST_LAYER)
                    .does(Capability.RECONSTRUCTS_INPUTS)
                    .build());
        }

        @Override
        protected Attack create(ParameterView p, PrivateBatch truth) {
            return new AnalyticAttack();
        }
    }

    /** {@code rtf}: a malicious server imprints a linear layer whose bins isolate single samples. */
    public static final class RobbingTheFed extends AttackComponent {
        public RobbingTheFed() {
            super(Descriptor.of(
                            ComponentKind.ATTACK,
                            "rtf",
                            "Robbing the Fed: the server sends an imprinted "
                                    + "linear layer binned by brightness and reads samples off its gradient")
                    .cites("Fowl, Geiping, Czaja, Goldblum, Goldstein, Robbing the Fed, ICLR 2022")
                    .requires(Requirement.MALICIOUS_SERVER)
                    .does(Capability.RECONSTRUCTS_INPUTS)
                    .build());
        }

        @Override
        protected Attack create(ParameterView p, PrivateBatch truth) {
            return new RobbingTheFedAttack();
        }
    }
}
