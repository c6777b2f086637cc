package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GdpAccountantTest {
    @Test
    void reproducesOpacusGdpAccountant() {
        // Opacus tests/accountants_test.py, test_gdp_accountant: σ = 1.5, q = 0.04, steps = int(90 // 0.04),
        // which is 2249 in floating point (0.04 is a little above 1/25), δ = 1e-5 -> 6.59 < ε < 6.6.
        double eps = new GdpAccountant().epsilon(1.5, 0.04, 2249, 1e-5).epsilon();
        assertTrue(6.59 < eps && eps < 6.6, "epsilon " + eps);
    }

    @Test
    void reproducesOpacusGdpNoiseMultiplier() {
        // Opacus tests/accountants_test.py, test_get_noise_multiplier_gdp: ε = 8, δ = 1e-5, q = 0.04, 90 epochs
        // (2250 steps), accountant "gdp" -> 1.3232421875 (assertAlmostEqual, 7 places).
        double sigma = NoiseMultiplierSearch.findLikeOpacus(new GdpAccountant(), 8, 1e-5, 0.04, 2250, 0.01);
        assertEquals(1.3232421875, sigma, 0.5e-7);
    }

    @Test
    void heterogeneousEventsAddMuSquared() {
        List<SampledGaussian> a = List.of(new SampledGaussian(1.2, 0.02, 300));
        List<SampledGaussian> b = List.of(new SampledGaussian(2.0, 0.05, 700));
        double both = GdpAccountant.mu(List.of(a.get(0), b.get(0)));
        assertEquals(Math.hypot(GdpAccountant.mu(a), GdpAccountant.mu(b)), both, 1e-12);
    }

    @Test
    void statesItsCaveat() {
        GdpAccountant gdp = new GdpAccountant();
        assertTrue(gdp.caveat().contains("approximation") && gdp.caveat().contains("not an upper bound"));
        assertFalse(new EpsilonEstimate("gdp", 1, Double.NaN, 1, 1e-5).bracketed());
    }
}
