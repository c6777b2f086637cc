package org.leakbench.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.leakbench.attack.membership.MembershipAttack;
import org.leakbench.attack.membership.MembershipComponent;
import org.leakbench.attack.membership.MembershipExperiment;
import org.leakbench.attack.membership.MembershipExperimentOptions;
import org.leakbench.attack.membership.MembershipResult;
import org.leakbench.attack.membership.ShadowPool;
import org.leakbench.attack.membership.TrainingRecipe;
import org.leakbench.attack.membership.UpdateMembershipComponent;
import org.leakbench.component.Capability;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.ParameterView;
import org.leakbench.data.DataSplit;
import org.leakbench.defense.DefenseComponent;
import org.leakbench.defense.dp.DpSampling;
import org.leakbench.defense.dp.DpSgdSchedule;
import org.leakbench.model.HeldOutScore;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.results.Metric;
import org.leakbench.results.ResultColumns;
import org.leakbench.sweep.PointContext;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;

/**
 * A membership-inference point: train the target on {@code mia.members} rows for {@code mia.epochs}
 * epochs (plain SGD, or DP-SGD for a defense that clips per example in the client), then score members against as many held-out rows.
 * The target's accuracy, loss and (on token data) perplexity on those held-out rows are the row's utility.
 * ROC points go to {@code roc.csv} and bootstrap bands to {@code roc_bands.csv} in the run folder for the figures;
 * {@code mia-update} points run as {@link UpdateMembershipPoint}.
 */
final class MembershipPoint {
    private static final int BATCH = 8;

    private MembershipPoint() {}

    static void run(Map<String, Object> m, SweepPoint p, DataSplit data, Backend be, PointContext ctx, ModelInit init)
            throws IOException {
        if (ChosenComponents.attack(p) instanceof UpdateMembershipComponent) {
            UpdateMembershipPoint.run(m, p, data, be, ctx, init);
            return;
        }
        check(p);
        String defense = p.string("defense");
        boolean dpSgd = ChosenComponents.defense(p).does(Capability.CLIPS_PER_EXAMPLE_IN_CLIENT);
        int members = p.intValue("mia.members");
        int epochs = p.intValue("mia.epochs");
        double lr = p.doubleValue("fl.lr");
        TrainingRecipe recipe = TrainingRecipe.sgd(epochs, BATCH, lr);
        double sigma = p.doubleValue("defense.param");
        if (dpSgd) {
            recipe = recipe.withDp(
                    sigma,
                    p.doubleValue("defense.clip"),
                    DpSampling.parse(p.string("dp.sampling")),
                    p.string("dp.noise"));
            // The steps the target's training runs (epochs of ⌈members/batch⌉), at q = batch/members.
            DpSgdSchedule schedule = recipe.dpSchedule(members);
            m.put(
                    Metric.EPSILON.column(),
                    PrivacyAccounting.accountant(p).equals("rdp")
                            ? schedule.epsilon(sigma, PointPipeline.DELTA)
                            : PrivacyAccounting.epsilon(
                                    p, sigma, schedule.sampleRate(), schedule.steps(), PointPipeline.DELTA));
            m.put(Metric.DELTA.column(), PointPipeline.DELTA);
            EpsilonStepsTable.ensure(
                    ctx.runFolder(), sigma, schedule.sampleRate(), schedule.steps(), PointPipeline.DELTA);
            m.put(Metric.EPSILON_APPROX.column(), schedule.poissonApproximate() ? 1.0 : 0.0);
        }
        ModelSpec spec = CaseBuilder.modelSpec(p, data.train());
        if (ModelInit.isSet(p)) { // the target (and LiRA's shadows) start from the file's weights
            Model model = Models.build(spec);
            recipe = recipe.withStart(
                    ctx.shared("model-init", () -> init.load(p, model, be, DType.F32, ctx::recordDataFile))
                            .params());
        }
        MembershipExperimentOptions options =
                new MembershipExperimentOptions(spec, members, members, recipe, false, DType.F32);
        // The loss-threshold and gradient-norm attacks score the same target, so their points share one
        // experiment; LiRA trains its own shadow models and runs alone.
        MembershipComponent attack = ChosenComponents.membership(p);
        boolean alone = attack.does(Capability.TRAINS_SHADOW_MODELS);
        List<MembershipComponent> sharing = alone ? List.of(attack) : sharingTarget();
        List<MembershipAttack> attacks = sharing.stream().map(a -> a.build(p)).toList();
        String target = defense + ":" + sigma + ":" + p.doubleValue("defense.clip") + ":" + p.string("dp.sampling")
                + ":" + p.string("dp.noise");
        String key = "mia:" + (alone ? attack.name() + ownSettings(attack, p) : "basic") + ":" + target;
        // Shadow and reference models depend on the target's training only, not on the attack's knobs: one pool
        // per target serves online LiRA and RMIA at every setting (seeded by the point's seed alone).
        ShadowPool shadows = ctx.shared("mia-shadows:" + target, () -> new ShadowPool(ctx.seed()));
        long t0 = System.nanoTime();
        MembershipExperiment.Outcome out = ctx.shared(
                key,
                () -> new MembershipExperiment(options, be)
                        .withShadowPool(shadows)
                        .run(data.train().samples(), data.train().labels(), attacks, new SplittableRandom(ctx.seed())));
        m.put(Metric.ATTACK_MS.column(), (System.nanoTime() - t0) / 1e6);
        if (out.diverged()) { // the target's training diverged: nothing to attack, no AUC to report
            UtilityMetrics.put(m, new HeldOutScore(out.testAccuracy(), out.testLoss()), tokens(p));
            m.put(ResultColumns.STATUS, ResultColumns.DIVERGED);
            return;
        }
        MembershipResult r = out.results().get(sharing.indexOf(attack));
        RocFiles.putMetrics(m, r);
        UtilityMetrics.put(m, new HeldOutScore(out.testAccuracy(), out.testLoss()), tokens(p));
        m.put(ResultColumns.STATUS, ResultColumns.OK);
        RocFiles.write(ctx.runFolder(), p, r);
    }

