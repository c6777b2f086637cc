package org.leakbench.attack.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.leakbench.attack.AttackResult;
import org.leakbench.model.Model;

/**
 * Robbing the Fed's expected recovery (Fowl et al., ICLR 2022): with k equal-mass bins a sample is alone in its bin
 * with probability (1 − 1/k)^(n−1). Measured over 200 batches, the recovered fraction agrees with it within the
 * sampling error (the server's bins are quantiles of its own data, not of the victims', which leaves a small bias).
 */
class ImprintExpectationTest {
    @Test
    void theFormulaIsTheBinomialProbabilityOfAnEmptyRestOfTheBin() {
        assertEquals(1.0, RobbingTheFedAttack.expectedRecoveredFraction(1, 64), 0);
        assertEquals(Math.pow(63.0 / 64, 63), RobbingTheFedAttack.expectedRecoveredFraction(64, 64), 1e-15);
        assertEquals(0.0, RobbingTheFedAttack.expectedRecoveredFraction(5, 1), 0);
    }

    @Test
    void measuredRecoveryMatchesTheFormulaOverManyBatches() {
        int batch = 64;
        int bins = 64;
        int trials = 200;
        Model mlp = MaliciousRounds.reluMlp(0.125, 1);
        double sum = 0;
        double sumSq = 0;
        for (int t = 0; t < trials; t++) {
            int[] idx = MaliciousRounds.draw(batch, 100 + t);
            RobbingTheFedAttack rtf = new RobbingTheFedAttack(bins);
            AttackResult r = MaliciousRounds.run(rtf, MaliciousRounds.tampered(rtf, mlp, t, idx));
            double f = MaliciousRounds.score(r, idx).recoveredFraction();
            sum += f;
            sumSq += f * f;
        }
        double mean = sum / trials;
        double se = Math.sqrt((sumSq / trials - mean * mean) / (trials - 1));
        double expected = RobbingTheFedAttack.expectedRecoveredFraction(batch, bins);
        assertTrue(
                Math.abs(mean - expected) <= 3 * se + 0.02, "measured " + mean + " ± " + se + ", formula " + expected);
    }
}
