package org.leakbench.attack;

import org.leakbench.component.Capability;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterView;
import org.leakbench.update.Observation;

/** The registered baselines: no attack, the oracle (ceiling) and the random guess (floor). */
public final class BaselineAttacks {
    private BaselineAttacks() {}

    /** {@code none}: no attack; the point measures only the defense's cost and the utility. */
    public static final class None extends AttackComponent {
        public None() {
            super(Descriptor.of(ComponentKind.ATTACK, "none", "no attack: measure only the defense's cost and utility")
                    .does(Capability.RECONSTRUCTS_INPUTS, Capability.IDENTITY)
                    .build());
        }

        @Override
        protected Attack create(ParameterView p, PrivateBatch truth) {
            return new Attack() {
                @Override
                public String name() {
                    return "none";
                }

                @Override
                public AttackResult run(Observation observation, AttackContext context) {
                    return AttackResult.empty(AttackResult.OK, 0, 0);
                }
            };
        }
    }

    /** {@code oracle}: returns the private batch itself, the ceiling of every metric. */
    public static final class Oracle extends AttackComponent {
        public Oracle() {
            super(Descriptor.of(
                            ComponentKind.ATTACK, "oracle", "returns the private batch: the ceiling of every metric")
                    .does(Capability.RECONSTRUCTS_INPUTS)
                    .build());
        }

        @Override
        protected Attack create(ParameterView p, PrivateBatch truth) {
            return new OracleAttack(truth.images(), truth.labels());
        }
    }

    /** {@code random}: uniform random images and labels, the floor of every metric. */
    public static final class Random extends AttackComponent {
        public Random() {
            super(Descriptor.of(
                            ComponentKind.ATTACK,
                            "random",
                            "uniform random images and labels: the floor of " + "every metric")
                    .does(Capability.RECONSTRUCTS_INPUTS)
                    .build());
        }

        @Override
        protected Attack create(ParameterView p, PrivateBatch truth) {
            return new RandomAttack();
        }
    }
}
