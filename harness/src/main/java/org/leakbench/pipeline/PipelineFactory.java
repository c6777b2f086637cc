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
        for (SweepPoint p : sweep.points()) {
            String attack = p.string("attack");
            if (!AttackFactory.RECONSTRUCTION.contains(attack)) {
                throw new IllegalArgumentException("attack '" + attack + "' is not run by sweeps yet (membership and "
                        + "property inference have their own experiments); sweep attacks: " + AttackFactory.RECONSTRUCTION);
            }
        }
        return new PointPipeline();
    }
}
