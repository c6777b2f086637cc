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
import org.leakbench.attack.analytic.MaliciousServerAttack;
import org.leakbench.attack.analytic.ServerModel;
import org.leakbench.component.Capability;
import org.leakbench.component.Component;
import org.leakbench.component.Requirement;
import org.leakbench.data.DataDirectory;
import org.leakbench.data.DataSplit;
import org.leakbench.data.DatasetComponent;
import org.leakbench.defense.DefenseComponent;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.defense.client.BatchDefenseComponent;
import org.leakbench.metric.ImageGrid;
import org.leakbench.metric.ReconstructionScore;
import org.leakbench.model.Gradients;
import org.leakbench.model.Sgd;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;
import org.leakbench.results.RunLayout;
import org.leakbench.sweep.PointContext;
import org.leakbench.sweep.PointExecutor;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;
import org.leakbench.update.Update;

/**
 * One sweep point, the way the data flows: case → client update → defense → what the server observes →
 * attack → reconstruction → metrics, plus federated training with the same defense for utility, and
 * timers and byte counters for cost. The attack never sees the private batch; only the metrics compare
 * with it, after the attack has finished. A reconstruction point repeats the case-to-metrics part for each of
 * its {@code victims} ({@link VictimDraw}); the row holds their aggregates ({@link VictimStats}) and
 * {@link VictimLog} keeps each victim.
 */
public final class PointPipeline implements PointExecutor {
    /** PSNR above which a sample counts as recovered (recovered_frac). */
    public static final double RECOVERED_PSNR = 30.0;
    /** δ of the (ε, δ) reported for DP defenses. */
    public static final double DELTA = 1e-5;

    private final UtilityCache utilities = new UtilityCache();
    private final BiFunction<SweepPoint, VictimCase, Attack> attacks;
    private final ModelInit init;

    public PointPipeline() {
        this(AttackFactory::create);
    }

    /** A pipeline whose attacks come from {@code attacks} (tests put misbehaving attacks here). */
    PointPipeline(BiFunction<SweepPoint, VictimCase, Attack> attacks) {
        this(attacks, ModelInit.unchecked());
    }

    /** A pipeline whose {@code model.init} files were checked before the sweep ({@link ModelInit#check}). */
    PointPipeline(ModelInit init) {
        this(AttackFactory::create, init);
    }

    private PointPipeline(BiFunction<SweepPoint, VictimCase, Attack> attacks, ModelInit init) {
        this.attacks = attacks;
        this.init = init;
    }

    @Override
    public Map<String, Object> run(SweepPoint p, PointContext ctx) throws Exception {
        Backend be = Backends.get(ctx.backend());
        if (ChosenComponents.attack(p).does(Capability.AUDITS_DP)) { // canaries only: no data, no training
            Map<String, Object> audit = new LinkedHashMap<>();
            AuditPoint.run(audit, p, be, ctx);
            return audit;
        }
        DatasetComponent dataset = ChosenComponents.dataset(p);
        DataRequirements.check(p);
        ThreatCheck.check(p);
        org.leakbench.data.ImageShape shape = DataShapes.of(p);
        DataSplit data = ctx.shared(
                "data:" + dataset.loadKey(p) + shape, () -> shape.apply(dataset.load(DataDirectory.get(), p)));
        try {
            return run(p, ctx, be, data);
        } finally {
            // after the point: the files it read, a training set that stayed undecoded left out (Dataset)
            data.train().readFileSha256().forEach(ctx::recordDataFile);
            data.test().readFileSha256().forEach(ctx::recordDataFile);
        }
    }

