package org.leakbench.attack.membership;

import static org.leakbench.component.Range.closed;
import static org.leakbench.component.Tier.CHEAP;

import org.leakbench.component.Capability;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Requirement;
import org.leakbench.update.Update;

/**
 * {@code mia-update}: the server asks of one client's update whether a record was in its batch
 * ({@link UpdateMembershipAttack}). The update is the point's: FedSGD or FedAvg ({@code fl}), its {@code batch},
 * {@code fl.local-steps} and {@code fl.lr}, under the point's update defense.
 */
public final class UpdateMembershipComponent extends Component {
    public static final ParameterSpec TRIALS = ParameterSpec.ofInt(
                    "mia.update-trials",
                    CHEAP,
                    closed(1, 100_000),
                    100,
                    "client updates the server scores records against")
            .withUnit("updates");
    public static final ParameterSpec CALIBRATION = ParameterSpec.ofInt(
                    "mia.update-calibration",
                    CHEAP,
                    closed(2, 100_000),
                    16,
                    "records per update known to be out of the batch, to calibrate its scores")
            .withUnit("rows");

    public UpdateMembershipComponent() {
        super(Descriptor.of(
                        ComponentKind.ATTACK,
                        UpdateMembershipAttack.NAME,
                        "membership from one client's update: cosine of a record's gradient with the update, "
                                + "calibrated on known non-members")
                .cites("Nasr, Shokri, Houmansadr, Comprehensive Privacy Analysis of Deep Learning, IEEE S&P 2019")
                .parameters(TRIALS, CALIBRATION)
                .requires(Requirement.LABELS)
                .does(Capability.INFERS_MEMBERSHIP)
                .build());
    }

    /** The experiment's settings at the point {@code p}. */
    public UpdateMembershipOptions options(ParameterView p) {
        boolean fedAvg = p.string("fl").equals("fedavg");
        return new UpdateMembershipOptions(
                fedAvg ? Update.Kind.WEIGHT_DIFFERENCE : Update.Kind.GRADIENT,
                p.intValue("batch"),
                fedAvg ? p.intValue("fl.local-steps") : 1,
                p.doubleValue("fl.lr"),
                p.intValue(TRIALS.name()),
                p.intValue(CALIBRATION.name()));
    }
}
