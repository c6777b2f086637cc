package org.leakbench.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.leakbench.attack.membership.MembershipResult;
import org.leakbench.attack.membership.UpdateMembershipComponent;
import org.leakbench.attack.membership.UpdateMembershipExperiment;
import org.leakbench.component.Capability;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.ParameterView;
import org.leakbench.data.DataSplit;
import org.leakbench.defense.DefenseComponent;
import org.leakbench.model.Model;
import org.leakbench.model.Models;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;
import org.leakbench.sweep.PointContext;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * A {@code mia-update} point: the server scores records against client updates computed at the global model
 * (the seeded initialisation, or {@code model.init}) on the training rows, each update passed through the
 * point's defense. The row holds the same membership metrics as the model-output attacks; there is no trained
 * model, hence no utility.
 */
final class UpdateMembershipPoint {
    private UpdateMembershipPoint() {}

    static void run(Map<String, Object> m, SweepPoint p, DataSplit data, Backend be, PointContext ctx, ModelInit init)
            throws IOException {
        UpdateMembershipComponent attack = (UpdateMembershipComponent) ChosenComponents.attack(p);
        check(p, attack);
        Model model = Models.build(CaseBuilder.modelSpec(p, data.train()));
        List<Tensor> global = ModelInit.isSet(p)
                ? ctx.shared("model-init", () -> init.load(p, model, be, DType.F32, ctx::recordDataFile))
                        .params()
                : model.initialParameters(be, DType.F32, new SplittableRandom(ctx.seed()));
        long t0 = System.nanoTime();
        MembershipResult r = new UpdateMembershipExperiment(attack.options(p))
                .run(
                        model,
                        global,
                        DType.F32,
                        data.train().samples(),
                        data.train().labels(),
                        DefenseFactory.create(p),
                        ctx.random().split());
        m.put(Metric.ATTACK_MS.column(), (System.nanoTime() - t0) / 1e6);
        m.put(Metric.PARAMS.column(), (double) model.parameterCount());
        RocFiles.putMetrics(m, r);
        m.put(ResultColumns.STATUS, ResultColumns.OK);
        RocFiles.write(ctx.runFolder(), p, r);
    }

    /**
     * Refuses a defense under which the server never sees the client's own update (secure aggregation,
     * distributed DP) or whose noise is added inside local training, which this attack does not simulate
     * (DP-SGD); and settings the attack refuses.
     */
    static void check(ParameterView p, UpdateMembershipComponent attack) {
        DefenseComponent d = ChosenComponents.defense(p);
        if (d.does(Capability.AGGREGATES_SECURELY) || d.does(Capability.DISTRIBUTED_DP)) {
            throw new IllegalArgumentException("attack '" + attack.name() + "' reads one client's update; under "
                    + "defense '" + d.name() + "' the server only sees the sum of the updates");
        }
        if (!d.does(Capability.IDENTITY) && !d.does(Capability.TRANSFORMS_UPDATE)) {
            throw new IllegalArgumentException("attack '" + attack.name() + "' runs under defenses that transform "
                    + "the client's update (" + updateDefenses() + "), not '" + d.name() + "'");
        }
        if (!"server".equals(p.string("threat"))) {
            throw new IllegalArgumentException("attack '" + attack.name() + "' is the server's (set threat: server)");
        }
        attack.options(p);
    }

    private static List<String> updateDefenses() {
        return ChosenComponents.registry().all(ComponentKind.DEFENSE).stream()
                .filter(c -> c.does(Capability.IDENTITY) || c.does(Capability.TRANSFORMS_UPDATE))
                .map(Component::name)
                .toList();
    }
}
