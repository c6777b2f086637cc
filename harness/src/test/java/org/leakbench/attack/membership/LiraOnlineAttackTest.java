package org.leakbench.attack.membership;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LiraOnlineAttackTest extends MembershipAttackContractTest {
    @Override
    MembershipAttack attack() {
        return new LiraOnlineAttack(LiraOnlineOptions.withShadowModels(4));
    }

    @Override
    boolean randomised() {
        return true;
    }

    @Test
    void needsAttackerKnowledge() {
        MembershipTarget bare = MembershipTarget.of(target.model(), target.parameters(), target.dtype());
        String refusal = refusal(bare, candidateLabels);
        assertTrue(refusal.contains("lira-online"), refusal);
    }

    @Test
    void perExampleVariancesAlsoGiveFiniteScores() {
        double[] s = new LiraOnlineAttack(new LiraOnlineOptions(4, false))
                .scores(target, candidates, candidateLabels, new SplittableRandom(3));
        for (double v : s) {
            assertTrue(Double.isFinite(v), "per-example variance gave " + v);
        }
    }
}
