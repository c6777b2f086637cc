package org.leakbench.attack.text;

import static org.leakbench.attack.AttackParameters.ITERATIONS;
import static org.leakbench.attack.AttackParameters.LR;
import static org.leakbench.component.Range.atLeast;
import static org.leakbench.component.Range.closed;
import static org.leakbench.component.Tier.CHEAP;

import org.leakbench.attack.Attack;
import org.leakbench.attack.AttackComponent;
import org.leakbench.attack.PrivateBatch;
import org.leakbench.component.Capability;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Requirement;

/** The registered text attacks on a transformer: DAGER and LAMP. */
public final class TextAttacks {
    public static final ParameterSpec DAGER_THRESHOLD = ParameterSpec.ofDouble(
                    "dager.threshold",
                    CHEAP,
                    closed(1e-12, 0.5),
                    1e-3,
                    "largest relative distance of a layer input to the gradient's row space that counts as inside")
            .withUnit("relative distance");
    public static final ParameterSpec DAGER_MAX_PREFIXES = ParameterSpec.ofInt(
                    "dager.max-prefixes", CHEAP, atLeast(1), 1000, "candidate prefixes DAGER keeps per position")
            .withUnit("prefixes");
    public static final ParameterSpec LAMP_PRIOR = ParameterSpec.ofDouble(
                    "lamp.prior",
                    CHEAP,
                    atLeast(0),
                    0.2,
                    "weight of the bigram prior's mean negative log-likelihood when LAMP ranks reorderings")
            .withUnit("weight per nat");
    public static final ParameterSpec LAMP_L2 = ParameterSpec.ofDouble(
                    "lamp.l2", CHEAP, atLeast(0), 1.0, "weight of the squared L2 term next to LAMP's cosine distance")
            .withUnit("weight");
    public static final ParameterSpec LAMP_LOSS = ParameterSpec.ofEnum(
            "lamp.loss",
            CHEAP,
            java.util.List.of("cos", "l2l1"),
            "cos",
            "LAMP's gradient distance: cos (per-tensor cosine, plus lamp.l2 times squared L2) or l2l1 (squared L2 "
                    + "plus lamp.alpha times L1)");
    public static final ParameterSpec LAMP_ALPHA = ParameterSpec.ofDouble(
                    "lamp.alpha",
                    CHEAP,
                    atLeast(0),
                    0.01,
                    "weight alpha of the L1 term next to the squared L2 distance when lamp.loss is l2l1")
            .withUnit("weight");
    public static final ParameterSpec LAMP_NORM = ParameterSpec.ofDouble(
                    "lamp.norm", CHEAP, atLeast(0), 1.0, "weight of LAMP's embedding-norm regulariser")
            .withUnit("weight");
    public static final ParameterSpec LAMP_DISCRETE_EVERY = ParameterSpec.ofInt(
                    "lamp.discrete-every", CHEAP, atLeast(1), 75, "Adam steps between two discrete steps of LAMP")
            .withUnit("steps");
    public static final ParameterSpec LAMP_DISCRETE_FROM = ParameterSpec.ofDouble(
                    "lamp.discrete-from",
                    CHEAP,
                    closed(0, 1),
                    0.1,
                    "fraction of LAMP's iterations run before its first discrete step (burn-in)")
            .withUnit("fraction of iterations");
    public static final ParameterSpec LAMP_PROPOSALS = ParameterSpec.ofInt(
                    "lamp.proposals",
                    CHEAP,
                    atLeast(0),
                    199,
                    "reorderings LAMP tries per window in a discrete step, besides keeping the current order")
            .withUnit("reorderings");
    public static final ParameterSpec LAMP_INITS = ParameterSpec.ofInt(
                    "lamp.inits",
                    CHEAP,
                    atLeast(1),
                    10,
                    "random starts LAMP draws, keeping the one whose gradient is closest to the observed one")
            .withUnit("starts");

    private TextAttacks() {}

