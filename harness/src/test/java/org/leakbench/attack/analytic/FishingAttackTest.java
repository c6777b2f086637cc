package org.leakbench.attack.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.attack.AttackResult;
import org.leakbench.model.Activation;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;

/**
 * Class fishing (Wen et al., ICML 2022) at batch 64: the server fishes for the class of the batch's first sample,
 * and that sample comes back exactly from the aggregate of all 64, while reading the same aggregate of the honest
 * model the same way gives only mixtures of it.
 */
class FishingAttackTest {
    private static final int BATCH = 64;
    private static final long SEED = 5;

    @Test
    void fishingRecoversTheTargetAtBatch64WherePlainRecoveryDoesNot() {
        Model mlp = MaliciousRounds.reluMlp(1.0, 2);
        int[] idx = MaliciousRounds.draw(BATCH, SEED);
        int target = MaliciousRounds.labels(idx)[0];
        float[] wanted = MaliciousRounds.truth(idx)[0];
        FishingAttack fishing = new FishingAttack(target);
        AttackResult fished = MaliciousRounds.run(fishing, MaliciousRounds.tampered(fishing, mlp, SEED, idx));
        assertEquals(AttackResult.OK, fished.status());

        List<Tensor> honest = mlp.initialParameters(MaliciousRounds.BE, DType.F32, new SplittableRandom(SEED));
        Observation plain = MaliciousRounds.observe(mlp, honest, idx);
        AttackResult read = new TrapWeightsAttack(0).run(plain, org.leakbench.attack.AttackContext.seeded(1));
        AttackResult analytic = new AnalyticAttack().run(plain, org.leakbench.attack.AttackContext.seeded(1));

        double fishedPsnr = MaliciousRounds.bestPsnr(fished, wanted);
        double plainPsnr = Math.max(MaliciousRounds.bestPsnr(read, wanted), MaliciousRounds.bestPsnr(analytic, wanted));
        assertTrue(fishedPsnr >= MaliciousRounds.RECOVERED_PSNR, "fished target at " + fishedPsnr + " dB");
        assertTrue(plainPsnr < 20, "plain recovery of the target at " + plainPsnr + " dB");
        int members = 0;
        for (int label : MaliciousRounds.labels(idx)) {
            members += label == target ? 1 : 0;
        }
        assertEquals(members, fished.samples().length, "samples of the target class read off the output bias");
    }

    @Test
    void aClassTheModelDoesNotHaveIsRefusedWithTheField() {
        Model mlp = MaliciousRounds.reluMlp(0.25, 1);
        List<Tensor> params = mlp.initialParameters(MaliciousRounds.BE, DType.F32, new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new FishingAttack(10).modelToSend(mlp, params, new float[1][784], 8, new SplittableRandom(1)));
        assertTrue(e.getMessage().startsWith("fishing.class 10:"), e.getMessage());
    }

    @Test
    void aSigmoidModelIsRefused() {
        Model mlp = Models.build(ModelSpec.mlp(new int[] {1, 28, 28}, 10, 0.25, 1, Activation.SIGMOID));
        List<Tensor> params = mlp.initialParameters(MaliciousRounds.BE, DType.F32, new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new FishingAttack(0).modelToSend(mlp, params, new float[1][784], 8, new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("ReLU"), e.getMessage());
    }
}
