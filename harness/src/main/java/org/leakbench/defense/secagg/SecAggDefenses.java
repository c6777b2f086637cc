package org.leakbench.defense.secagg;

import static org.leakbench.component.Tier.CHEAP;

import java.util.List;
import org.leakbench.component.Capability;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.ParameterView;
import org.leakbench.defense.DefenseComponent;
import org.leakbench.defense.UpdateDefense;

/**
 * The registered secure-aggregation defenses: the server learns only the sum, which changes what it
 * observes, not the update a client computes.
 */
public final class SecAggDefenses {
    /** What the server is assumed to do. */
    public static final ParameterSpec SECURITY = ParameterSpec.ofEnum(
            "secagg.security",
            CHEAP,
            List.of("semi-honest", "active"),
            "semi-honest",
            "server secagg/secagg+ defend against: semi-honest, or active (signatures, consistency check)");

    private SecAggDefenses() {}

    private static Descriptor.Builder secure(String name, String summary) {
        return Descriptor.of(ComponentKind.DEFENSE, name, summary)
                .parameters(SECURITY)
                .does(Capability.AGGREGATES_SECURELY);
    }

    /** {@code secagg}: pairwise masks over the complete graph of clients. */
    public static final class SecAgg extends DefenseComponent {
        public SecAgg() {
            super(secure("secagg", "secure aggregation: pairwise masks cancel in the sum, the server sees only it")
                    .cites("Bonawitz et al., Practical Secure Aggregation for Privacy-Preserving Machine Learning, "
                            + "CCS 2017")
                    .build());
        }

        @Override
        protected UpdateDefense create(ParameterView own) {
            return UpdateDefense.none(); // the server's view changes, not the update
        }
    }

    /** {@code secagg+}: masks over a sparse random graph of clients. */
    public static final class SecAggPlus extends DefenseComponent {
        public SecAggPlus() {
            super(secure("secagg+", "secure aggregation over a sparse random graph of clients (logarithmic degree)")
                    .cites("Bell, Bonawitz, Gascon, Lepoint, Raykova, Secure Single-Server Aggregation with "
                            + "(Poly)Logarithmic Overhead, CCS 2020")
                    .build());
        }

        @Override
        protected UpdateDefense create(ParameterView own) {
            return UpdateDefense.none(); // the server's view changes, not the update
        }
    }
}