    /** The attack's own parameter values, so points that set them differently never share an outcome. */
    private static String ownSettings(MembershipComponent attack, SweepPoint p) {
        StringBuilder sb = new StringBuilder();
        for (ParameterSpec s : attack.descriptor().ownParameters()) {
            sb.append(':').append(s.name()).append('=').append(p.get(s.name()));
        }
        return sb.toString();
    }

    /**
     * Refuses, before anything runs, a point whose target model this point cannot train (a defense that acts
     * on updates leaves the target untrained under it), a point with several victims, and attack settings the
     * attack refuses (too few shadow models for online LiRA, an odd number of RMIA references).
     */
    static void check(ParameterView p) {
        Component attack = ChosenComponents.attack(p);
        if (attack instanceof UpdateMembershipComponent u) {
            UpdateMembershipPoint.check(p, u);
            return;
        }
        DefenseComponent chosen = ChosenComponents.defense(p);
        if (!chosen.does(Capability.CLIPS_PER_EXAMPLE_IN_CLIENT) && !chosen.does(Capability.IDENTITY)) {
            throw new IllegalArgumentException("attack '" + attack.name() + "' scores a target trained with no "
                    + "defense or privately (" + trainingDefenses() + "); under defense '" + p.string("defense")
                    + "' no target is trained (it acts on updates: use attack mia-update)");
        }
        if (p.intValue("victims") > 1) {
            throw new IllegalArgumentException("victims " + p.intValue("victims") + ": membership inference "
                    + "scores its own member and non-member rows (set victims: 1)");
        }
        ChosenComponents.membership(p).build(p);
    }

    private static boolean tokens(SweepPoint p) {
        return ChosenComponents.dataset(p).does(Capability.TOKEN_SAMPLES);
    }

    /** The membership attacks that score one shared target (no shadow models), in registry order. */
    private static List<MembershipComponent> sharingTarget() {
        return ChosenComponents.registry().all(ComponentKind.ATTACK).stream()
                .filter(c -> c instanceof MembershipComponent && !c.does(Capability.TRAINS_SHADOW_MODELS))
                .map(MembershipComponent.class::cast)
                .toList();
    }

    /** Defenses that train the target privately. */
    private static List<String> trainingDefenses() {
        return ChosenComponents.registry().all(ComponentKind.DEFENSE).stream()
                .filter(c -> c.does(Capability.CLIPS_PER_EXAMPLE_IN_CLIENT))
                .map(Component::name)
                .toList();
    }
}
