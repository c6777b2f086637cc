package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoiseMultiplierSearchTest {
    @Test
    void reproducesOpacusNoiseMultiplier() {
        // Opacus tests/accountants_test.py, test_get_noise_multiplier_rdp_epochs: ε = 8, δ = 1e-5, q = 0.04,
        // 90 epochs (steps = int(90 / q) = 2250), epsilon_tolerance 0.01 -> assertAlmostEqual(σ, 1.416,
        // places=4), i.e. |σ − 1.416| < 0.5e-4. Opacus' bisection ends at 1.416015625.
        double opacus = NoiseMultiplierSearch.findLikeOpacus(8, 1e-5, 0.04, 2250, 0.01);
        assertEquals(1.416, opacus, 0.5e-4);
        // The smallest σ that meets ε = 8 is a little lower; Opacus' σ is above it and both meet the target.
        double smallest = NoiseMultiplierSearch.find(8, 1e-5, 0.04, 2250, Conversion.IMPROVED);
        assertEquals(1.41579, smallest, 0.5e-5);
        assertTrue(smallest <= opacus);
        assertTrue(RdpAccountant.epsilon(opacus, 0.04, 2250, 1e-5, Conversion.IMPROVED) <= 8);
        // Opacus' second pin: 2000 steps -> 1.3562 to 4 places.
        assertEquals(1.3562, NoiseMultiplierSearch.findLikeOpacus(8, 1e-5, 0.04, 2000, 0.01), 0.5e-4);
    }

    @Test
    void resultMeetsTargetAndIsMinimalWithinTolerance() {
        double sigma = NoiseMultiplierSearch.find(3, 1e-5, 0.01, 5000, Conversion.CLASSIC);
        assertTrue(RdpAccountant.epsilon(sigma, 0.01, 5000, 1e-5, Conversion.CLASSIC) <= 3);
        double slightlyLess = sigma * (1 - 2 * NoiseMultiplierSearch.RELATIVE_TOLERANCE);
        assertTrue(RdpAccountant.epsilon(slightlyLess, 0.01, 5000, 1e-5, Conversion.CLASSIC) > 3);
    }

    @Test
    void unreachableTargetIsAClearError() {
        // With the default orders (largest 63) the classic conversion alone costs log(1/δ)/62 ≈ 0.19 at δ = 1e-5.
        RdpAccountantTest.assertMessage(
                "unreachable", () -> NoiseMultiplierSearch.find(0.1, 1e-5, 0.5, 100, Conversion.CLASSIC));
    }
}
