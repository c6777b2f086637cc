package org.leakbench.attack.audit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.defense.dp.Clipping;
import org.leakbench.defense.dp.NoiseSource;

/**
 * Sensitivity: deliberately broken mechanisms — the bugs DP code is known to ship with — are flagged (ε̂ &gt; the
 * accountant's ε for what they claim), while the production mechanism at the same claim is not.
 */
class AuditSensitivityTest {
    private static final double DELTA = 1e-5;
    private static final double CONFIDENCE = 0.95;
    /** σ = 2, C = 4, q = 0.1, 20 steps: ε ≈ 0.9, a claim small enough that the bugs below break it plainly. */
    private static final AuditSetting CLAIM = new AuditSetting(2, 4, 0.1, 20);

    private static AuditOutcome audit(CanaryMechanism m, long seed) {
        return CanaryAudit.run(m, AuditMethod.MANY_RUN, 10, 400, CONFIDENCE, DELTA, new SplittableRandom(seed));
    }

    /** Sum the rows as they are (or clipped), add N(0, std²), divide: the mechanism with its one bug. */
    private static float[] noisyMean(float[][] rows, boolean clip, double std, double denominator, NoiseSource n) {
        float[] sum = clip ? Clipping.clipAndSum(rows, CLAIM.clipNorm()) : new float[rows[0].length];
        if (!clip) {
            for (float[] r : rows) {
                for (int j = 0; j < r.length; j++) {
                    sum[j] += r[j];
                }
            }
        }
        n.addTo(sum, std);
        for (int j = 0; j < sum.length; j++) {
            sum[j] = (float) (sum[j] / denominator);
        }
        return sum;
    }

    @Test
    void theProductionMechanismIsNotFlagged() {
        AuditOutcome o = audit(new DiracCanaries(DiracCanaries.Target.DP_SGD, CLAIM, 10), 1);
        assertFalse(o.violates(), "ε̂ " + o.bound().epsilon() + " > ε " + o.accountantEpsilon());
    }

    @Test
    void noiseNotScaledByTheClippingNormIsFlagged() {
        // std σ instead of σ·C: with C = 4, a quarter of the noise.
        DiracCanaries.Release bug = (rows, den, n) -> noisyMean(rows, true, CLAIM.noiseMultiplier(), den, n);
        AuditOutcome o = audit(new DiracCanaries(DiracCanaries.Target.DP_SGD, CLAIM, bug, CLAIM.sampleRate(), 1), 2);
        assertTrue(o.violates(), "ε̂ " + o.bound().epsilon() + " <= ε " + o.accountantEpsilon());
    }

    @Test
    void skippedClippingIsFlagged() {
        // A canary gradient of norm 10C goes through unclipped.
        DiracCanaries.Release bug =
                (rows, den, n) -> noisyMean(rows, false, CLAIM.noiseMultiplier() * CLAIM.clipNorm(), den, n);
        AuditOutcome o = audit(new DiracCanaries(DiracCanaries.Target.DP_SGD, CLAIM, bug, CLAIM.sampleRate(), 10), 3);
        assertTrue(o.violates(), "ε̂ " + o.bound().epsilon() + " <= ε " + o.accountantEpsilon());
    }

    @Test
    void aSamplingRateAboveTheAccountedOneIsFlagged() {
        // Full batches every step while the accountant amplifies by q = 0.1.
        DiracCanaries production = new DiracCanaries(DiracCanaries.Target.DP_SGD, CLAIM, 1);
        DiracCanaries.Release release =
                (rows, den, n) -> noisyMean(rows, true, CLAIM.noiseMultiplier() * CLAIM.clipNorm(), den, n);
        AuditOutcome o = audit(new DiracCanaries(DiracCanaries.Target.DP_SGD, CLAIM, release, 1.0, 1), 4);
        assertTrue(o.violates(), "ε̂ " + o.bound().epsilon() + " <= ε " + o.accountantEpsilon());
        assertFalse(audit(production, 4).violates());
    }

    @Test
    void clientLevelNoiseDividedByTheClientsIsFlagged() {
        // N(0, σ²C²) added to the mean of 10 clients' updates instead of to their sum: a tenth of the noise.
        AuditSetting claim = new AuditSetting(2, 1, 0.1, 20);
        DiracCanaries.Release bug = (rows, den, n) -> noisyMean(rows, true, 2.0 / 10, den, n);
        AuditOutcome o = audit(new DiracCanaries(DiracCanaries.Target.CLIENT_DP, claim, bug, 0.1, 1), 5);
        assertTrue(o.violates(), "ε̂ " + o.bound().epsilon() + " <= ε " + o.accountantEpsilon());
    }

    @Test
    void localDpWithoutClippingIsFlagged() {
        AuditSetting claim = new AuditSetting(4, 1, 1, 5);
        LocalDpCanaries bug = new LocalDpCanaries(
                claim,
                (u, n) -> {
                    float[] out = u.clone();
                    n.addTo(out, claim.noiseMultiplier() * claim.clipNorm());
                    return out;
                },
                5);
        AuditOutcome o = CanaryAudit.run(bug, AuditMethod.ONE_RUN, 1, 2000, CONFIDENCE, DELTA, new SplittableRandom(6));
        assertTrue(o.violates(), "ε̂ " + o.bound().epsilon() + " <= ε " + o.accountantEpsilon());
        assertFalse(CanaryAudit.run(
                        new LocalDpCanaries(claim, 5),
                        AuditMethod.ONE_RUN,
                        1,
                        2000,
                        CONFIDENCE,
                        DELTA,
                        new SplittableRandom(6))
                .violates());
    }
}
