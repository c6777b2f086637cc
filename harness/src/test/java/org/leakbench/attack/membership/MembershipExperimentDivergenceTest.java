package org.leakbench.attack.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.model.Activation;
import org.leakbench.model.ModelSpec;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;

/**
 * A target whose training diverged (here: NaN inputs make every weight NaN) has nothing to attack. LiRA would map
 * every NaN score to the least member-like value, so all candidates would tie at AUC 0.5, which reads as a perfect
 * defense; the experiment reports the divergence instead and runs no attack.
 */
class MembershipExperimentDivergenceTest {
    private static MembershipExperiment.Outcome run(float fill) {
        SplittableRandom rng = new SplittableRandom(3);
        float[][] x = new float[40][6];
        int[] y = new int[40];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 6; j++) {
                x[i][j] = Float.isNaN(fill) ? fill : (float) rng.nextDouble();
            }
            y[i] = i % 2;
        }
        MembershipExperimentOptions o = new MembershipExperimentOptions(
                ModelSpec.mlp(new int[] {6}, 2, 1.0 / 16, 1, Activation.TANH),
                10,
                10,
                TrainingRecipe.sgd(2, 4, 0.1),
                false,
                DType.F32);
        return new MembershipExperiment(o, Backends.get("ejml"))
                .run(x, y, List.of(new LiraOfflineAttack(LiraOptions.withShadowModels(2))), new SplittableRandom(1));
    }

    @Test
    void aDivergedTargetIsReportedAndNotAttacked() {
        MembershipExperiment.Outcome bad = run(Float.NaN);
        assertTrue(bad.diverged());
        assertTrue(bad.results().isEmpty(), bad.results().toString());
    }

    @Test
    void aFiniteTargetIsAttacked() {
        MembershipExperiment.Outcome ok = run(0f);
        assertFalse(ok.diverged());
        assertEquals(1, ok.results().size());
        assertTrue(
                Double.isFinite(ok.results().get(0).auc()),
                "AUC " + ok.results().get(0).auc());
    }
}
