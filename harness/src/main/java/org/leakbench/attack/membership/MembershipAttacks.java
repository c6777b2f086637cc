package org.leakbench.attack.membership;

import static org.leakbench.attack.membership.MembershipComponent.EPOCHS;
import static org.leakbench.attack.membership.MembershipComponent.MEMBERS;
import static org.leakbench.component.Range.above;
import static org.leakbench.component.Range.atLeast;
import static org.leakbench.component.Range.closed;
import static org.leakbench.component.Tier.CHEAP;

import java.util.List;
import org.leakbench.component.Capability;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Requirement;

/** The registered membership-inference attacks. */
public final class MembershipAttacks {
    /** Online LiRA's shadow models (checked to be even and at least 4 when the attack is built). */
    public static final ParameterSpec LIRA_SHADOWS = ParameterSpec.ofInt(
                    "lira.shadows",
                    CHEAP,
                    atLeast(1),
                    16,
                    "shadow models of online LiRA, each trained on half the candidates")
            .withUnit("models");
    /** Whether online LiRA pools its variances. */
    public static final ParameterSpec LIRA_VARIANCE = ParameterSpec.ofEnum(
            "lira.variance",
            CHEAP,
            List.of("auto", "global", "per-example"),
            "auto",
            "online LiRA's Gaussians: one variance over all candidates (global), one each, or global below 64 shadows");

    public static final ParameterSpec RMIA_GAMMA = ParameterSpec.ofDouble(
                    "rmia.gamma", CHEAP, above(0), 1.0, "RMIA's factor by which x must dominate a population sample z")
            .withUnit("ratio");
    public static final ParameterSpec RMIA_REFERENCES = ParameterSpec.ofInt(
                    "rmia.references", CHEAP, atLeast(1), 4, "RMIA's reference models (an even count)")
            .withUnit("models");
    public static final ParameterSpec RMIA_POPULATION = ParameterSpec.ofInt(
                    "rmia.population", CHEAP, atLeast(1), 100, "population samples z each candidate is compared with")
            .withUnit("rows");
    public static final ParameterSpec RMIA_OFFLINE = ParameterSpec.ofBool(
            "rmia.offline", CHEAP, false, "RMIA uses only the references each candidate was not trained on");
    public static final ParameterSpec RMIA_A = ParameterSpec.ofDouble(
                    "rmia.a", CHEAP, closed(0, 1), 0.3, "offline RMIA's scaling: Pr(x) = ((1+a) Pr_out(x) + 1 - a) / 2")
            .withUnit("weight");

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

    /** {@code lira-online}: per-example IN and OUT Gaussians from shadow models trained on candidate halves. */
    public static final class LiraOnline extends MembershipComponent {
        public LiraOnline() {
            super(membership("lira-online", "online likelihood-ratio attack: IN and OUT Gaussians per example")
                    .cites("Carlini, Chien, Nasr, Song, Terzis, Tramer, Membership Inference Attacks From First "
                            + "Principles, IEEE S&P 2022")
                    .parameters(LIRA_SHADOWS, LIRA_VARIANCE)
                    .does(Capability.TRAINS_SHADOW_MODELS)
                    .build());
        }

        @Override
        protected MembershipAttack create(ParameterView p) {
            int s = p.intValue(LIRA_SHADOWS.name());
            String variance = p.string(LIRA_VARIANCE.name());
            boolean global = variance.equals("auto") ? s < 64 : variance.equals("global");
            return new LiraOnlineAttack(new LiraOnlineOptions(s, global));
        }
    }

    /** {@code rmia}: pairwise likelihood ratios against population samples, with a few reference models. */
    public static final class Rmia extends MembershipComponent {
        public Rmia() {
            super(membership("rmia", "RMIA: fraction of population samples a candidate dominates by a factor gamma")
                    .cites("Zarifzadeh, Liu, Mahmood, Shokri, Low-Cost High-Power Membership Inference Attacks, "
                            + "ICML 2024")
                    .parameters(RMIA_GAMMA, RMIA_REFERENCES, RMIA_POPULATION, RMIA_OFFLINE, RMIA_A)
                    .does(Capability.TRAINS_SHADOW_MODELS)
                    .build());
        }

        @Override
        protected MembershipAttack create(ParameterView p) {
            return new RmiaAttack(new RmiaOptions(
                    p.doubleValue(RMIA_GAMMA.name()),
                    p.intValue(RMIA_REFERENCES.name()),
                    p.intValue(RMIA_POPULATION.name()),
                    p.boolValue(RMIA_OFFLINE.name()),
                    p.doubleValue(RMIA_A.name())));
        }
    }
}