    private Map<String, Object> run(SweepPoint p, PointContext ctx, Backend be, DataSplit data) throws Exception {
        Component attackComponent = ChosenComponents.attack(p);
        if (attackComponent.does(Capability.INFERS_MEMBERSHIP)) {
            if (p.intValue("victims") > 1) {
                throw new IllegalArgumentException("victims " + p.intValue("victims") + ": membership inference "
                        + "scores its own member and non-member rows (set victims: 1)");
            }
            Map<String, Object> mia = new LinkedHashMap<>();
            MembershipPoint.run(mia, p, data, be, ctx, init);
            return mia;
        }
        int victims = p.intValue("victims");
        if (victims > 1 && "curious-client".equals(p.string("threat"))) {
            throw new IllegalArgumentException(
                    "victims " + victims + ": a curious-client point attacks one victim " + "(set victims: 1)");
        }
        // Keyed by the built spec: a defense that extends the model (PRECODE) shares no start with one that does not.
        CaseBuilder.Start start = ctx.shared(
                "model:" + CaseBuilder.modelSpec(p, data.train()).label(),
                () -> CaseBuilder.start(p, data, be, new SplittableRandom(ctx.seed()), init, ctx::recordDataFile));
        TokenSamples.checkAttack(attackComponent, p, ChosenComponents.dataset(p), data.test(), start.model());
        VictimCase c = victimCase(p, data, be, start, victims, 0, ctx);
        SplittableRandom rng = ctx.random();
        UpdateDefense defense = DefenseFactory.create(p);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Metric.PARAMS.column(), (double) c.model().parameterCount());
        if ("curious-client".equals(p.string("threat"))) {
            CuriousClientPoint.run(m, p, c, be, defense, ctx);
            utility(m, p, c, data, be, defense, ctx);
            return m;
        }

