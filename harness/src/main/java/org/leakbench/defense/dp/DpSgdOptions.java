package org.leakbench.defense.dp;

/**
 * Options of DP-SGD's Gaussian mechanism.
 *
 * @param clipNorm        C, the L2 bound on each example's gradient, &gt; 0
 * @param noiseMultiplier σ, the noise standard deviation in units of C, ≥ 0 (0 = clipping only)
 */
public record DpSgdOptions(double clipNorm, double noiseMultiplier) {
    public DpSgdOptions {
        DpChecks.clipNorm(clipNorm);
        DpChecks.noiseMultiplier(noiseMultiplier);
    }
}
