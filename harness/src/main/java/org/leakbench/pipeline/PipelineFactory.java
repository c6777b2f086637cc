package org.leakbench.pipeline;

import java.util.List;
import org.leakbench.sweep.PointExecutor;
import org.leakbench.sweep.PointExecutorFactory;
import org.leakbench.sweep.Sweep;
import org.leakbench.sweep.SweepPoint;

/** Registers {@link PointPipeline} as the executor of the {@code leakbench sweep} command. */
public final class PipelineFactory implements PointExecutorFactory {
    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public PointExecutor create(Sweep sweep) {
        for (SweepPoint p : sweep.points()) {
            String attack = p.string("attack");
            if (!AttackFactory.RECONSTRUCTION.contains(attack) && !MembershipPoint.ATTACKS.contains(attack)) {
                throw new IllegalArgumentException("attack '" + attack + "' is not run by sweeps yet (property "
                        + "inference has its own experiment); sweep attacks: " + AttackFactory.RECONSTRUCTION + " and "
                        + MembershipPoint.ATTACKS);
            }
        }
        for (String warning : deprecations(sweep)) {
            System.err.println("warning: " + warning);
        }
        return new PointPipeline();
    }

    /** What the sweep asks for under a deprecated name, one message each. */
    static List<String> deprecations(Sweep sweep) {
        for (SweepPoint p : sweep.points()) {
            if ("client-dp".equals(p.string("defense"))) {
                return List.of(DefenseFactory.CLIENT_DP_DEPRECATED);
            }
        }
        return List.of();
    }
}
