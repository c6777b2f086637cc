package org.leakbench.pipeline;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.leakbench.component.Alias;
import org.leakbench.component.Capability;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.ComponentRegistry;
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
            Component attack = ChosenComponents.attack(p);
            if (attack.does(Capability.AUDITS_DP)) {
                AuditPoint.level(p); // refuses a defense without a DP guarantee before anything runs
                continue;
            }
            if (!attack.does(Capability.RECONSTRUCTS_INPUTS) && !attack.does(Capability.INFERS_MEMBERSHIP)) {
                throw new IllegalArgumentException("attack '" + p.string("attack") + "' is not run by sweeps yet "
                        + "(it has its own experiment); sweep attacks: " + sweepAttacks());
            }
            DataRequirements.check(p);
            String batchDefense = BatchDefenseCheck.refusal(p);
            if (batchDefense != null) {
                throw new IllegalArgumentException(batchDefense);
            }
            if (attack.does(Capability.INFERS_MEMBERSHIP)) {
                MembershipPoint.check(p); // a target this point cannot train, too few shadow models, ...
            }
            UtilityRunner.checkAdaptiveClip(p);
            for (String refusal : new String[] {SecureAggregationCheck.refusal(p), BatchNormPriorCheck.refusal(p)}) {
                if (refusal != null) {
                    throw new IllegalArgumentException(refusal);
                }
            }
            ThreatCheck.check(p);
        }
        DataShapes.check(sweep.points());
        ModelInit init = ModelInit.check(sweep);
        for (String warning : deprecations(sweep)) {
            System.err.println("warning: " + warning);
        }
        return new PointPipeline(init);
    }

    /** What the sweep asks for under a deprecated name, one message each. */
    static List<String> deprecations(Sweep sweep) {
        Set<String> out = new LinkedHashSet<>();
        ComponentRegistry registry = ChosenComponents.registry();
        for (SweepPoint p : sweep.points()) {
            for (ComponentKind kind : ComponentKind.values()) {
                Object name = p.params().get(kind.parameter());
                if (name != null) {
                    registry.alias(kind, String.valueOf(name))
                            .filter(Alias::deprecated)
                            .ifPresent(a -> out.add(a.deprecation()));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Attacks the pipeline runs: reconstruction, membership inference and DP audits, in registry order. */
    static List<String> sweepAttacks() {
        return ChosenComponents.registry().all(ComponentKind.ATTACK).stream()
                .filter(c -> c.does(Capability.RECONSTRUCTS_INPUTS)
                        || c.does(Capability.INFERS_MEMBERSHIP)
                        || c.does(Capability.AUDITS_DP))
                .map(Component::name)
                .toList();
    }
}