    /** {@code dager}: exact recovery from the row spans of the first block's gradients. */
    public static final class Dager extends AttackComponent {
        public Dager() {
            super(Descriptor.of(
                            ComponentKind.ATTACK,
                            "dager",
                            "DAGER: tokens whose first-layer input lies in the span of the q/k/v weight "
                                    + "gradient, ordered by growing prefixes tested against the next layer's span; "
                                    + "exact while batch x context < d_model")
                    .cites("Petrov, Dimitrov, Baader, Mueller, Vechev, DAGER: Exact Gradient Inversion for Large "
                            + "Language Models, NeurIPS 2024")
                    .parameters(DAGER_THRESHOLD, DAGER_MAX_PREFIXES)
                    .requires(Requirement.TOKEN_DATA)
                    .requires(Requirement.SELF_ATTENTION)
                    .does(Capability.RECONSTRUCTS_INPUTS)
                    .build());
        }

        @Override
        protected Attack create(ParameterView p, PrivateBatch truth) {
            return new DagerAttack(
                    new DagerOptions(p.doubleValue(DAGER_THRESHOLD.name()), p.intValue(DAGER_MAX_PREFIXES.name())));
        }
    }

    /**
     * {@code lamp}: embedding-space matching alternating with reorderings under a bigram prior fitted on the
     * data set's training part. The defaults are this benchmark's, set on the small transformer: the prior weight
     * 0.2, the norm regulariser's weight 1 and 2000 steps are LAMP's ({@code lamp_cos.sh}); Adam's step 0.05 is
     * in units of the embedding table's standard deviation (LAMP's 0.01 is in BERT's units); the cosine is the
     * paper's L_cos, and the L2 term of weight 1 next to it (the paper's other variant being L2 + L1 alone) is
     * chosen here, where it made the recovery steadier. {@code lamp.loss: l2l1} is the paper's LAMP_{L2+L1} with
     * its α = 0.01 ({@code lamp_l1l2.sh}); the paper pairs it with other prior and regulariser weights (60 and 25
     * in BERT's units), which a sweep sets with {@code lamp.prior} and {@code lamp.norm}. The discrete step runs at
     * the paper's scale: every 75 steps after the first 10 % of them, 200 candidate orders per window (the current
     * one and 199 reorderings).
     */
    public static final class Lamp extends AttackComponent {
        public Lamp() {
            super(Descriptor.of(
                            ComponentKind.ATTACK,
                            "lamp",
                            "LAMP: Adam on token embeddings (cosine or L2+L1 gradient distance, norm regulariser) "
                                    + "alternating with reorderings ranked by gradient distance and a bigram prior")
                    .cites("Balunovic, Dimitrov, Jovanovic, Vechev, LAMP: Extracting Text from Gradients with "
                            + "Language Model Priors, NeurIPS 2022")
                    .parameters(
                            ITERATIONS,
                            LR,
                            LAMP_PRIOR,
                            LAMP_LOSS,
                            LAMP_L2,
                            LAMP_ALPHA,
                            LAMP_NORM,
                            LAMP_DISCRETE_EVERY,
                            LAMP_DISCRETE_FROM,
                            LAMP_PROPOSALS,
                            LAMP_INITS)
                    .defaults(ITERATIONS.name(), 2000)
                    .defaults(LR.name(), 0.05)
                    .requires(Requirement.TOKEN_DATA)
                    .requires(Requirement.SELF_ATTENTION)
                    .does(Capability.RECONSTRUCTS_INPUTS)
                    .build());
        }

        @Override
        protected Attack create(ParameterView p, PrivateBatch truth) {
            LampOptions o = new LampOptions(
                    p.intValue(ITERATIONS.name()),
                    p.doubleValue(LR.name()),
                    LampOptions.Loss.parse(p.string(LAMP_LOSS.name())),
                    p.doubleValue(LAMP_L2.name()),
                    p.doubleValue(LAMP_ALPHA.name()),
                    p.doubleValue(LAMP_NORM.name()),
                    p.intValue(LAMP_DISCRETE_EVERY.name()),
                    p.doubleValue(LAMP_DISCRETE_FROM.name()),
                    p.intValue(LAMP_PROPOSALS.name()),
                    p.doubleValue(LAMP_PRIOR.name()),
                    p.intValue(LAMP_INITS.name()));
            return new LampAttack(o, () -> CorpusPriors.of(p));
        }
    }
}
