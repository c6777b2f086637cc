package org.leakbench.attack.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Membership inference on Breast Cancer Wisconsin with an overfit MLP. On all 30 features the data is nearly
 * separable and a small MLP generalises (test accuracy about 96%), leaving the loss-threshold attack near
 * AUC 0.5. We therefore use five weak features (mean fractal dimension and the texture, smoothness, symmetry
 * and fractal-dimension standard errors): the model must memorise its 100 members to fit them, test accuracy
 * drops to about 60–70%, and the gap is what Yeom et al. (2018) show the loss threshold exploits.
 */
class BreastCancerMembershipTest {
    /** mean_fractal_dimension, texture_error, smoothness_error, symmetry_error, fractal_dimension_error. */
    static final int[] WEAK_FEATURES = {9, 11, 14, 18, 19};

    static final long SEED = 1;

    private static float[][] samples;
    private static int[] labels;

    @BeforeAll
    static void load() {
        BreastCancerCsv.Data d = BreastCancerCsv.load();
        samples = new float[d.samples().length][WEAK_FEATURES.length];
        for (int i = 0; i < samples.length; i++) {
            for (int j = 0; j < WEAK_FEATURES.length; j++) {
                samples[i][j] = d.samples()[i][WEAK_FEATURES[j]];
            }
        }
        labels = d.labels();
    }

    static MembershipExperimentOptions options(TrainingRecipe recipe) {
        return new MembershipExperimentOptions(
                ModelSpec.mlp(new int[] {WEAK_FEATURES.length}, 2, 0.25, 1, Activation.TANH),
                100,
                100,
                recipe,
                true,
                DType.F64);
    }

    static final TrainingRecipe OVERFIT = TrainingRecipe.sgd(400, 4, 0.1);

    private static MembershipExperiment.Outcome run(TrainingRecipe recipe, List<MembershipAttack> attacks) {
        return new MembershipExperiment(options(recipe), Backends.get("ejml"))
                .run(samples, labels, attacks, new SplittableRandom(SEED));
    }

    @Test
    void overfitModelLeaksMembershipToLossThresholdGradientNormAndLira() {
        MembershipExperiment.Outcome out = run(
                OVERFIT,
                List.of(
                        new LossThresholdAttack(),
                        new GradientNormAttack(),
                        new LiraOfflineAttack(LiraOptions.withShadowModels(8))));
        assertEquals(100, out.candidates());
        assertTrue(
                out.trainAccuracy() - out.testAccuracy() > 0.2,
                "the target should overfit: train " + out.trainAccuracy() + ", test " + out.testAccuracy());
        MembershipResult loss = out.results().get(0);
        MembershipResult grad = out.results().get(1);
        MembershipResult lira = out.results().get(2);
        assertTrue(loss.auc() > 0.6, "loss-threshold AUC " + loss.auc());
        assertTrue(grad.auc() > 0.6, "gradient-norm AUC " + grad.auc());
        assertTrue(lira.auc() > 0.5, "LiRA offline AUC " + lira.auc());
        assertTrue(lira.tprAt1Pct() >= 0 && lira.tprAt1Pct() <= 1 && lira.tprAt01Pct() <= lira.tprAt1Pct());
    }

    @Test
    void dpSgdBringsLossThresholdAucTowardsHalf() {
        List<MembershipAttack> attacks = List.of(new LossThresholdAttack());
        double plain = run(OVERFIT, attacks).results().get(0).auc();
        MembershipExperiment.Outcome dp = run(OVERFIT.withDp(1.5, 1.0), attacks);
        double priv = dp.results().get(0).auc();
        assertTrue(
                Math.abs(priv - 0.5) < Math.abs(plain - 0.5) - 0.05,
                "DP-SGD AUC " + priv + " should be closer to 0.5 than the non-private " + plain);
    }
}
