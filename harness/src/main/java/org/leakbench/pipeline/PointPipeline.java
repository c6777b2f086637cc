package org.leakbench.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.leakbench.attack.Attack;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackResult;
import org.leakbench.attack.Observation;
import org.leakbench.attack.analytic.ImprintedModel;
import org.leakbench.attack.analytic.RobbingTheFedAttack;
import org.leakbench.data.DataSplit;
import org.leakbench.data.DataDirectory;
import org.leakbench.data.Datasets;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.fl.Update;
import org.leakbench.metric.ImageGrid;
import org.leakbench.metric.ReconstructionScore;
import org.leakbench.model.Gradients;
import org.leakbench.model.Sgd;
import org.leakbench.sweep.PointContext;
import org.leakbench.sweep.PointExecutor;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * One sweep point, the way the data flows: case → client update → defense → what the server observes →
 * attack → reconstruction → metrics, plus federated training with the same defense for utility, and
 * timers and byte counters for cost. The attack never sees the private batch; only the metrics compare
 * with it, after the attack has finished.
 */
public final class PointPipeline implements PointExecutor {
    /** PSNR above which a sample counts as recovered (recovered_frac). */
    public static final double RECOVERED_PSNR = 30.0;
    /** δ of the (ε, δ) reported for DP defenses. */
    public static final double DELTA = 1e-5;

    private final UtilityCache utilities = new UtilityCache();
    private final BiFunction<SweepPoint, VictimCase, Attack> attacks;

    public PointPipeline() {
        this(AttackFactory::create);
    }

    /** A pipeline whose attacks come from {@code attacks} (tests put misbehaving attacks here). */
    PointPipeline(BiFunction<SweepPoint, VictimCase, Attack> attacks) {
        this.attacks = attacks;
    }

