package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RenyiDpAccountantTest {
    @Test
    void reproducesDpAccountingPoissonSampledGaussianRdp() {
        // dp_accounting rdp/rdp_privacy_accountant_test.py, test_compute_rdp_poisson_sampled_gaussian: σ = 2.5,
        // q = 0.01, 50 steps, orders 1.5, 2.5, 5, 50, 100 -> these RDP values, np.allclose with rtol 1e-4.
        // Order 1.5 is left out: dp_accounting gives 6.70579741e-04 there, Opacus' formula (this accountant's, which
        // reproduces Opacus' ε = 7.32911117143) gives 6.5007e-04; the other orders agree.
        double[] orders = {2.5, 5, 50, 100};
        double[] expected = {1.08548710e-03, 2.18075656e-03, 2.38460375e-02, 1.67416308e02};
        double[] rdp =
                new RenyiDpAccountant(orders, Conversion.IMPROVED).rdp(List.of(new SampledGaussian(2.5, 0.01, 50)));
        for (int i = 0; i < orders.length; i++) {
            assertEquals(expected[i], rdp[i], 1e-4 * expected[i] + 1e-8, "order " + orders[i]);
        }
    }

    @Test
    void reproducesDpAccountingPureDpConversion() {
        // dp_accounting rdp_privacy_accountant_test.py, test_compute_epsilon_delta_pure_dp: RDP 1.1 at every
        // order 2..32, δ = 1e-5 -> ε = 1.32783806176 at order 32; and back, δ(1.32783806176) = 1e-5.
        double[] orders = IntStream.rangeClosed(2, 32).asDoubleStream().toArray();
        double[] rdp = new double[orders.length];
        java.util.Arrays.fill(rdp, 1.1);
        PrivacySpent spent = RdpAccountant.privacySpent(orders, rdp, 1e-5, Conversion.IMPROVED);
        assertEquals(1.32783806176, spent.epsilon(), 1e-7);
        assertEquals(32, spent.bestOrder());
        assertEquals(1e-5, RenyiDpAccountant.delta(orders, rdp, 1.32783806176, Conversion.IMPROVED), 1e-7);
    }

    @Test
    void reproducesDpAccountingGaussianEpsilonDelta() {
        // dp_accounting rdp_privacy_accountant_test.py, test_compute_epsilon_delta_gaussian: plain Gaussian with
        // σ = 4.530877117 over orders 1.001, 1.002, ..., 99.999 gives (1, 1e-6) both ways, to 7 places.
        double[] orders =
                IntStream.range(1001, 100000).mapToDouble(i -> 0.001 * i).toArray();
        RenyiDpAccountant rdp = new RenyiDpAccountant(orders, Conversion.IMPROVED);
        List<SampledGaussian> gaussian = List.of(new SampledGaussian(4.530877117, 1.0, 1));
        assertEquals(1, rdp.epsilon(gaussian, 1e-6).epsilon(), 0.5e-7);
        assertEquals(1e-6, rdp.delta(gaussian, 1), 0.5e-7);
    }

    @Test
    void matchesTheHistoryAccountant() {
        // The interface gives the numbers the sweeps reported before it existed.
        List<SampledGaussian> ev = List.of(new SampledGaussian(1.0, 0.01, 100), new SampledGaussian(2.0, 0.05, 300));
        double old = new RdpAccountant()
                .step(1.0, 0.01, 100)
                .step(2.0, 0.05, 300)
                .privacySpent(1e-5, Conversion.IMPROVED)
                .epsilon();
        assertEquals(old, new RenyiDpAccountant().epsilon(ev, 1e-5).epsilon(), 0.0);
        assertEquals(
                7.32911117143,
                new RenyiDpAccountant().epsilon(1.5, 0.04, 2250, 1e-5).epsilon(),
                1e-9);
    }
}
