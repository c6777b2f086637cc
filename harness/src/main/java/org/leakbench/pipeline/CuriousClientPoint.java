package org.leakbench.pipeline;

import java.util.List;
import java.util.Map;
import org.leakbench.attack.Attack;
import org.leakbench.attack.AttackResult;
import org.leakbench.attack.PrivateBatch;
import org.leakbench.component.Capability;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Requirement;
import org.leakbench.data.Dataset;
import org.leakbench.defense.DefenseComponent;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.defense.dp.DpSgdOptions;
import org.leakbench.experiment.CuriousClientExperiment;
import org.leakbench.fl.Aggregator;
import org.leakbench.fl.DistributedDpAggregator;
import org.leakbench.metric.ReconstructionScore;
import org.leakbench.model.Sgd;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;
import org.leakbench.sweep.PointContext;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.tensor.Backend;

/**
 * A point of threat {@code curious-client}: one FedSGD round of {@code fl.clients} clients, each holding
 * {@code batch} test rows (client 0, the curious one, from {@code image} on, then the others), every client
 * applying the defense. The curious client takes the others' aggregate from two successive global models and
 * inverts it; the reconstruction is scored against the others' rows. Secure aggregation does not hide this
 * aggregate, so {@code secagg} changes nothing here (the honest sum is what it reveals); {@code ddp-secagg}'s
 * noise shares are in that sum, so it does.
 */
final class CuriousClientPoint {
    private CuriousClientPoint() {}

    static void run(
            Map<String, Object> m, SweepPoint p, VictimCase c, Backend be, UpdateDefense defense, PointContext ctx) {
        String attackName = p.string("attack");
        if (!runs(ChosenComponents.attack(p))) {
            throw new IllegalArgumentException("attack '" + attackName + "' cannot be run by a curious client; "
                    + "threat curious-client runs " + attacks());
        }
        int others = p.intValue("fl.clients") - 1;
        if (others < 1) {
            throw new IllegalArgumentException(
                    "threat curious-client needs fl.clients >= 2, got " + p.intValue("fl.clients"));
        }
        int rows = p.intValue("batch");
        int first = p.intValue("image");
        Dataset test = c.data().test();
        // What the curious client attacks is the others' rows, so that is what the oracle baseline returns.
        int[] truth = CuriousClientExperiment.othersRows(others, rows, first);
        float[][] images = new float[truth.length][];
        for (int i = 0; i < truth.length; i++) {
            images[i] = test.samples()[truth[i]];
        }
        Attack attack = AttackFactory.create(p, new PrivateBatch(images, Sgd.pick(test.labels(), truth)));
        DefenseComponent chosen = ChosenComponents.defense(p);
        if (chosen.does(Capability.NOISES_AT_SERVER)) {
            throw new IllegalArgumentException("defense dp-fedavg noises the server's sum, which this curious-client "
                    + "experiment does not model; use threat server, or local-dp or dp-sgd here");
        }
        DpSgdOptions dp = chosen.does(Capability.CLIPS_PER_EXAMPLE_IN_CLIENT) ? UtilityRunner.dpSgd(p) : null;
        // distributed DP's noise is in the sum the curious client differences out; its server must add it
        Aggregator aggregator =
                chosen.does(Capability.DISTRIBUTED_DP) ? new DistributedDpAggregator(UtilityRunner.ddp(p)) : null;
        long t0 = System.nanoTime();
        CuriousClientExperiment.Outcome out = new CuriousClientExperiment(c.model(), be, test.samples(), test.labels())
                .run(others, rows, first, attack, defense, dp, aggregator, ctx.seed());
        ctx.checkCancelled();
        m.put(Metric.ATTACK_MS.column(), (System.nanoTime() - t0) / 1e6);
        String status = AttackOutcome.status(out.status()); // a failed attack fails the point
        ReconstructionScore s = out.score();
        if (s != null && AttackResult.OK.equals(status)) {
            m.put(Metric.PSNR.column(), s.meanPsnr());
            m.put(Metric.SSIM.column(), c.model().spec().inputShape().length == 3 ? s.meanSsim() : null);
            m.put(Metric.MSE.column(), s.meanMse());
            double labels = s.labelMultisetAccuracy();
            m.put(Metric.LABEL_ACC.column(), Double.isNaN(labels) ? null : labels);
            m.put(Metric.RECOVERED_FRAC.column(), s.recoveredFraction());
        }
        m.put(ResultColumns.STATUS, AttackOutcome.settle(m, status));
    }

    /** A curious client reconstructs from the others' aggregate; it cannot choose the model (no rtf). */
    static boolean runs(Component attack) {
        return attack.does(Capability.RECONSTRUCTS_INPUTS)
                && !attack.does(Capability.IDENTITY)
                && !attack.needs(Requirement.MALICIOUS_SERVER);
    }

    /** The names of the attacks {@link #runs} accepts. */
    static List<String> attacks() {
        return ChosenComponents.registry().all(ComponentKind.ATTACK).stream()
                .filter(CuriousClientPoint::runs)
                .map(Component::name)
                .toList();
    }
}
