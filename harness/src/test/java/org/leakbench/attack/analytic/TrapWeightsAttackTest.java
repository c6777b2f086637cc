package org.leakbench.attack.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.leakbench.attack.AttackResult;
import org.leakbench.model.Model;

/**
 * Trap weights (Boenisch et al., EuroS&P 2023) on 256 ReLU rows: a large share of a batch of 64 comes back exactly
 * (0.34 measured here; rows tend to trap the same sparse images, so fewer than the 0.77 that independent rows would
 * isolate), far less of a batch of 512, where few rows fire for one sample alone; the honest initialisation of the
 * same rows, which fire for about half of the inputs, gives back only the few samples that a row's bias happens to
 * isolate (0.06).
 */
class TrapWeightsAttackTest {
    private static double recovered(int batch, long seed) {
        Model mlp = MaliciousRounds.reluMlp(1.0, 1);
        int[] idx = MaliciousRounds.draw(batch, seed);
        TrapWeightsAttack attack = new TrapWeightsAttack(0);
        AttackResult r = MaliciousRounds.run(attack, MaliciousRounds.tampered(attack, mlp, seed, idx));
        assertEquals(AttackResult.OK, r.status());
        return MaliciousRounds.score(r, idx).recoveredFraction();
    }

    @Test
    void recoverALargeShareAtBatch64AndFewerAt512() {
        double at64 = recovered(64, 3);
        double at512 = recovered(512, 3);
        assertTrue(at64 >= 0.25, "recovered at batch 64: " + at64);
        assertTrue(at512 < at64 / 2, "recovered at batch 512: " + at512 + " (64: " + at64 + ")");
    }

    @Test
    void honestRowsGiveBackFarLess() {
        Model mlp = MaliciousRounds.reluMlp(1.0, 1);
        int[] idx = MaliciousRounds.draw(64, 3);
        var honest = mlp.initialParameters(
                MaliciousRounds.BE, org.leakbench.tensor.DType.F32, new java.util.SplittableRandom(3));
        AttackResult r = MaliciousRounds.run(new TrapWeightsAttack(0), MaliciousRounds.observe(mlp, honest, idx));
        double frac = MaliciousRounds.score(r, idx).recoveredFraction();
        assertTrue(frac <= 0.1, "recovered without trap weights: " + frac);
    }
}