    @Override
    public Map<String, Object> run(SweepPoint p, PointContext ctx) throws Exception {
        Backend be = Backends.get(ctx.backend());
        String dataset = p.string("dataset");
        DataSplit data = ctx.shared("data:" + dataset, () -> Datasets.load(dataset, DataDirectory.get()));
        data.train().fileSha256().forEach(ctx::recordDataFile);
        data.test().fileSha256().forEach(ctx::recordDataFile);
        if (MembershipPoint.ATTACKS.contains(p.string("attack"))) {
            Map<String, Object> mia = new LinkedHashMap<>();
            MembershipPoint.run(mia, p, data, be, ctx);
            return mia;
        }
        VictimCase c = ctx.shared("case", () -> CaseBuilder.build(p, data, be, new SplittableRandom(ctx.seed())));
        SplittableRandom rng = ctx.random();
        String defenseName = p.string("defense");
        double param = p.doubleValue("defense.param");
        UpdateDefense defense = DefenseFactory.create(defenseName, param, p.doubleValue("defense.clip"),
                p.string("dp.noise"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("params", (double) c.model().parameterCount());
        if ("curious-client".equals(p.string("threat"))) {
            CuriousClientPoint.run(m, p, c, be, defense, ctx);
            utility(m, p, c, data, be, defense, ctx);
            return m;
        }

        long t0 = System.nanoTime();
        ServerView view = observe(p, c, data, be, defense, rng.split());
        m.put("defense_ms", (System.nanoTime() - t0) / 1e6);
        m.put("bytes_up", (double) view.bytesUp());
        m.put("bytes_down", 4.0 * view.observation().model().parameterCount());

        String attackName = p.string("attack");
        if (!"none".equals(attackName)) {
            Attack attack = attacks.apply(p, c);
            AttackResult r = attack.run(view.observation(), new AttackContext(rng.split(), ctx::cancelled));
            ctx.checkCancelled();
            m.put("attack_ms", (double) r.millis());
            String status = AttackOutcome.status(r); // a failed attack fails the point
            if (r.samples() != null && AttackResult.OK.equals(status)) {
                score(m, p, c, r, ctx);
            }
            m.put("status", AttackOutcome.settle(m, status));
        }
        utility(m, p, c, data, be, defense, ctx);
        return m;
    }

    /** What the server sees of the victim, after the defense, and what the victim sent. */
    record ServerView(Observation observation, long bytesUp) {
    }

    private ServerView observe(SweepPoint p, VictimCase c, DataSplit data, Backend be, UpdateDefense defense,
                               SplittableRandom rng) {
        var model = c.model();
        List<Tensor> params = c.params();
        List<Tensor> update = c.update();
        if ("rtf".equals(p.string("attack"))) {
            // A malicious server sends an imprinted model; its brightness bins come from data it holds.
            int bins = Math.max(64, 4 * p.intValue("batch"));
            ImprintedModel imprinted = new ImprintedModel(model, bins);
            double[] thresholds = RobbingTheFedAttack.thresholdsFromPublicData(data.train().samples(), bins);
            params = imprinted.parameters(params, thresholds, rng.split());
            Tensor x = Sgd.batch(be, DType.F32, c.images(), range(c.images().length), model.spec().inputShape());
            update = Gradients.of(imprinted, params, x, c.labels()).gradient();
            model = imprinted;
        }
        String defenseName = p.string("defense");
        if ("dp-sgd".equals(defenseName)) {
            update = DpSgdUpdate.of(model, params, c, be, UtilityRunner.dpSgd(p), rng.split());
        }
        Update.Kind kind = c.weightDifference() ? Update.Kind.WEIGHT_DIFFERENCE : Update.Kind.GRADIENT;
        Update u = Update.fromTensors(update, kind, c.localSteps(), c.learningRate());
        int batch = c.images().length;
        Update sent = "dp-sgd".equals(defenseName) ? u : defense.apply(u, rng.split());
        long bytes = defense.bytesSent(u);
        if (defenseName.startsWith("secagg")) {
            SecureView sv = SecureView.aggregate(p, model, params, c, data, be, sent, rng.split());
            sent = sv.mean();
            batch = sv.samples();
            bytes = sv.bytesPerClient();
        } else if ("dp-fedavg".equals(defenseName)) {
            DpFedAvgView dv = DpFedAvgView.aggregate(p, model, params, c, data, be, sent, rng.split());
            sent = dv.mean();
            batch = dv.samples();
        }
        Observation obs = new Observation(model, params, sent.toTensors(be, DType.F32),
                c.weightDifference() ? Observation.Kind.WEIGHT_DIFFERENCE : Observation.Kind.GRADIENT, batch,
                c.localSteps(), c.learningRate());
        return new ServerView(obs, bytes);
    }

    private void score(Map<String, Object> m, SweepPoint p, VictimCase c, AttackResult r, PointContext ctx)
            throws java.io.IOException {
        float[][] recon = org.leakbench.metric.ImageMetrics.clampToUnitRange(r.samples());
        int[] shape = c.model().spec().inputShape();
        boolean image = shape.length == 3;
        int ch = image ? shape[0] : 1;
        int h = image ? shape[1] : 1;
        int w = image ? shape[2] : shape[0];
        ReconstructionScore s = ReconstructionScore.of(c.images(), c.labels(), recon, r.labels(), ch, h, w, 1.0,
                RECOVERED_PSNR);
        m.put("psnr", s.meanPsnr());
        m.put("ssim", image && h >= 7 ? s.meanSsim() : null);
        m.put("mse", s.meanMse());
        m.put("label_acc", Double.isNaN(s.labelMultisetAccuracy()) ? null : s.labelMultisetAccuracy());
        m.put("recovered_frac", s.recoveredFraction());
        if (image && c.images().length <= 16) {
            float[][] aligned = org.leakbench.metric.BatchMatching.align(recon, s.matching());
            Path file = ctx.runFolder().resolve("reconstructions").resolve(p.pointId() + "-s" + p.seed() + ".png");
            ImageGrid.writePng(file, List.of(c.images(), aligned), ch, h, w, 3);
        }
    }

    private void utility(Map<String, Object> m, SweepPoint p, VictimCase c, DataSplit data, Backend be,
                         UpdateDefense defense, PointContext ctx) throws java.io.IOException {
        m.put("accuracy", utilities.accuracy(p,
                () -> UtilityRunner.train(p, data, c.model(), be, defense, ctx.seed()).finalAccuracy()));
        PrivacyAccounting.report(m, p, data, ctx.seed(), DELTA, ctx.runFolder());
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
