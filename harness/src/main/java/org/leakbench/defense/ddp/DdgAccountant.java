package org.leakbench.defense.ddp;

import org.leakbench.defense.dp.Conversion;
import org.leakbench.defense.dp.RdpAccountant;

/**
 * Privacy of the distributed discrete Gaussian over rounds, by Rényi DP (Kairouz, Liu, Steinke, ICML 2021):
 * <ul>
 *   <li>sensitivity: the rounded vector's L2 norm is at most Δ₂ = {@link ConditionalRounding#normBound} of the
 *       clipped norm c/γ (Proposition 22, conditional rounding), and its L1 norm at most Δ₁ = Δ₂ · min(√D, Δ₂)
 *       (integers: ‖v‖₁ ≤ ‖v‖₂²);</li>
 *   <li>the sum of n discrete Gaussians of scale s is not a discrete Gaussian; Theorem 1 bounds the divergence
 *       with τ = 10 Σ_{k=1}^{n−1} exp(−2π² s² k/(k+1));</li>
 *   <li>order-α Rényi DP of one round (Proposition 14, with central scale √n·s):
 *       min(α/2 · l₂² + τD, α/2 · (l₂² + 2 l₁ τ + τ² D), α/2 · (l₂ + τ√D)²), l_p = Δ_p / (√n s);</li>
 *   <li>composed over rounds, converted to (ε, δ) by the improved conversion (Canonne, Kamath, Steinke 2020).</li>
 * </ul>
 * Every client takes part in every round: sampling of clients (amplification) is not analysed here and refused.
 */
public final class DdgAccountant {
    /** Opacus' default orders and a few higher ones, which small ε with many coordinates needs. */
    private static final double[] ORDERS = orders();

    private DdgAccountant() {}

    private static double[] orders() {
        double[] base = RdpAccountant.defaultOrders();
        double[] extra = {80, 96, 128, 192, 256};
        double[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    /** τ of Theorem 1 for n clients each adding noise of scale {@code scale} grid steps. */
    public static double tau(double scale, int clients) {
        double sum = 0;
        for (int k = 1; k < clients; k++) {
            sum += Math.exp(-2 * Math.PI * Math.PI * scale * scale * k / (k + 1.0));
        }
        return 10 * sum;
    }

    /** Order-α RDP of one round (Proposition 14 with Theorem 1's τ). */
    public static double roundRdp(DdgParameters p, double order) {
        if (p.localStddev() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        int dim = p.paddedLength();
        double l2Sens = p.roundedNormBound();
        double l1Sens = l2Sens * Math.min(Math.sqrt(dim), l2Sens);
        double central = Math.sqrt(p.clients()) * p.localScale();
        double l2 = l2Sens / central;
        double l1 = l1Sens / central;
        double tau = tau(p.localScale(), p.clients());
        double a = order / 2 * l2 * l2 + tau * dim;
        double b = order / 2 * (l2 * l2 + 2 * l1 * tau + tau * tau * dim);
        double c = order / 2 * Math.pow(l2 + Math.sqrt(dim) * tau, 2);
        return Math.min(a, Math.min(b, c));
    }

    /** ε at δ after {@code rounds} rounds with every client in every round ({@code clientRate} must be 1). */
    public static double epsilon(DdgParameters p, double clientRate, long rounds, double delta) {
        if (clientRate != 1.0) {
            throw new IllegalArgumentException("ddp accounting covers every client in every round (rate 1), got a "
                    + "client sampling rate of " + clientRate);
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("ddp accounting: rounds must be >= 1, got " + rounds);
        }
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("ddp accounting: delta must be in (0, 1), got " + delta);
        }
        if (p.localStddev() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double[] orders = ORDERS.clone();
        double[] rdp = new double[orders.length];
        for (int i = 0; i < orders.length; i++) {
            rdp[i] = rounds * roundRdp(p, orders[i]);
        }
        return RdpAccountant.privacySpent(orders, rdp, delta, Conversion.IMPROVED)
                .epsilon();
    }
}
