package org.leakbench.defense.dp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rényi-DP accountant for DP-SGD and DP-FedAvg: keeps a history of (noise multiplier, sampling rate, steps)
 * entries of the Poisson-subsampled Gaussian mechanism and converts the composed RDP to (ε, δ).
 *
 * <p>RDP composes additively: the total at each order α is the sum over entries of steps × RDP of one step
 * (Mironov 2017, Proposition 1), so entries with different σ or q mix freely. ε is minimised over the
 * accountant's orders. The default orders are Opacus': 1.1, 1.2, …, 10.9 and 12, 13, …, 63.
 *
 * <p>Not thread-safe; the static helpers are.
 */
public final class RdpAccountant {
    private static final double[] DEFAULT_ORDERS = buildDefaultOrders();

    /** One composed mechanism: {@code steps} applications with noise multiplier σ and sampling rate q. */
    public record Entry(double noiseMultiplier, double sampleRate, long steps) {
        public Entry {
            DpChecks.noiseMultiplier(noiseMultiplier);
            DpChecks.sampleRate(sampleRate);
            DpChecks.steps(steps);
        }
    }

    private final double[] orders;
    private final List<Entry> history = new ArrayList<>();

    /** An accountant over the default (Opacus) orders. */
    public RdpAccountant() {
        this(DEFAULT_ORDERS);
    }

    /** An accountant over the given Rényi orders, each finite and &gt; 1. */
    public RdpAccountant(double[] orders) {
        this.orders = DpChecks.orders(orders);
    }

    /** Opacus' default orders: 1.1, 1.2, …, 10.9, then 12, 13, …, 63 (a fresh copy). */
    public static double[] defaultOrders() {
        return DEFAULT_ORDERS.clone();
    }

    private static double[] buildDefaultOrders() {
        double[] o = new double[99 + 52];
        for (int x = 1; x <= 99; x++) {
            o[x - 1] = 1 + x / 10.0; // same rounding as 1 + x / 10 in the reference
        }
        for (int a = 12; a <= 63; a++) {
            o[99 + a - 12] = a;
        }
        return o;
    }

    /** Records {@code steps} steps with noise multiplier σ and Poisson sampling rate q; returns this. */
    public RdpAccountant step(double noiseMultiplier, double sampleRate, long steps) {
        history.add(new Entry(noiseMultiplier, sampleRate, steps));
        return this;
    }

    /** The recorded entries, oldest first (unmodifiable). */
    public List<Entry> history() {
        return List.copyOf(history);
    }

    /** The orders this accountant minimises over (a copy). */
    public double[] orders() {
        return orders.clone();
    }

    /** Total RDP at each order, summed over the history. */
    public double[] rdp() {
        double[] total = new double[orders.length];
        for (Entry e : history) {
            double[] part = rdp(e.noiseMultiplier(), e.sampleRate(), e.steps(), orders);
            for (int i = 0; i < total.length; i++) {
                total[i] += part[i];
            }
        }
        return total;
    }

    /** The (ε, δ) guarantee of everything recorded so far. */
    public PrivacySpent privacySpent(double delta, Conversion conversion) {
        return privacySpent(orders, rdp(), delta, conversion);
    }

    /** RDP at each order of {@code steps} steps of the sampled Gaussian mechanism. */
    public static double[] rdp(double noiseMultiplier, double sampleRate, long steps, double[] orders) {
        DpChecks.noiseMultiplier(noiseMultiplier);
        DpChecks.sampleRate(sampleRate);
        DpChecks.steps(steps);
        double[] checked = DpChecks.orders(orders);
        double[] out = new double[checked.length];
        if (steps == 0) {
            return out;
        }
        for (int i = 0; i < checked.length; i++) {
            out[i] = steps * SampledGaussianRdp.rdp(sampleRate, noiseMultiplier, checked[i]);
        }
        return out;
    }

    /**
     * Converts per-order RDP to the best (ε, δ): the minimum over orders of the conversion, clamped at 0.
     * An all-zero RDP (nothing happened) gives ε = 0; no finite value gives ε = ∞.
     */
    public static PrivacySpent privacySpent(double[] orders, double[] rdp, double delta, Conversion conversion) {
        double[] checked = DpChecks.orders(orders);
        DpChecks.delta(delta);
        if (conversion == null) {
            throw new IllegalArgumentException("conversion must be IMPROVED or CLASSIC, got null");
        }
        if (rdp.length != checked.length) {
            throw new IllegalArgumentException(
                    "rdp has " + rdp.length + " values but there are " + checked.length + " orders");
        }
        if (Arrays.stream(rdp).allMatch(r -> r == 0)) {
            return new PrivacySpent(0.0, delta, Double.NaN, conversion);
        }
        double best = Double.POSITIVE_INFINITY;
        double bestOrder = Double.NaN;
        for (int i = 0; i < checked.length; i++) {
            double eps = conversion.epsilon(rdp[i], checked[i], delta);
            if (eps < best) {
                best = eps;
                bestOrder = checked[i];
            }
        }
        return new PrivacySpent(Math.max(0.0, best), delta, bestOrder, conversion);
    }

    /** ε after {@code steps} steps with noise multiplier σ and sampling rate q, over the default orders. */
    public static double epsilon(
            double noiseMultiplier, double sampleRate, long steps, double delta, Conversion conversion) {
        return privacySpent(noiseMultiplier, sampleRate, steps, delta, conversion)
                .epsilon();
    }

    /** Like {@link #epsilon} but with the best order, over the default orders. */
    public static PrivacySpent privacySpent(
            double noiseMultiplier, double sampleRate, long steps, double delta, Conversion conversion) {
        return new RdpAccountant().step(noiseMultiplier, sampleRate, steps).privacySpent(delta, conversion);
    }
}
