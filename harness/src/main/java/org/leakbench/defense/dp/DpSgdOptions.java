package org.leakbench.defense.dp;

/**
 * Options of DP-SGD's Gaussian mechanism.
 *
 * @param clipNorm        C, the L2 bound on each example's gradient, &gt; 0
 * @param noiseMultiplier σ, the noise standard deviation in units of C, ≥ 0 (0 = clipping only)
 * @param sampling        how batches are drawn ({@link DpSampling#POISSON} unless asked otherwise)
 * @param noise           the Gaussian noise source, a name of {@link NoiseSources#GAUSSIAN_NAMES}
 */
public record DpSgdOptions(double clipNorm, double noiseMultiplier, DpSampling sampling, String noise) {
    public DpSgdOptions {
        DpChecks.clipNorm(clipNorm);
        DpChecks.noiseMultiplier(noiseMultiplier);
        if (sampling == null) {
            throw new IllegalArgumentException("dp.sampling must be poisson or shuffle, got null");
        }
        if (!NoiseSources.GAUSSIAN_NAMES.contains(noise)) {
            throw new IllegalArgumentException(
                    "dp.noise must be one of " + NoiseSources.GAUSSIAN_NAMES + ", got '" + noise + "'");
        }
    }

    /** Poisson sampling and the fast Gaussian. */
    public DpSgdOptions(double clipNorm, double noiseMultiplier) {
        this(clipNorm, noiseMultiplier, DpSampling.POISSON, NoiseSources.FAST);
    }

    public DpSgdOptions withSampling(DpSampling s) {
        return new DpSgdOptions(clipNorm, noiseMultiplier, s, noise);
    }
}
