package org.leakbench.defense.dp;

import java.util.Locale;

/**
 * How DP-SGD draws its batches, and so what its accounted ε means.
 * <ul>
 *   <li>{@link #POISSON}: every row joins each step's batch independently with probability q, and the noisy sum
 *       is divided by the expected batch size q·N. This is the sampling the RDP accountant analyses (Mironov,
 *       Talwar, Zhang 2019), so its ε is exact up to the accountant's own bound.</li>
 *   <li>{@link #SHUFFLE}: each epoch a fresh permutation cut into fixed-size batches, divided by the realised
 *       batch size, as most training code does. The accountant's ε is then only the Poisson approximation:
 *       Chua et al. 2024 ("How Private are DP-SGD Implementations?") show that shuffling can be much less
 *       private than that number says. Rows report it with {@code epsilon_approx = 1}.</li>
 * </ul>
 */
public enum DpSampling {
    POISSON,
    SHUFFLE;

    /** The lower-case name used in sweep files ({@code dp.sampling}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code poisson} or {@code shuffle}. */
    public static DpSampling parse(String id) {
        for (DpSampling s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("dp.sampling must be poisson or shuffle, got '" + id + "'");
    }
}
