package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoiseMultiplierSearchTest {
    @Test
    void reproducesOpacusNoiseMultiplier() {
        // Opacus tests: ε = 8, δ = 1e-5, q = 0.04, 90 epochs (steps = 90 / q = 2250) -> σ ≈ 1.416.
        double sigma = NoiseMultiplierSearch.find(8, 1e-5, 0.04, 2250, Conversion.IMPROVED);
        assertEquals(1.416, sigma, 0.005);
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
        RdpAccountantTest.assertMessage("unreachable",
                () -> NoiseMultiplierSearch.find(0.1, 1e-5, 0.5, 100, Conversion.CLASSIC));
    }
}
