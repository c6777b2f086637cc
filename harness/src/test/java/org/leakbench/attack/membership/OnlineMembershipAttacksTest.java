package org.leakbench.attack.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leakbench.model.Activation;
import org.leakbench.model.ModelSpec;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;

/**
 * Online LiRA and RMIA on the overfit Breast Cancer target of {@link BreastCancerMembershipTest} (five weak
 * features, 100 members, 100 non-members, an MLP trained until it fits its members): the characteristic result of
 * both papers is a much higher TPR at low FPR than the loss threshold, which ranks candidates by a loss that
 * varies as much between examples as between members and non-members; the shadow and reference models
 * calibrate each example. With 100 non-members, TPR at 1% FPR is the TPR before the second false positive.
 */
class OnlineMembershipAttacksTest {
    private static float[][] samples;
    private static int[] labels;

    @BeforeAll
    static void load() {
        BreastCancerCsv.Data d = BreastCancerCsv.load();
        int[] f = BreastCancerMembershipTest.WEAK_FEATURES;
        samples = new float[d.samples().length][f.length];
        for (int i = 0; i < samples.length; i++) {
            for (int j = 0; j < f.length; j++) {
                samples[i][j] = d.samples()[i][f[j]];
            }
        }
        labels = d.labels();
    }

    private static MembershipExperimentOptions options() {
        return new MembershipExperimentOptions(
                ModelSpec.mlp(new int[] {5}, 2, 1.0, 1, Activation.TANH),
                MEMBERS,
                MEMBERS,
                TrainingRecipe.sgd(300, 20, 0.5),
                true,
                DType.F64);
    }

    static final int MEMBERS = 100;

    @Test
    void onlineLiraAndRmiaBeatLossThresholdAtLowFpr() {
        ShadowPool pool = new ShadowPool(7);
        int population = 569 - 2 * MEMBERS;
        MembershipExperiment.Outcome out = new MembershipExperiment(options(), Backends.get("ejml"))
                .withShadowPool(pool)
                .run(
                        samples,
                        labels,
                        List.of(
                                new LossThresholdAttack(),
                                new LiraOnlineAttack(LiraOnlineOptions.withShadowModels(8)),
                                new RmiaAttack(new RmiaOptions(1.0, 4, population, false, 0.3))),
                        new SplittableRandom(1));
        MembershipResult loss = out.results().get(0);
        MembershipResult lira = out.results().get(1);
        MembershipResult rmia = out.results().get(2);
        assertTrue(out.trainAccuracy() > 0.95, "the target should fit its members: " + out.trainAccuracy());
        assertEquals(8, pool.size(), "RMIA's 4 references are the first 4 of LiRA's 8 shadow models");
        for (MembershipResult r : List.of(lira, rmia)) {
            assertTrue(
                    r.tprAt1Pct() >= loss.tprAt1Pct() + 0.04,
                    r.attack() + " TPR@1%FPR " + r.tprAt1Pct() + " vs loss threshold " + loss.tprAt1Pct());
            assertTrue(r.auc() > loss.auc(), r.attack() + " AUC " + r.auc() + " vs loss threshold " + loss.auc());
        }
    }

    @Test
    void tooFewShadowModelsAreRefusedWithTheReason() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> LiraOnlineOptions.withShadowModels(2));
        assertTrue(e.getMessage().contains("2 IN and 2 OUT"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LiraOnlineOptions.withShadowModels(5));
        assertThrows(IllegalArgumentException.class, () -> new RmiaOptions(1, 3, 10, false, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new RmiaOptions(0, 2, 10, false, 0.3));
        assertThrows(IllegalArgumentException.class, () -> new RmiaOptions(1, 2, 10, true, 1.5));
    }
}
