package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The accountants against each other and against bad input. PRV runs at an ε error of 0.05 here (its bounds stay
 * rigorous, only wider) to keep the suite fast.
 */
class AccountantsTest {
    private static final PrvAccountant PRV = new PrvAccountant(0.05, PrvAccountant.DEFAULT_DELTA_ERROR_FRACTION);

    @Test
    void tightAccountantsAgreeAndSitBelowRdp() {
        // Typical DP-SGD settings: PRV and PLD approximate the same optimal ε from two sides of the
        // discretisation, and RDP's conversion is loose by 5–20 %.
        double[][] settings = {{1.1, 0.01, 2000}, {1.5, 0.04, 2250}, {0.8, 0.004, 5000}};
        for (double[] s : settings) {
            List<SampledGaussian> ev = List.of(new SampledGaussian(s[0], s[1], (long) s[2]));
            double rdp = new RenyiDpAccountant().epsilon(ev, 1e-5).epsilon();
            EpsilonEstimate prv = PRV.epsilon(ev, 1e-5);
            EpsilonEstimate pld = new PldAccountant().epsilon(ev, 1e-5);
            String where = java.util.Arrays.toString(s) + " rdp " + rdp + " " + prv + " " + pld;
            assertTrue(prv.epsilon() < rdp && pld.epsilon() < rdp, where);
            assertTrue(prv.epsilon() > 0.8 * rdp, where);
            assertTrue(prv.lower() <= pld.epsilon() && pld.lower() <= prv.epsilon(), where);
            assertEquals(prv.estimate(), pld.epsilon(), 3e-3 * pld.epsilon() + 1e-4, where);
        }
    }

    @Test
    void heterogeneousCompositionMatchesAcrossAccountants() {
        // σ and q change mid-training: RDP sums per-order RDP; PRV and PLD convolve; PRV ≈ PLD ≤ RDP.
        List<SampledGaussian> ev = List.of(new SampledGaussian(1.0, 0.01, 500), new SampledGaussian(2.0, 0.05, 800));
        double rdp = new RenyiDpAccountant().epsilon(ev, 1e-5).epsilon();
        double pld = new PldAccountant().epsilon(ev, 1e-5).epsilon();
        EpsilonEstimate prv = PRV.epsilon(ev, 1e-5);
        assertTrue(pld < rdp && prv.epsilon() < rdp);
        assertEquals(prv.estimate(), pld, 3e-3 * pld);
        // Order does not matter, and splitting an event changes nothing.
        List<SampledGaussian> swapped =
                List.of(ev.get(1), new SampledGaussian(1.0, 0.01, 200), new SampledGaussian(1.0, 0.01, 300));
        assertEquals(pld, new PldAccountant().epsilon(swapped, 1e-5).epsilon(), 1e-3 * pld);
    }

    @Test
    void deltaInvertsEpsilon() {
        List<SampledGaussian> ev = List.of(new SampledGaussian(1.3, 0.02, 1000));
        for (String name : Accountants.NAMES) {
            Accountant a = name.equals("prv") ? PRV : Accountants.named(name);
            double eps = a.epsilon(ev, 1e-5).epsilon();
            double delta = a.delta(ev, eps);
            // PRV's δ(ε) carries its own error terms; the others invert exactly (up to the grid).
            double slack = name.equals("prv") ? 2 : 1.05;
            assertTrue(delta <= 1e-5 * slack && delta >= 1e-5 / (name.equals("prv") ? 20 : 1.05), name + ": " + delta);
        }
    }

    @Test
    void badInputNamesTheField() {
        for (String name : Accountants.NAMES) {
            Accountant a = Accountants.named(name);
            assertMessage("sampleRate", () -> a.epsilon(1, 0, 10, 1e-5));
            assertMessage("sampleRate", () -> a.epsilon(1, 1.5, 10, 1e-5));
            assertMessage("noiseMultiplier", () -> a.epsilon(0, 0.1, 10, 1e-5));
            assertMessage("noiseMultiplier", () -> a.epsilon(-1, 0.1, 10, 1e-5));
            assertMessage("delta", () -> a.epsilon(1, 0.1, 10, 0));
            assertMessage("delta", () -> a.epsilon(1, 0.1, 10, 1));
            assertMessage("steps", () -> a.epsilon(1, 0.1, 0, 1e-5));
            assertMessage("epsilon", () -> a.delta(List.of(new SampledGaussian(1, 0.1, 1)), -1));
            assertMessage("events", () -> a.epsilon(List.of(), 1e-5));
        }
        assertMessage("accountant must be one of rdp, prv, pld, gdp", () -> Accountants.named("moments"));
    }

    private static void assertMessage(String fragment, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