        boolean noAttack = attackComponent.does(Capability.IDENTITY);
        List<VictimScore> scores = new ArrayList<>();
        String unscored = null;
        double defenseMs = 0;
        double attackMs = 0;
        // Without an attack only the cost of the defense is measured: one victim is enough.
        int attacked = noAttack ? 1 : victims;
        for (int v = 0; v < attacked; v++) {
            VictimCase cv = v == 0 ? c : victimCase(p, data, be, start, victims, v, ctx);
            Attack attack = noAttack ? null : attacks.apply(p, cv);
            long t0 = System.nanoTime();
            ServerView view = observe(p, cv, data, be, defense, rng.split(), start.buffers(), attack);
            defenseMs += (System.nanoTime() - t0) / 1e6;
            if (v == 0 && view.ddp() != null) {
                m.put(Metric.BITS_PER_COORD.column(), view.ddp().bitsPerCoordinate());
                m.put(Metric.ENCODE_MS.column(), view.ddp().encodeMillis());
            }
            if (v == 0) {
                m.put(Metric.BYTES_UP.column(), (double) view.bytesUp());
                m.put(
                        Metric.BYTES_DOWN.column(),
                        4.0 * view.observation().model().parameterCount());
            }
            if (v == 0 && attack instanceof MaliciousServerAttack malicious) {
                double expected = malicious.expectedRecoveredFraction(cv.images().length);
                if (!Double.isNaN(expected)) {
                    m.put(Metric.RECOVERED_EXPECTED.column(), expected); // the closed form next to the measurement
                }
            }
            if (!noAttack) {
                AttackResult r = attack.run(view.observation(), new AttackContext(rng.split(), ctx::cancelled));
                ctx.checkCancelled();
                attackMs += r.millis();
                String status = victimStatus(r, v, victims); // a failed or stopped attack fails the point
                int[] indices = victimIndices(p, data, victims, v, ctx.seed());
                if (r.samples() == null && r.labels() != null && AttackResult.OK.equals(status)) {
                    scores.add(VictimScore.labelsOnly(v, indices, cv.labels(), r)); // label recovery (LLG)
                } else if (r.samples() != null && AttackResult.OK.equals(status)) {
                    scores.add(score(p, cv, r, v, status, ctx, indices).checkedFinite());
                } else if (r.samples() != null) {
                    scores.add(VictimScore.diverged(v, indices, (double) r.millis()));
                } else if (!AttackResult.OK.equals(status) || unscored == null) {
                    unscored = status; // nothing to score: the row says whether any victim's attack diverged
                }
            }
        }
        m.put(Metric.DEFENSE_MS.column(), defenseMs / attacked);
        if (!noAttack) {
            m.put(Metric.ATTACK_MS.column(), attackMs / attacked);
            String status = unscored == null ? AttackResult.OK : unscored;
            if (!scores.isEmpty()) {
                status = VictimStats.aggregate(scores, p.doubleValue("success.psnr"), p.doubleValue("success.ssim"), m);
            }
            m.put(ResultColumns.STATUS, AttackOutcome.settle(m, status));
        }
        utility(m, p, c, data, be, defense, ctx);
        if (!scores.isEmpty()) {
            // Last, so that a point that fails anywhere leaves no victims behind.
            VictimLog.append(ctx.runFolder(), p.pointId(), p.seed(), scores);
        }
        return m;
    }

    /** {@link AttackOutcome#status(AttackResult)}, naming the victim when a point attacks several. */
    private static String victimStatus(AttackResult r, int v, int victims) {
        try {
            return AttackOutcome.status(r);
        } catch (IllegalStateException e) {
            throw victims > 1 ? new IllegalStateException(e.getMessage() + " (victim " + v + ")", e) : e;
        }
    }

    private static VictimCase victimCase(
            SweepPoint p, DataSplit data, Backend be, CaseBuilder.Start start, int victims, int v, PointContext ctx) {
        return ctx.shared(
                start.model().spec().label() + "|" + VictimDraw.key(victims, v),
                () -> CaseBuilder.build(p, data, be, start, victimIndices(p, data, victims, v, ctx.seed())));
    }

    private static int[] victimIndices(SweepPoint p, DataSplit data, int victims, int v, long seed) {
        return VictimDraw.indices(data.test(), p.intValue("batch"), p.intValue("image"), victims, v, seed);
    }

    /** What the server sees of the victim, after the defense, and what the victim sent (ddp: its encoding). */
    record ServerView(Observation observation, long bytesUp, DistributedDpView ddp) {}

    private ServerView observe(
            SweepPoint p,
            VictimCase c,
            DataSplit data,
            Backend be,
            UpdateDefense defense,
            SplittableRandom rng,
            List<Tensor> runningStatistics,
            Attack attack) {
        var model = c.model();
        List<Tensor> params = c.params();
        List<Tensor> update = c.update();
        if (ChosenComponents.attack(p).needs(Requirement.MALICIOUS_SERVER)) {
            // A malicious server sends a model of its making, calibrated on data it holds (the training split).
            if (!(attack instanceof MaliciousServerAttack malicious)) {
                throw new IllegalStateException("attack '" + p.string("attack") + "' needs a malicious server but "
                        + "does not say what the server sends");
            }
            ServerModel sentModel =
                    malicious.modelToSend(model, params, data.train().samples(), c.images().length, rng.split());
            model = sentModel.model();
            params = sentModel.params();
            Tensor x = Sgd.batch(
                    be,
                    DType.F32,
                    c.images(),
                    range(c.images().length),
                    model.spec().inputShape());
            update = Gradients.of(model, params, x, c.labels()).gradient();
        }
        DefenseComponent chosen = ChosenComponents.defense(p);
        boolean inTraining = chosen.does(Capability.CLIPS_PER_EXAMPLE_IN_CLIENT);
        if (inTraining) {
            update = DpSgdUpdate.of(model, params, c, be, UtilityRunner.dpSgd(p), rng.split());
        }
        if (chosen instanceof BatchDefenseComponent batchDefense) { // Soteria, ATS, MixUp, InstaHide, PRECODE
            update = BatchDefenseUpdate.of(model, params, c, be, batchDefense.batchDefense(p), rng.split());
        }
        Update.Kind kind = c.weightDifference() ? Update.Kind.WEIGHT_DIFFERENCE : Update.Kind.GRADIENT;
        Update u = Update.fromTensors(update, kind, c.localSteps(), c.learningRate());
        int batch = c.images().length;
        Update sent = inTraining ? u : defense.apply(u, rng.split());
        long bytes = defense.bytesSent(u);
        if (chosen.does(Capability.DISTRIBUTED_DP)) {
            DistributedDpView dv = DistributedDpView.aggregate(p, model, params, c, data, be, sent, rng.split());
            Observation o = observation(dv.mean(), model, params, c, be, dv.samples());
            return new ServerView(withNormStatistics(o, c, chosen, be, runningStatistics), dv.bytesPerClient(), dv);
        }
        if (chosen.does(Capability.AGGREGATES_SECURELY)) {
            SecureView sv = SecureView.aggregate(p, model, params, c, data, be, sent, rng.split());
            sent = sv.mean();
            batch = sv.samples();
            bytes = sv.bytesPerClient();
        } else if (chosen.does(Capability.NOISES_AT_SERVER)) {
            DpFedAvgView dv = DpFedAvgView.aggregate(p, model, params, c, data, be, sent, rng.split());
            sent = dv.mean();
            batch = dv.samples();
        }
        Observation o = observation(sent, model, params, c, be, batch);
        return new ServerView(withNormStatistics(o, c, chosen, be, runningStatistics), bytes, null);
    }

    /** On the victim's own BatchNorm model the server also holds the running statistics, and what it sees of the batch's. */
    private static Observation withNormStatistics(
            Observation obs, VictimCase c, DefenseComponent chosen, Backend be, List<Tensor> runningStatistics) {
        if (!obs.model().bufferShapes().isEmpty() && obs.model() == c.model()) {
            return obs.withBatchNormStatistics(runningStatistics, NormStatisticsView.disclosed(chosen, c, be));
        }
        return obs;
    }

    private static Observation observation(
            Update sent, org.leakbench.model.Model model, List<Tensor> params, VictimCase c, Backend be, int batch) {
        return new Observation(
                model,
                params,
                sent.toTensors(be, DType.F32),
                c.weightDifference() ? Observation.Kind.WEIGHT_DIFFERENCE : Observation.Kind.GRADIENT,
                batch,
                c.localSteps(),
                c.learningRate());
    }

    private VictimScore score(
            SweepPoint p, VictimCase c, AttackResult r, int victim, String status, PointContext ctx, int[] indices)
            throws java.io.IOException {
        if (TokenSamples.are(ChosenComponents.dataset(p), c.data().test(), c.model())) {
            return TokenSamples.score(c, r, victim, status, indices);
        }
        float[][] recon = org.leakbench.metric.ImageMetrics.clampToUnitRange(r.samples());
        int[] shape = c.model().spec().inputShape();
        boolean image = shape.length == 3;
        int ch = image ? shape[0] : 1;
        int h = image ? shape[1] : 1;
        int w = image ? shape[2] : shape[0];
        ReconstructionScore s =
                ReconstructionScore.of(c.images(), c.labels(), recon, r.labels(), ch, h, w, 1.0, RECOVERED_PSNR);
        if (victim == 0 && image && c.images().length <= 16) {
            float[][] aligned = org.leakbench.metric.BatchMatching.align(recon, s.matching());
            Path file = ctx.runFolder()
                    .resolve(RunLayout.RECONSTRUCTIONS)
                    .resolve(RunLayout.reconstruction(p.pointId(), p.seed()));
            ImageGrid.writePng(file, List.of(c.images(), aligned), ch, h, w, 3);
        }
        return new VictimScore(
                victim,
                indices,
                status,
                s.meanPsnr(),
                image && h >= 7 ? s.meanSsim() : Double.NaN,
                s.meanMse(),
                s.labelMultisetAccuracy(),
                s.recoveredFraction(),
                r.millis(),
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN);
    }

    private void utility(
            Map<String, Object> m,
            SweepPoint p,
            VictimCase c,
            DataSplit data,
            Backend be,
            UpdateDefense defense,
            PointContext ctx)
            throws java.io.IOException {
        if (measuresUtility(p)) {
            UtilityCache.Outcome outcome = utilities.outcome(p, () -> {
                UtilityRunner.Trained t = UtilityRunner.trainMeasured(
                        p, data, c.model(), be, defense, ctx.seed(), ModelInit.isSet(p) ? c.params() : null);
                return new UtilityCache.Outcome(t.history().finalScore(), t.clip());
            });
            UtilityMetrics.put(m, outcome.score(), ChosenComponents.dataset(p).does(Capability.TOKEN_SAMPLES));
            outcome.clip().put(m);
        }
        PrivacyAccounting.report(m, p, data, ctx.seed(), DELTA, ctx.runFolder());
    }

    /** {@code fl.rounds: 0} asks for the attack alone: no training, no accuracy in the row. */
    static boolean measuresUtility(SweepPoint p) {
        return p.intValue("fl.rounds") > 0;
    }

    static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
