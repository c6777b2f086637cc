package org.leakbench.attack.analytic;

import static org.leakbench.component.Range.atLeast;
import static org.leakbench.component.Tier.CHEAP;

import org.leakbench.attack.Attack;
import org.leakbench.attack.AttackComponent;
import org.leakbench.attack.PrivateBatch;
import org.leakbench.component.Capability;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Range;
import org.leakbench.component.Requirement;

/**
 * The registered closed-form attacks: recovery from a linear first layer, and the malicious servers that read many
 * samples of a large batch off one update: Robbing the Fed, trap weights and class fishing.
 */
public final class AnalyticAttacks {
    /** Bins of the Robbing-the-Fed imprint; 0 keeps the width it had before it was a parameter. */
    public static final ParameterSpec RTF_BINS = ParameterSpec.ofInt(
                    "rtf.bins", CHEAP, atLeast(0), 0, "imprint bins of rtf: 0 = four per sample, at least 64")
            .withUnit("bins");
    /** How often a trap row fires; 0 picks 1/batch, where a row most often fires for one sample alone. */
    public static final ParameterSpec TRAP_RATE = ParameterSpec.ofDouble(
                    "trap.rate",
                    CHEAP,
                    new Range(0, true, 1, false),
                    0.0,
                    "share of inputs each trap-weights row fires for: 0 = 1/batch")
            .withUnit("share of inputs");
    /** The class whose samples a fishing server isolates. */
    public static final ParameterSpec FISHING_CLASS = ParameterSpec.ofInt(
                    "fishing.class", CHEAP, atLeast(0), 0, "class whose samples a fishing server isolates")
            .withUnit("class index");

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
                    .parameters(RTF_BINS)
                    .requires(Requirement.MALICIOUS_SERVER)
                    .does(Capability.RECONSTRUCTS_INPUTS)
                    .build());
        }

        @Override
        protected Attack create(ParameterView p, PrivateBatch truth) {
            return new RobbingTheFedAttack(p.intValue(RTF_BINS.name()));
        }
    }

    /** {@code trap-weights}: the server sends first-layer rows that each fire for few inputs. */
    public static final class TrapWeightsServer extends AttackComponent {
        public TrapWeightsServer() {
            super(Descriptor.of(
                            ComponentKind.ATTACK,
                            "trap-weights",
                            "trap weights: the server sets the first ReLU layer so each row fires for few inputs, "
                                    + "and reads the samples a row saw alone off its gradient")
                    .cites("Boenisch, Dziedzic, Schuster, Shamsabadi, Shumailov, Papernot, When the Curious Abandon "
                            + "Honesty: Federated Learning Is Not Private, EuroS&P 2023")
                    .parameters(TRAP_RATE)
                    .requires(Requirement.MALICIOUS_SERVER, Requirement.LINEAR_FIRST_LAYER)
                    .does(Capability.RECONSTRUCTS_INPUTS)
                    .build());
        }

        @Override
        protected Attack create(ParameterView p, PrivateBatch truth) {
            return new TrapWeightsAttack(p.doubleValue(TRAP_RATE.name()));
        }
    }

    /** {@code fishing}: the server silences every class but one, so the update is that class's samples'. */
    public static final class FishingServer extends AttackComponent {
        public FishingServer() {
            super(Descriptor.of(
                            ComponentKind.ATTACK,
                            "fishing",
                            "class fishing: the server zeroes the output rows of all classes but one, so the update "
                                    + "below the output is that class's few samples', read off the first layer")
                    .cites("Wen, Geiping, Fowl, Goldblum, Goldstein, Fishing for User Data in Large-Batch Federated "
                            + "Learning via Gradient Magnification, ICML 2022")
                    .parameters(FISHING_CLASS)
                    .requires(Requirement.MALICIOUS_SERVER, Requirement.LINEAR_FIRST_LAYER)
                    .does(Capability.RECONSTRUCTS_INPUTS)
                    .build());
        }

        @Override
        protected Attack create(ParameterView p, PrivateBatch truth) {
            return new FishingAttack(p.intValue(FISHING_CLASS.name()));
        }
    }
}
