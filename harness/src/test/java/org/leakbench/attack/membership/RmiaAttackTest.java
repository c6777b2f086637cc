package org.leakbench.attack.membership;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RmiaAttackTest extends MembershipAttackContractTest {
    @Override
    MembershipAttack attack() {
        return new RmiaAttack(new RmiaOptions(1.0, 2, 40, false, 0.3));
    }

    @Override
    boolean randomised() {
        return true;
    }

    @Test
    void scoresAreFractionsOfThePopulation() {
        for (boolean offline : new boolean[] {false, true}) {
            double[] s = new RmiaAttack(new RmiaOptions(2.0, 2, 40, offline, 0.5))
                    .scores(target, candidates, candidateLabels, new SplittableRandom(3));
            for (double v : s) {
                assertTrue(v >= 0 && v <= 1 && Math.abs(v * 40 - Math.rint(v * 40)) < 1e-9, "score " + v);
            }
        }
    }

    @Test
    void aPopulationLargerThanTheAttackersIsRefused() {
        RmiaAttack big = new RmiaAttack(new RmiaOptions(1.0, 2, 61, false, 0.3));
        String refusal = org.junit.jupiter.api.Assertions.assertThrows(
                        IllegalArgumentException.class,
                        () -> big.scores(target, candidates, candidateLabels, new SplittableRandom(3)))
                .getMessage();
        assertTrue(refusal.contains("rmia.population is 61") && refusal.contains("60 rows"), refusal);
    }
}
