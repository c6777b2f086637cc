package org.leakbench.defense.ddp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.defense.dp.Conversion;
import org.leakbench.defense.dp.RdpAccountant;

/**
 * The accounting of Kairouz, Liu, Steinke (ICML 2021): Theorem 1's τ, Proposition 22's rounded norm, and the
 * limit where the distributed discrete Gaussian is the Gaussian mechanism.
 */
class DdgAccountantTest {
    @Test
    void tauOfTheoremOne() {
        // n = 2: τ = 10 exp(−2π² s² · 1/2) = 10 exp(−π² s²); at s = 1: 10 e^{−9.8696} = 5.1723e−4
        assertEquals(5.1723e-4, DdgAccountant.tau(1.0, 2), 1e-7);
        // n = 3 adds k = 2: 10 (e^{−π²} + e^{−4π²/3}) at s = 1
        assertEquals(
                10 * (Math.exp(-Math.PI * Math.PI) + Math.exp(-4 * Math.PI * Math.PI / 3)),
                DdgAccountant.tau(1.0, 3),
                1e-15);
        assertEquals(0, DdgAccountant.tau(1.0, 1));
        // τ falls off like exp(−π² s²): negligible from a few grid steps on
        assertTrue(DdgAccountant.tau(3.0, 1000) < 1e-30);
    }

    @Test
    void roundedNormBoundOfPropositionTwentyTwo() {
        // c = 10 steps, D = 16, β = e^{−1/2}: √(2 ln(1/β)) = 1, so √(100 + 4 + 1 · (10 + 2)) = √116
        assertEquals(Math.sqrt(116), ConditionalRounding.normBound(10, Math.exp(-0.5), 16), 1e-12);
        assertEquals(14, ConditionalRounding.normBound(10, 0, 16), 1e-12); // β = 0: c + √D
        // large D: √(1 + D/4 + √(2 ln 2)(1 + √D/2)) ≈ √D/2, half of the unconditional c + √D
        assertEquals(
                Math.sqrt(1 + 250_000 + Math.sqrt(2 * Math.log(2)) * 501),
                ConditionalRounding.normBound(1, 0.5, 1_000_000),
                1e-9);
        // tiny β: the conditional bound exceeds the unconditional c + √D, which is kept
        assertEquals(1, ConditionalRounding.normBound(0, 1e-300, 1), 1e-12);
    }

    @Test
    void conditionalRoundingStaysWithinTheBound() {
        SplittableRandom rng = new SplittableRandom(8);
        double[] x = new double[256];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.625 * rng.nextGaussian(); // norm about 10 grid steps
        }
        double bound = ConditionalRounding.normBound(10, Math.exp(-0.5), 256);
        int retried = 0;
        for (int t = 0; t < 200; t++) {
            ConditionalRounding.Rounded r = ConditionalRounding.round(x, bound, rng);
            double sq = 0;
            for (long v : r.values()) {
                sq += (double) v * v;
            }
            assertTrue(Math.sqrt(sq) <= bound);
            retried += r.attempts() > 1 ? 1 : 0;
        }
        assertTrue(retried < 200 * 0.61, "more retries than beta allows: " + retried);
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> ConditionalRounding.round(new double[] {5.5}, 1, rng));
        assertTrue(e.getMessage().startsWith("conditional rounding: no rounding within norm bound 1.0"));
    }

    @Test
    void approachesTheGaussianMechanismWhenRoundingAndTauVanish() {
        // clip 1 on a grid of 1e-4 (10^4 steps), 4 clients of noise 0.5 each: central noise multiplier 1
        DdgParameters p = new DdgParameters(1.0, 32, 1e-4, 0, 0.5, 4, 16);
        double ddg = DdgAccountant.epsilon(p, 1.0, 100, 1e-5);
        double gauss = RdpAccountant.epsilon(1.0, 1.0, 100, 1e-5, Conversion.IMPROVED);
        assertTrue(ddg >= gauss, ddg + " < " + gauss);
        assertEquals(gauss, ddg, 1e-3 * gauss);
    }

    @Test
    void roundingAndTauCostPrivacy() {
        double fine = DdgAccountant.epsilon(new DdgParameters(1.0, 16, 1e-3, 0.6, 0.5, 4, 1024), 1.0, 10, 1e-5);
        // a grid 50× coarser: the rounding's norm inflation (√D/2 steps against c/γ = 20) shows in ε
        double coarse = DdgAccountant.epsilon(new DdgParameters(1.0, 16, 0.05, 0.6, 0.5, 4, 1024), 1.0, 10, 1e-5);
        assertTrue(coarse > 1.3 * fine, coarse + " vs " + fine);
        // noise of half a grid step per client: τ·D is no longer negligible
        double tiny = DdgAccountant.epsilon(new DdgParameters(1.0, 16, 1.0, 0, 0.5, 4, 1024), 1.0, 1, 1e-5);
        assertTrue(DdgAccountant.tau(0.5, 4) * 1024 > 1);
        assertTrue(Double.isFinite(tiny) && tiny > 1);
    }

    @Test
    void refusesClientSamplingAndNoNoise() {
        DdgParameters p = new DdgParameters(1.0, 16, 1e-3, 0.6, 0.5, 4, 16);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DdgAccountant.epsilon(p, 0.5, 10, 1e-5));
        assertTrue(e.getMessage().startsWith("ddp accounting covers every client in every round"));
        assertEquals(
                Double.POSITIVE_INFINITY,
                DdgAccountant.epsilon(new DdgParameters(1.0, 16, 1e-3, 0.6, 0, 4, 16), 1.0, 10, 1e-5));
    }
}
