package org.leakbench.attack.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The oracle and random scorers bracket the metric: AUC 1 and about 0.5. */
class ReferenceScorersTest {
    @Nested
    class OracleContract extends MembershipAttackContractTest {
        @Override
        MembershipAttack attack() {
            return ReferenceScorers.oracle(member);
        }

        @Override
        boolean readsTarget() {
            return false;
        }

        @Test
        void oracleReachesAucOneAndFullTprAtLowFpr() {
            double[] s = attack().scores(target, candidates, candidateLabels, new SplittableRandom(1));
            MembershipResult r = MembershipResult.of("oracle", s, member);
            assertEquals(1.0, r.auc());
            assertEquals(1.0, r.tprAt01Pct());
        }
    }

    @Nested
    class RandomContract extends MembershipAttackContractTest {
        @Override
        MembershipAttack attack() {
            return ReferenceScorers.random();
        }

        @Override
        boolean randomised() {
            return true;
        }

        @Override
        boolean readsTarget() {
            return false;
        }

        @Test
        void randomScorerIsNearHalf() {
            // 20,000 balanced candidates: the AUC's standard deviation is about 0.004, so ±0.03 is > 7σ.
            int n = 20_000;
            double[] s = ReferenceScorers.random()
                    .scores(
                            target,
                            new float[n][MembershipAttackContractTest.DIM],
                            new int[n],
                            new SplittableRandom(11));
            boolean[] m = new boolean[n];
            for (int i = 0; i < n; i += 2) {
                m[i] = true;
            }
            double auc = MembershipResult.of("random", s, m).auc();
            assertTrue(Math.abs(auc - 0.5) < 0.03, "random AUC " + auc);
        }
    }
}
