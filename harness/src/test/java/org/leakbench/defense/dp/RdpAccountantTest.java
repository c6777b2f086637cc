package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RdpAccountantTest {
    /** TensorFlow Privacy's compute_dp_sgd_privacy orders: 1.25 … 4.5 in quarter/half steps, 5 … 63, 128, 256, 512. */
    static final double[] TF_PRIVACY_ORDERS = DoubleStream.concat(
                    DoubleStream.of(1.25, 1.5, 1.75, 2, 2.25, 2.5, 3, 3.5, 4, 4.5),
                    DoubleStream.concat(IntStream.rangeClosed(5, 63).asDoubleStream(), DoubleStream.of(128, 256, 512)))
            .toArray();

    @Test
    void reproducesOpacusReferenceValue() {
        // Opacus tests/accountants_test.py: σ = 1.5, q = 0.04, 2250 steps, δ = 1e-5, default orders,
        // improved conversion -> ε = 7.32911117143, best order 3.9.
        PrivacySpent spent = RdpAccountant.privacySpent(1.5, 0.04, 2250, 1e-5, Conversion.IMPROVED);
        assertEquals(7.32911117143, spent.epsilon(), 1e-9); // we get 7.329111171484
        assertEquals(3.9, spent.bestOrder(), 1e-12);
        assertEquals(Conversion.IMPROVED, spent.conversion());
    }

    /** The orders of TensorFlow Privacy's MNIST tutorial: [1 + x / 10 for x in 1..99] + [12, ..., 63]. */
    static final double[] TF_TUTORIAL_ORDERS = DoubleStream.concat(
                    IntStream.rangeClosed(1, 99).mapToDouble(x -> 1 + x / 10.0),
                    IntStream.rangeClosed(12, 63).asDoubleStream())
            .toArray();

    @Test
    void reproducesTensorFlowPrivacyMnistTutorial() {
        // TensorFlow Privacy tutorials/README.md, default setting of mnist_dpsgd_tutorial.py: σ = 1.1,
        // q = 256/60000, δ = 1e-5, the tutorial's own orders and the RDP-to-(ε, δ) conversion of its
        // get_privacy_spent (classic); it prints ε with two decimals: 1.03 after one epoch, 1.11 after two and
        // 3.01 after 60 epochs = 60 · 60000 // 256 = 14062 steps.
        double q = 256.0 / 60000;
        assertEquals(14062, 60 * 60000 / 256);
        assertEquals(3.01, tutorial(q, 14062), 0.005);
        assertEquals(1.03, tutorial(q, 60000 / 256), 0.005);
        assertEquals(1.11, tutorial(q, 2 * 60000 / 256), 0.005);
    }

    private static double tutorial(double q, long steps) {
        return new RdpAccountant(TF_TUTORIAL_ORDERS)
                .step(1.1, q, steps)
                .privacySpent(1e-5, Conversion.CLASSIC)
                .epsilon();
    }

    @Test
    void reproducesTensorFlowPrivacyLibraryTest() {
        // TensorFlow Privacy compute_dp_sgd_privacy_test.py (dp_accounting backend, improved conversion):
        // n = 60000, batch 150, σ = 1.3, 15 epochs (steps = ⌈15 · 60000 / 150⌉), δ = 1e-5
        // -> ε = 0.7242234026109595 at order 19.
        PrivacySpent spent = new RdpAccountant(TF_PRIVACY_ORDERS)
                .step(1.3, 150.0 / 60000, 6000)
                .privacySpent(1e-5, Conversion.IMPROVED);
        assertEquals(0.7242234026109595, spent.epsilon(), 1e-9);
        assertEquals(19.0, spent.bestOrder());
    }

    @Test
    void plainGaussianWhenSampleRateIsOne() {
        double[] rdp = RdpAccountant.rdp(2.0, 1.0, 3, new double[] {2, 5.5});
        assertArrayEquals(new double[] {3 * 2 / 8.0, 3 * 5.5 / 8.0}, rdp, 1e-15);
    }

    @Test
    void integerOrderMatchesClosedFormAtOrderTwo() {
        // A_2 = (1-q)^2 + 2q(1-q) + q^2 e^{1/σ²} = 1 + q²(e^{1/σ²} − 1).
        double q = 0.1;
        double sigma = 0.8;
        double expected = Math.log1p(q * q * Math.expm1(1 / (sigma * sigma)));
        assertEquals(expected, RdpAccountant.rdp(sigma, q, 1, new double[] {2})[0], 1e-14);
    }

    @Test
    void fractionalOrdersInterpolateIntegerOrders() {
        // RDP is continuous and non-decreasing in α: fractional orders sit between their integer neighbours.
        double[] orders = {3, 3.0000001, 3.5, 4};
        double[] rdp = RdpAccountant.rdp(1.1, 0.01, 1, orders);
        assertEquals(rdp[0], rdp[1], 1e-6 * rdp[0]);
        assertTrue(rdp[0] <= rdp[2] && rdp[2] <= rdp[3], "rdp not monotone in alpha");
    }

    @Test
    void zeroNoiseGivesInfiniteEpsilon() {
        PrivacySpent spent = RdpAccountant.privacySpent(0.0, 0.01, 10, 1e-5, Conversion.IMPROVED);
        assertEquals(Double.POSITIVE_INFINITY, spent.epsilon());
    }

    @Test
    void noStepsGiveZeroEpsilon() {
        assertEquals(0.0, RdpAccountant.epsilon(1.0, 0.01, 0, 1e-5, Conversion.CLASSIC));
        assertEquals(
                0.0, new RdpAccountant().privacySpent(1e-5, Conversion.IMPROVED).epsilon());
    }

    @Test
    void epsilonGrowsWithStepsAndSampleRateAndFallsWithNoise() {
        double base = RdpAccountant.epsilon(1.0, 0.01, 1000, 1e-5, Conversion.IMPROVED);
        assertTrue(RdpAccountant.epsilon(1.0, 0.01, 2000, 1e-5, Conversion.IMPROVED) > base);
        assertTrue(RdpAccountant.epsilon(1.0, 0.02, 1000, 1e-5, Conversion.IMPROVED) > base);
        assertTrue(RdpAccountant.epsilon(1.2, 0.01, 1000, 1e-5, Conversion.IMPROVED) < base);
        assertTrue(
                RdpAccountant.epsilon(1.0, 0.01, 1000, 1e-5, Conversion.CLASSIC) > base,
                "the improved conversion must be tighter than the classic one");
    }

    @Test
    void twoIdenticalHalvesComposeToTheWhole() {
        RdpAccountant halves = new RdpAccountant().step(1.3, 0.02, 500).step(1.3, 0.02, 500);
        RdpAccountant whole = new RdpAccountant().step(1.3, 0.02, 1000);
        assertArrayEquals(whole.rdp(), halves.rdp(), 1e-12);
        assertEquals(whole.privacySpent(1e-5, Conversion.IMPROVED), halves.privacySpent(1e-5, Conversion.IMPROVED));
        assertEquals(2, halves.history().size());
    }

    @Test
    void mixedMechanismsComposeAdditively() {
        double[] orders = RdpAccountant.defaultOrders();
        double[] a = RdpAccountant.rdp(1.0, 0.01, 100, orders);
        double[] b = RdpAccountant.rdp(2.0, 0.05, 300, orders);
        double[] both =
                new RdpAccountant().step(1.0, 0.01, 100).step(2.0, 0.05, 300).rdp();
        for (int i = 0; i < orders.length; i++) {
            assertEquals(a[i] + b[i], both[i], 1e-12 * both[i]);
        }
    }

    @Test
    void defaultOrdersAreOpacus() {
        double[] orders = RdpAccountant.defaultOrders();
        assertEquals(151, orders.length);
        assertEquals(1.1, orders[0]);
        assertEquals(10.9, orders[98], 1e-12);
        assertEquals(12, orders[99]);
        assertEquals(63, orders[150]);
    }

    @Test
    void badInputIsRejectedWithTheParameterNamed() {
        assertMessage("delta", () -> RdpAccountant.epsilon(1, 0.01, 10, 0, Conversion.IMPROVED));
        assertMessage("delta", () -> RdpAccountant.epsilon(1, 0.01, 10, 1, Conversion.IMPROVED));
        assertMessage("sampleRate", () -> RdpAccountant.epsilon(1, 0, 10, 1e-5, Conversion.IMPROVED));
        assertMessage("sampleRate", () -> RdpAccountant.epsilon(1, 1.5, 10, 1e-5, Conversion.IMPROVED));
        assertMessage("noiseMultiplier", () -> RdpAccountant.epsilon(-1, 0.01, 10, 1e-5, Conversion.IMPROVED));
        assertMessage("steps", () -> RdpAccountant.epsilon(1, 0.01, -1, 1e-5, Conversion.IMPROVED));
        assertMessage("orders[1]", () -> new RdpAccountant(new double[] {2, 1}));
        assertMessage("epsilon", () -> NoiseMultiplierSearch.find(0, 1e-5, 0.01, 10, Conversion.IMPROVED));
    }

    static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message lacks '" + fragment + "': " + e.getMessage());
    }
}
