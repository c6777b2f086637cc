package org.leakbench.pipeline;

import java.util.List;
import java.util.Map;
import org.leakbench.attack.Attack;
import org.leakbench.attack.AttackResult;
import org.leakbench.attack.OracleAttack;
import org.leakbench.data.Dataset;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.defense.dp.DpSgdOptions;
import org.leakbench.experiment.CuriousClientExperiment;
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
 * aggregate, so {@code secagg} changes nothing here (the honest sum is what it reveals).
 */
final class CuriousClientPoint {
    /** Attacks a curious client can run (Robbing the Fed needs a malicious server). */
    static final List<String> ATTACKS = List.of("dlg", "idlg", "ig", "analytic", "oracle", "random");

    private CuriousClientPoint() {
    }

    static void run(Map<String, Object> m, SweepPoint p, VictimCase c, Backend be, UpdateDefense defense,
                    PointContext ctx) {
        String attackName = p.string("attack");
        if (!ATTACKS.contains(attackName)) {
            throw new IllegalArgumentException("attack '" + attackName + "' cannot be run by a curious client; "
                    + "threat curious-client runs " + ATTACKS);
        }
        int others = p.intValue("fl.clients") - 1;
        if (others < 1) {
            throw new IllegalArgumentException("threat curious-client needs fl.clients >= 2, got "
                    + p.intValue("fl.clients"));
        }
        int rows = p.intValue("batch");
        int first = p.intValue("image");
        Dataset test = c.data().test();
        Attack attack = AttackFactory.create(p, c);
        if ("oracle".equals(attackName)) {
            int[] truth = CuriousClientExperiment.othersRows(others, rows, first);
            float[][] images = new float[truth.length][];
            for (int i = 0; i < truth.length; i++) {
                images[i] = test.samples()[truth[i]];
            }
            attack = new OracleAttack(images, Sgd.pick(test.labels(), truth));
        }
        if ("dp-fedavg".equals(p.string("defense"))) {
            throw new IllegalArgumentException("defense dp-fedavg noises the server's sum, which this curious-client "
                    + "experiment does not model; use threat server, or local-dp or dp-sgd here");
        }
        DpSgdOptions dp = "dp-sgd".equals(p.string("defense")) ? UtilityRunner.dpSgd(p) : null;
        long t0 = System.nanoTime();
        CuriousClientExperiment.Outcome out = new CuriousClientExperiment(c.model(), be, test.samples(),
                test.labels()).run(others, rows, first, attack, defense, dp, ctx.seed());
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
}
