package org.leakbench.defense.dp;

/**
 * One event an {@link Accountant} composes: {@code steps} applications of the Poisson-subsampled Gaussian
 * mechanism with noise multiplier σ (noise standard deviation over the L2 sensitivity) and sampling rate q.
 * A training whose σ or q changes part-way is a list of these.
 *
 * @param noiseMultiplier σ, finite and &gt; 0
 * @param sampleRate      q, in (0, 1]; 1 is the Gaussian mechanism without subsampling
 * @param steps           how many times it is applied, at least 1
 */
public record SampledGaussian(double noiseMultiplier, double sampleRate, long steps) {
    public SampledGaussian {
        if (!(noiseMultiplier > 0) || Double.isInfinite(noiseMultiplier)) {
            throw new IllegalArgumentException("noiseMultiplier must be finite and > 0, got " + noiseMultiplier);
        }
        DpChecks.sampleRate(sampleRate);
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
    }
}
