package org.leakbench.defense.ddp;

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
import org.leakbench.defense.DefenseComponent;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.defense.dp.DpDefenses;
import org.leakbench.defense.secagg.SecAggDefenses;

/** The registered distributed-DP defense {@code ddp-secagg}. */
public final class DdpDefenses {
    /** The ε to reach over the run's rounds, at the δ rows report. */
    public static final ParameterSpec EPSILON = ParameterSpec.ofDouble(
                    "ddp.epsilon",
                    CHEAP,
                    above(0),
                    10.0,
                    "target epsilon over all rounds at delta 1e-5; each client's noise share follows")
            .withUnit("epsilon");
    /** b: bits per coordinate of secure aggregation's modulus. */
    public static final ParameterSpec BITS = ParameterSpec.ofInt(
                    "ddp.bits", CHEAP, closed(2, 32), 16, "bits per coordinate: the sum is taken modulo 2^bits")
            .withUnit("bits");
    /** γ, or 0 to derive it. */
    public static final ParameterSpec GAMMA = ParameterSpec.ofDouble(
                    "ddp.gamma",
                    CHEAP,
                    atLeast(0),
                    0.0,
                    "grid width of the integer encoding; 0 derives it from bits and ddp.k")
            .withUnit("update units");
    /** β of conditional rounding. */
    public static final ParameterSpec BETA = ParameterSpec.ofDouble(
                    "ddp.beta",
                    CHEAP,
                    closed(0, 0.999),
                    Math.exp(-0.5),
                    "conditional rounding slack: re-round until the norm is within the bound that holds w.p. 1 - beta")
            .withUnit("probability");
    /** k of the modular range. */
    public static final ParameterSpec STDDEVS = ParameterSpec.ofDouble(
                    "ddp.k",
                    CHEAP,
                    above(0),
                    4.0,
                    "standard deviations of the sum kept inside the modulus (derives gamma)")
            .withUnit("standard deviations");
    /** Which secure aggregation protocol carries the sum. */
    public static final ParameterSpec PROTOCOL = ParameterSpec.ofEnum(
            "ddp.protocol",
            CHEAP,
            List.of("secagg", "secagg+"),
            "secagg",
            "secure aggregation protocol summing the encodings: secagg (complete graph) or secagg+ (sparse)");

    private DdpDefenses() {}

    /** {@code ddp-secagg}: the distributed discrete Gaussian under secure aggregation. */
    public static final class DdpSecAgg extends DefenseComponent {
        public DdpSecAgg() {
            super(Descriptor.of(
                            ComponentKind.DEFENSE,
                            "ddp-secagg",
                            "distributed DP: clients clip, rotate, round and add discrete Gaussian noise shares; "
                                    + "secure aggregation sums them modulo 2^bits")
                    .cites("Kairouz, Liu, Steinke, The Distributed Discrete Gaussian Mechanism for Federated "
                            + "Learning with Secure Aggregation, ICML 2021")
                    .parameters(BITS, GAMMA, BETA, STDDEVS, PROTOCOL, DpDefenses.NOISE, SecAggDefenses.SECURITY)
                    .main(EPSILON)
                    .clip(DpDefenses.CLIP)
                    .does(Capability.AGGREGATES_SECURELY, Capability.DISTRIBUTED_DP)
                    .build());
        }

        @Override
        protected UpdateDefense create(ParameterView own) {
            return UpdateDefense.none(); // encoded where the updates are aggregated: the noise is in the sum
        }
    }
}
