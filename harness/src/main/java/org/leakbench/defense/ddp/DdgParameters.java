package org.leakbench.defense.ddp;

/**
 * The settings of the distributed discrete Gaussian for one round of {@code clients} clients sending vectors of
 * {@code length} elements (Kairouz, Liu, Steinke, ICML 2021). Units: {@code clip} and {@code localStddev} in
 * update units; {@code gamma} is the width of the integer grid in update units, so a client's noise in integer
 * units has scale σ_l / γ and its clipped vector norm c / γ.
 *
 * @param clip        c, L2 norm every client's update is clipped to
 * @param bits        b, the sum lives in Z_{2^b} (what secure aggregation carries per coordinate)
 * @param gamma       γ > 0, the grid width
 * @param beta        β in [0, 1), conditional rounding's slack (0: plain randomised rounding)
 * @param localStddev σ_l >= 0, the scale of each client's discrete Gaussian share, in update units (0: no noise)
 * @param clients     n, the clients whose vectors are summed (each adds 1/n of the noise variance)
 * @param length      the update's element count (the mechanism works in its padded power of two)
 */
public record DdgParameters(
        double clip, int bits, double gamma, double beta, double localStddev, int clients, int length) {
    public DdgParameters {
        if (!(clip > 0) || Double.isInfinite(clip)) {
            throw new IllegalArgumentException("ddp: clip must be finite and > 0, got " + clip);
        }
        if (bits < 2 || bits > 32) {
            throw new IllegalArgumentException(
                    "ddp: bits must be in [2, 32] (secure aggregation's modulus), got " + bits);
        }
        if (!(gamma > 0) || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("ddp: gamma must be finite and > 0, got " + gamma);
        }
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("ddp: beta must be in [0, 1), got " + beta);
        }
        if (!(localStddev >= 0) || Double.isInfinite(localStddev)) {
            throw new IllegalArgumentException("ddp: local noise stddev must be finite and >= 0, got " + localStddev);
        }
        if (clients < 1) {
            throw new IllegalArgumentException("ddp: clients must be >= 1, got " + clients);
        }
        if (length < 1) {
            throw new IllegalArgumentException("ddp: update length must be >= 1, got " + length);
        }
        if (localStddev > 0 && localStddev / gamma < 0.5) {
            throw new IllegalArgumentException("ddp: local noise scale " + localStddev / gamma + " grid steps (sigma_l "
                    + localStddev + " / gamma " + gamma + ") is below 1/2, where the sum-of-discrete-Gaussians "
                    + "bound does not apply; lower gamma (more bits) or raise the noise");
        }
        double magnitude = Math.ceil(clip / gamma) + Math.sqrt(paddedLength(length));
        if ((double) clients * magnitude >= Math.pow(2, 62)) {
            throw new IllegalArgumentException("ddp: clip / gamma = " + clip / gamma + " grid steps overflows the "
                    + "integer sum of " + clients + " clients; raise gamma");
        }
    }

    /** The dimension the mechanism works in: {@code length} padded to a power of two. */
    public int paddedLength() {
        return paddedLength(length);
    }

    private static int paddedLength(int length) {
        return RandomizedHadamard.paddedLength(length);
    }

    /** The scale of one client's noise in grid steps, σ_l / γ. */
    public double localScale() {
        return localStddev / gamma;
    }

    /** Bits sent per element of the original update: b times the padding's overhead D / length. */
    public double bitsPerCoordinate() {
        return (double) bits * paddedLength() / length;
    }

    /** The bound on a client's rounded vector norm, in grid steps (conditional rounding's target). */
    public double roundedNormBound() {
        return ConditionalRounding.normBound(clip / gamma, beta, paddedLength());
    }

    /**
     * The largest k such that k standard deviations of a coordinate of the sum fit the modulus: the sum's
     * coordinate has variance at most c²n²/D + n(1/4 + σ_l²/γ²) grid steps² (signal flattened by the rotation,
     * n roundings, n noise shares), and must stay within ±2^(b−1) to survive modular clipping.
     */
    public double headroomStddevs() {
        double variance = clip * clip * clients * (double) clients / (gamma * gamma * paddedLength())
                + clients * (0.25 + localScale() * localScale());
        return Math.pow(2, bits - 1) / Math.sqrt(variance);
    }
}
