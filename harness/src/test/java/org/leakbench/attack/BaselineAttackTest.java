package org.leakbench.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.leakbench.metric.ImageMetrics;
import org.leakbench.metric.ReconstructionScore;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.Backends;

/** The oracle and the random guess bracket every metric. */
class BaselineAttackTest {
    @Test
    void oracleScoresPerfectlyAndRandomAtTheFloor() {
        int[] idx = {1, 2, 3, 4};
        AttackFixtures.Victim v = AttackFixtures.victim(
                Backends.get("ejml"), Models.build(ModelSpec.lenet(new int[] {1, 28, 28}, 10)), 1, idx);
        AttackResult oracle = new OracleAttack(v.images(), v.labels()).run(v.observation(), AttackContext.seeded(1));
        ReconstructionScore best =
                ReconstructionScore.of(v.images(), v.labels(), oracle.samples(), oracle.labels(), 1, 28, 28, 1.0, 30);
        assertEquals(ImageMetrics.PSNR_CAP_DB, best.meanPsnr(), 0.0);
        assertEquals(1.0, best.meanSsim(), 1e-12);
        assertEquals(1.0, best.labelAccuracy(), 0.0);
        AttackResult random = new RandomAttack().run(v.observation(), AttackContext.seeded(1));
        ReconstructionScore floor =
                ReconstructionScore.of(v.images(), v.labels(), random.samples(), random.labels(), 1, 28, 28, 1.0, 30);
        assertTrue(floor.meanPsnr() < 8, "random PSNR " + floor.meanPsnr());
        assertTrue(floor.meanSsim() < 0.1, "random SSIM " + floor.meanSsim());
        assertEquals(0.0, floor.recoveredFraction(), 0.0);
    }

    /** On a token model the random guess draws token ids over the vocabulary, not pixel values in [0, 1). */
    @Test
    void randomGuessOnATokenModelDrawsIdsOverTheVocabulary() {
        org.leakbench.tensor.Backend be = Backends.get("java");
        org.leakbench.model.Model model = Models.build(
                new ModelSpec(ModelSpec.TRANSFORMER, new int[] {8}, 11, 8, 1, org.leakbench.model.Activation.RELU));
        java.util.List<org.leakbench.tensor.Tensor> params =
                model.initialParameters(be, org.leakbench.tensor.DType.F32, new java.util.SplittableRandom(1));
        org.leakbench.update.Observation obs = org.leakbench.update.Observation.gradient(model, params, params, 3);
        AttackResult random = new RandomAttack().run(obs, AttackContext.seeded(1));
        java.util.Set<Float> seen = new java.util.HashSet<>();
        for (float[] window : random.samples()) {
            assertEquals(8, window.length);
            for (float id : window) {
                assertTrue(id == Math.rint(id) && id >= 0 && id < 11, "token id " + id);
                seen.add(id);
            }
        }
        assertTrue(seen.size() > 5, "24 draws over 11 tokens hit only " + seen);
    }
}
