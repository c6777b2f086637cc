package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PldAccountantTest {
    private final PldAccountant pld = new PldAccountant();

    @Test
    void reproducesDpAccountingGaussianBasic() {
        // dp_accounting pld/pld_privacy_accountant_test.py, test_gaussian_basic: Gaussian σ = √3 composed once
        // and then twice more -> δ(1) = 0.126936 and ε(0.126936) = 1, both to within 1e-3.
        double s = Math.sqrt(3);
        List<SampledGaussian> events = List.of(new SampledGaussian(s, 1, 1), new SampledGaussian(s, 1, 2));
        assertEquals(0.126936, pld.delta(events, 1), 1e-3);
        assertEquals(1, pld.epsilon(events, 0.126936).epsilon(), 1e-3);
    }

    @Test
    void reproducesDpAccountingPoissonSubsampledGaussian() {
        // dp_accounting pld_privacy_accountant_test.py, test_poisson_subsampled_gaussian: q = 0.2, σ = 0.5,
        // composed once and then twice more -> δ(1) = 0.15594, ε(0.15594) = 1, within 1e-3.
        List<SampledGaussian> events = List.of(new SampledGaussian(0.5, 0.2, 1), new SampledGaussian(0.5, 0.2, 2));
        assertEquals(0.15594, pld.delta(events, 1), 1e-3);
        assertEquals(1, pld.epsilon(events, 0.15594).epsilon(), 1e-3);
    }

    @Test
    void reproducesDpAccountingSelfComposedSubsampledGaussian() {
        // dp_accounting pld_privacy_accountant_test.py, test_self_composed_subsampled_gaussian: the same
        // mechanism as one event of count 3 -> the same δ(1) = 0.15594 and ε = 1, within 1e-3.
        List<SampledGaussian> events = List.of(new SampledGaussian(0.5, 0.2, 3));
        assertEquals(0.15594, pld.delta(events, 1), 1e-3);
        assertEquals(1, pld.epsilon(events, 0.15594).epsilon(), 1e-3);
    }

    @Test
    void pessimisticAboveTheExactGaussianAndBracketed() {
        // One Gaussian mechanism has an exact δ(ε) (Balle and Wang 2018, Theorem 8):
        // δ = Φ(−ε/μ + μ/2) − e^ε Φ(−ε/μ − μ/2), μ = 1/σ. Pessimistic means never below it.
        double sigma = 2.0;
        List<SampledGaussian> events = List.of(new SampledGaussian(sigma, 1, 1));
        for (double eps : new double[] {0.1, 0.5, 1, 2}) {
            double exact = GdpAccountant.deltaOfMu(1 / sigma, eps);
            double got = pld.delta(events, eps);
            assertTrue(got >= exact - 1e-12 && got <= exact + 1e-4, eps + ": " + got + " vs exact " + exact);
        }
        EpsilonEstimate e = pld.epsilon(events, 1e-5);
        assertTrue(e.bracketed() && e.lower() <= e.epsilon(), e.toString());
    }
}
