package org.leakbench.pipeline;

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
        boolean deprecated = false;
        for (SweepPoint p : sweep.points()) {
            deprecated |= "client-dp".equals(p.string("defense"));
            String attack = p.string("attack");
            if (!AttackFactory.RECONSTRUCTION.contains(attack) && !MembershipPoint.ATTACKS.contains(attack)) {
                throw new IllegalArgumentException("attack '" + attack + "' is not run by sweeps yet (property "
                        + "inference has its own experiment); sweep attacks: " + AttackFactory.RECONSTRUCTION + " and "
                        + MembershipPoint.ATTACKS);
            }
        }
        if (deprecated) {
            System.err.println("warning: " + DefenseFactory.CLIENT_DP_DEPRECATED);
        }
        return new PointPipeline();
    }
}
