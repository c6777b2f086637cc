package org.leakbench.attack.membership;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LiraOfflineAttackTest extends MembershipAttackContractTest {
    @Override
    MembershipAttack attack() {
        return new LiraOfflineAttack(LiraOptions.withShadowModels(3));
    }

    @Override
    boolean randomised() {
        return true;
    }

    @Test
    void needsAttackerKnowledge() {
        MembershipTarget bare = MembershipTarget.of(target.model(), target.parameters(), target.dtype());
        String refusal = refusal(bare, candidateLabels);
        assertTrue(refusal.contains("lira-offline"), refusal);
    }

    @Test
    void perSampleAndSingleShadowVariancesAlsoGiveFiniteScores() {
        for (LiraOptions o : new LiraOptions[] {new LiraOptions(3, false), new LiraOptions(1, false)}) {
            double[] s = new LiraOfflineAttack(o).scores(target, candidates, candidateLabels, new SplittableRandom(3));
            for (double v : s) {
                assertTrue(Double.isFinite(v), o + " gave " + v);
            }
        }
    }

    @Test
    void rejectsBadOptions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LiraOptions(0, true));
        assertTrue(e.getMessage().contains("lira.shadowModels"), e.getMessage());
    }
}
