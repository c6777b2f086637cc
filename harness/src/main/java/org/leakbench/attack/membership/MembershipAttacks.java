package org.leakbench.attack.membership;

import static org.leakbench.attack.membership.MembershipComponent.EPOCHS;
import static org.leakbench.attack.membership.MembershipComponent.MEMBERS;

import org.leakbench.component.Capability;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Requirement;

/** The registered membership-inference attacks. */
public final class MembershipAttacks {
    private MembershipAttacks() {}

    private static Descriptor.Builder membership(String name, String summary) {
        return Descriptor.of(ComponentKind.ATTACK, name, summary)
                .parameters(MEMBERS, EPOCHS)
                .requires(Requirement.TRAINED_TARGET, Requirement.LABELS)
                .does(Capability.INFERS_MEMBERSHIP);
    }

    /** {@code mia-loss}: members have lower loss. */
    public static final class Loss extends MembershipComponent {
        public Loss() {
            super(membership("mia-loss", "loss threshold: a lower loss on the target means a member")
                    .cites("Yeom, Giacomelli, Fredrikson, Jha, Privacy Risk in Machine Learning, CSF 2018")
                    .build());
        }

        @Override
        protected MembershipAttack create(ParameterView p) {
            return new LossThresholdAttack();
        }
    }

    /** {@code mia-gradnorm}: members have smaller per-sample gradients. */
    public static final class GradientNorm extends MembershipComponent {
        public GradientNorm() {
            super(membership("mia-gradnorm", "gradient norm: a smaller per-sample parameter gradient means a member")
                    .cites("Nasr, Shokri, Houmansadr, Comprehensive Privacy Analysis of Deep Learning, IEEE S&P 2019")
                    .build());
        }

        @Override
        protected MembershipAttack create(ParameterView p) {
            return new GradientNormAttack();
        }
    }

    /** {@code lira}: offline likelihood ratio against 8 shadow models trained without the candidates. */
    public static final class Lira extends MembershipComponent {
        /** Shadow models per target; a few already separate members on small tables (see {@link LiraOptions}). */
        static final int SHADOW_MODELS = 8;

        public Lira() {
            super(membership("lira", "offline likelihood-ratio attack against 8 shadow models")
                    .cites("Carlini, Chien, Nasr, Song, Terzis, Tramer, Membership Inference Attacks From First "
                            + "Principles, IEEE S&P 2022")
                    .does(Capability.TRAINS_SHADOW_MODELS)
                    .build());
        }

        @Override
        protected MembershipAttack create(ParameterView p) {
            return new LiraOfflineAttack(LiraOptions.withShadowModels(SHADOW_MODELS));
        }
    }
}
