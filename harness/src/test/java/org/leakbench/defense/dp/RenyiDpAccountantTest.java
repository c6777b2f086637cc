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
        // Order 1.5 goes through the fractional series of Mironov, Talwar, Zhang 2019, Section 3.3; its value
        // 6.5007e-04 is also the quadrature of A_α (see fractionalOrdersMatchQuadratureOfTheMixture).
        double[] orders = {1.5, 2.5, 5, 50, 100};
        double[] expected = {6.5007e-04, 1.0854e-03, 2.1808e-03, 2.3846e-02, 1.6742e02};
        double[] rdp =
                new RenyiDpAccountant(orders, Conversion.IMPROVED).rdp(List.of(new SampledGaussian(2.5, 0.01, 50)));
        for (int i = 0; i < orders.length; i++) {
            assertEquals(expected[i], rdp[i], 1e-4 * expected[i] + 1e-8, "order " + orders[i]);
        }
    }

    @Test
    void fractionalOrdersMatchQuadratureOfTheMixture() {
        // A_α = E_{z∼N(0,σ²)}[(1 − q + q e^{(2z−1)/(2σ²)})^α], integrated by Simpson's rule, against the series
        // (relative 1e-6: far tighter than a 3 % discrepancy in either direction).
        double[][] cases = {{2.5, 0.01, 1.5}, {1.0, 0.01, 1.5}, {0.8, 0.05, 2.75}, {2.0, 0.2, 7.3}, {1.1, 0.01, 33.5}};
        for (double[] c : cases) {
            double sigma = c[0];
            double q = c[1];
            double alpha = c[2];
            double series = RdpAccountant.rdp(sigma, q, 1, new double[] {alpha})[0];
            double quadrature = Math.log(mixtureMoment(sigma, q, alpha)) / (alpha - 1);
            assertEquals(quadrature, series, 1e-6 * quadrature, "σ " + sigma + ", q " + q + ", α " + alpha);
        }
    }

    /** A_α by Simpson's rule on [−40σ, 40σ + α] (the integrand's mass lies well inside). */
    private static double mixtureMoment(double sigma, double q, double alpha) {
        double lo = -40 * sigma;
        double hi = 40 * sigma + alpha;
        int n = 400_000;
        double h = (hi - lo) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double z = lo + i * h;
            double logMix = Math.log1p(q * Math.expm1((2 * z - 1) / (2 * sigma * sigma)));
            double f = Math.exp(alpha * logMix - z * z / (2 * sigma * sigma)) / (sigma * Math.sqrt(2 * Math.PI));
            sum += f * (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2));
        }
        return sum * h / 3;
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
