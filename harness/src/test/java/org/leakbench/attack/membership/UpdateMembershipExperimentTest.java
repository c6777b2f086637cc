package org.leakbench.attack.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leakbench.data.Standardizer;
import org.leakbench.defense.FlatDefense;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.defense.dp.ClientDpOptions;
import org.leakbench.defense.dp.LocalDp;
import org.leakbench.defense.dp.NoiseSources;
import org.leakbench.metric.RocBootstrap;
import org.leakbench.model.Activation;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Update;

/**
 * Membership from one client's update on Breast Cancer Wisconsin (all 30 features, standardised) with a small
 * MLP at its initialisation, the first round of federated training. A member's gradient is a summand of the
 * update, so at batch 1 the cosine gives it away; the more records share the batch, the weaker each one's
 * share, and local DP's noise (clip to C, add N(0, σ²C²) per coordinate) drowns it: at σ = 1 the bootstrap
 * interval of the AUC holds 0.5.
 */
class UpdateMembershipExperimentTest {
    private static float[][] samples;
    private static int[] labels;
    private static Model model;
    private static List<Tensor> global;

    @BeforeAll
    static void load() {
        BreastCancerCsv.Data d = BreastCancerCsv.load();
        int[] all = new int[d.samples().length];
        java.util.Arrays.setAll(all, i -> i);
        samples = Standardizer.fit(d.samples(), all).transform(d.samples());
        labels = d.labels();
        model = Models.build(ModelSpec.mlp(new int[] {30}, 2, 0.25, 1, Activation.TANH));
        global = model.initialParameters(Backends.get("java"), DType.F32, new SplittableRandom(5));
    }

    private static MembershipResult run(Update.Kind kind, int batch, int steps, UpdateDefense defense) {
        return new UpdateMembershipExperiment(new UpdateMembershipOptions(kind, batch, steps, 0.1, 40, 16))
                .run(model, global, DType.F32, samples, labels, defense, new SplittableRandom(11));
    }

    private static UpdateDefense localDp(double sigma) {
        ClientDpOptions o = new ClientDpOptions(1.0, sigma);
        return new FlatDefense(
                "local-dp", (v, rng) -> new LocalDp(o, NoiseSources.gaussian(NoiseSources.FAST, rng)).privatize(v));
    }

    @Test
    void smallBatchesLeakMembershipAndLargerOnesLess() {
        MembershipResult b1 = run(Update.Kind.GRADIENT, 1, 1, UpdateDefense.none());
        MembershipResult b8 = run(Update.Kind.GRADIENT, 8, 1, UpdateDefense.none());
        MembershipResult b64 = run(Update.Kind.GRADIENT, 64, 1, UpdateDefense.none());
        assertTrue(b1.auc() > 0.95 && b1.tprAt1Pct() > 0.5, "batch 1: " + b1);
        assertTrue(
                b8.bootstrap().auc().low() > 0.6,
                "batch 8 AUC interval " + b8.bootstrap().auc());
        assertTrue(
                b1.auc() > b8.auc() && b8.auc() > b64.auc(),
                "AUC should fall with the batch: " + b1.auc() + ", " + b8.auc() + ", " + b64.auc());
        assertTrue(b64.auc() < 0.6, "batch 64 AUC " + b64.auc());
    }

    @Test
    void fedAvgUpdatesLeakToo() {
        MembershipResult r = run(Update.Kind.WEIGHT_DIFFERENCE, 4, 5, UpdateDefense.none());
        assertTrue(
                r.bootstrap().auc().low() > 0.65,
                "FedAvg, batch 4, 5 local steps: AUC " + r.bootstrap().auc());
    }

    @Test
    void localDpNoisePushesTheAucTowardsHalf() {
        MembershipResult plain = run(Update.Kind.GRADIENT, 4, 1, UpdateDefense.none());
        MembershipResult weak = run(Update.Kind.GRADIENT, 4, 1, localDp(0.1));
        MembershipResult strong = run(Update.Kind.GRADIENT, 4, 1, localDp(1.0));
        assertTrue(
                plain.bootstrap().auc().low() > 0.65,
                "undefended AUC " + plain.bootstrap().auc());
        RocBootstrap.Interval s = strong.bootstrap().auc();
        assertTrue(
                s.low() < 0.5 + 0.02 && 0.5 < s.high() && strong.auc() < 0.6, "σ = 1: AUC " + strong.auc() + " " + s);
        assertTrue(
                plain.auc() >= weak.auc() - 0.02 && weak.auc() > strong.auc() + 0.1,
                "σ 0 / 0.1 / 1: " + plain.auc() + " / " + weak.auc() + " / " + strong.auc());
    }

    @Test
    void tooLittleDataAndBadOptionsAreRefused() {
        UpdateMembershipExperiment big =
                new UpdateMembershipExperiment(new UpdateMembershipOptions(Update.Kind.GRADIENT, 560, 1, 0.1, 1, 16));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> big.run(
                        model, global, DType.F32, samples, labels, UpdateDefense.none(), new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("580 rows") && e.getMessage().contains("569"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> new UpdateMembershipOptions(Update.Kind.GRADIENT, 4, 3, 0.1, 10, 16));
        assertThrows(
                IllegalArgumentException.class,
                () -> new UpdateMembershipOptions(Update.Kind.GRADIENT, 4, 1, 0.1, 10, 1));
        assertEquals(4, new UpdateMembershipOptions(Update.Kind.GRADIENT, 64, 1, 0.1, 10, 16).membersPerTrial());
    }
}
