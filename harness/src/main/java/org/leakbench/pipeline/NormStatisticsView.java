package org.leakbench.pipeline;

import java.util.List;
import org.leakbench.component.Capability;
import org.leakbench.defense.DefenseComponent;
import org.leakbench.model.BatchNormStatistics;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * The victim batch's BatchNorm statistics as the server learns them. An undefended client that sends its
 * updated running statistics with its weights (as a PyTorch state_dict does) discloses them: with momentum m, the
 * batch's mean is (new − (1 − m)·old)/m. Whether an attack may use them is its threat model ({@code
 * attack.bn-stats}). A defense that aggregates (secure aggregation, server-side DP) or adds differential privacy
 * would not send one client's raw statistics, so under those the server learns none.
 */
final class NormStatisticsView {
    private NormStatisticsView() {}

    private static final List<Capability> HIDING = List.of(
            Capability.AGGREGATES_SECURELY,
            Capability.NOISES_AT_SERVER,
            Capability.CLIPS_PER_EXAMPLE_IN_CLIENT,
            Capability.EXAMPLE_LEVEL_DP,
            Capability.LOCAL_DP,
            Capability.CLIENT_LEVEL_DP);

    /** The first capability of {@code defense} that keeps one client's raw statistics from the server, or null. */
    static Capability hidingCapability(DefenseComponent defense) {
        for (Capability hides : HIDING) {
            if (defense.does(hides)) {
                return hides;
            }
        }
        return null;
    }

    /** The batch statistics the server sees of victim {@code c} under {@code defense}, or an empty list. */
    static List<Tensor> disclosed(DefenseComponent defense, VictimCase c, Backend be) {
        if (hidingCapability(defense) != null) {
            return List.of();
        }
        Tensor x = Sgd.batch(
                be,
                DType.F32,
                c.images(),
                PointPipeline.range(c.images().length),
                c.model().spec().inputShape());
        return BatchNormStatistics.of(c.model(), c.params(), x);
    }
}
