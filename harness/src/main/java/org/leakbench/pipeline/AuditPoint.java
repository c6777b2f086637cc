package org.leakbench.pipeline;

import java.util.List;
import java.util.Map;
import org.leakbench.attack.audit.AuditOutcome;
import org.leakbench.attack.audit.CanaryAudit;
import org.leakbench.attack.audit.CanaryMechanism;
import org.leakbench.attack.audit.DpAuditComponent;
import org.leakbench.component.Capability;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.defense.DefenseComponent;
import org.leakbench.defense.dp.DpSampling;
import org.leakbench.defense.dp.NoiseSources;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;
import org.leakbench.sweep.PointContext;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.tensor.Backend;

/**
 * A privacy-audit point ({@code attack: dp-audit}): the point's DP defense, at its σ ({@code defense.param}) and
 * C ({@code defense.clip}), audited with canaries; the row holds the accountant's ε for the audited setting next
 * to the audited ε̂ and its confidence. No data set is read and no model trained for utility.
 */
final class AuditPoint {
    private AuditPoint() {}

    static void run(Map<String, Object> m, SweepPoint p, Backend be, PointContext ctx) {
        DpAuditComponent audit =
                ChosenComponents.registry().get(ComponentKind.ATTACK, p.string("attack"), DpAuditComponent.class);
        DpAuditComponent.Plan plan = audit.plan(p);
        CanaryMechanism mechanism = DpAuditComponent.mechanism(
                plan, level(p), p.doubleValue("defense.param"), p.doubleValue("defense.clip"), be);
        long t0 = System.nanoTime();
        AuditOutcome o = CanaryAudit.run(
                mechanism,
                plan.method(),
                plan.runs(),
                plan.canaries(),
                plan.confidence(),
                PointPipeline.DELTA,
                ctx.random());
        m.put(Metric.ATTACK_MS.column(), (System.nanoTime() - t0) / 1e6);
        m.put(Metric.EPSILON.column(), o.accountantEpsilon());
        m.put(Metric.DELTA.column(), PointPipeline.DELTA);
        m.put(Metric.EPSILON_APPROX.column(), 0.0);
        m.put(Metric.EPSILON_AUDIT.column(), o.bound().epsilon());
        m.put(Metric.EPSILON_AUDIT_CONFIDENCE.column(), o.bound().confidence());
        m.put(ResultColumns.STATUS, ResultColumns.OK);
    }

    /** The level of the defense's guarantee, or an error naming the defenses an audit can take. */
    static DpAuditComponent.Level level(SweepPoint p) {
        DefenseComponent d = ChosenComponents.defense(p);
        if (d.does(Capability.EXAMPLE_LEVEL_DP)) {
            if (!DpSampling.POISSON.id().equals(p.string("dp.sampling"))) {
                throw new IllegalArgumentException("dp-audit audits DP-SGD with Poisson sampling, the sampling its "
                        + "accountant analyses; dp.sampling " + p.string("dp.sampling") + " is not audited");
            }
        }
        if (!NoiseSources.FAST.equals(p.string("dp.noise"))) {
            throw new IllegalArgumentException("dp-audit draws its noise with dp.noise fast; dp.noise "
                    + p.string("dp.noise") + " is not audited");
        }
        if (d.does(Capability.EXAMPLE_LEVEL_DP)) {
            return DpAuditComponent.Level.EXAMPLE;
        }
        if (d.does(Capability.CLIENT_LEVEL_DP)) {
            if (!"fixed".equals(p.string("dp.clipping"))) {
                // Adaptive clipping moves C every round from a noisy count and accounts the noise σ_Δ left for
                // the update (Andrew et al. 2021), not σ at a fixed C: the canaries would audit another mechanism.
                throw new IllegalArgumentException("dp-audit audits dp-fedavg at a fixed clipping norm (its σ and "
                        + "dp.clip); dp.clipping " + p.string("dp.clipping") + " is not audited: set dp.clipping "
                        + "fixed");
            }
            return DpAuditComponent.Level.CLIENT;
        }
        if (d.does(Capability.LOCAL_DP)) {
            return DpAuditComponent.Level.LOCAL;
        }
        throw new IllegalArgumentException(
                "dp-audit audits a DP defense (" + String.join(", ", dpDefenses()) + "), not " + p.string("defense"));
    }

    private static List<String> dpDefenses() {
        return ChosenComponents.registry().all(ComponentKind.DEFENSE).stream()
                .filter(c -> c.does(Capability.EXAMPLE_LEVEL_DP)
                        || c.does(Capability.CLIENT_LEVEL_DP)
                        || c.does(Capability.LOCAL_DP))
                .map(Component::name)
                .toList();
    }
}
