package org.leakbench.defense.dp;

import java.util.List;

/**
 * The Rényi-DP accountant behind the {@link Accountant} interface: RDP of each event at every order
 * ({@link RdpAccountant#rdp}), summed (RDP composes additively, so changing σ or q mid-training costs
 * nothing extra), and converted to (ε, δ) at the best order. δ(ε) inverts the same conversion at each order
 * and takes the smallest, as dp_accounting's {@code compute_delta} does.
 */
public final class RenyiDpAccountant implements Accountant {
    private final double[] orders;
    private final Conversion conversion;

    /** Opacus' default orders and the improved conversion (what Opacus reports). */
    public RenyiDpAccountant() {
        this(RdpAccountant.defaultOrders(), Conversion.IMPROVED);
    }

    public RenyiDpAccountant(double[] orders, Conversion conversion) {
        this.orders = DpChecks.orders(orders);
        if (conversion == null) {
            throw new IllegalArgumentException("conversion must be IMPROVED or CLASSIC, got null");
        }
        this.conversion = conversion;
    }

    @Override
    public String name() {
        return "rdp";
    }

    /** The summed RDP of the events at this accountant's orders. */
    double[] rdp(List<SampledGaussian> events) {
        double[] total = new double[orders.length];
        for (SampledGaussian e : events) {
            double[] part = RdpAccountant.rdp(e.noiseMultiplier(), e.sampleRate(), e.steps(), orders);
            for (int i = 0; i < total.length; i++) {
                total[i] += part[i];
            }
        }
        return total;
    }

    /** The (ε, δ) with its best order. */
    public PrivacySpent privacySpent(List<SampledGaussian> events, double delta) {
        return RdpAccountant.privacySpent(orders, rdp(Accountant.checked(events, delta)), delta, conversion);
    }

    @Override
    public EpsilonEstimate epsilon(List<SampledGaussian> events, double delta) {
        return EpsilonEstimate.single(name(), privacySpent(events, delta).epsilon(), delta);
    }

    @Override
    public double delta(List<SampledGaussian> events, double epsilon) {
        Accountant.checkedEpsilon(epsilon);
        return delta(orders, rdp(Accountant.checked(events, 0.5)), epsilon, conversion);
    }

    /** The smallest δ over orders at which the RDP curve gives ε, capped at 1. */
    public static double delta(double[] orders, double[] rdp, double epsilon, Conversion conversion) {
        double[] checked = DpChecks.orders(orders);
        if (rdp.length != checked.length) {
            throw new IllegalArgumentException(
                    "rdp has " + rdp.length + " values but there are " + checked.length + " orders");
        }
        double best = 0.0; // log 1
        for (int i = 0; i < checked.length; i++) {
            best = Math.min(best, conversion.logDelta(rdp[i], checked[i], epsilon));
        }
        return Math.exp(best);
    }
}
