package org.leakbench.defense.dp;

import java.security.SecureRandom;

/**
 * Gaussian noise of standard deviation σ made of exact discrete Gaussian samples (Canonne, Kamath, Steinke
 * 2020, "The Discrete Gaussian for Differential Privacy"): on the grid γ = σ / {@value #RESOLUTION}, each
 * value is rounded to the nearest multiple of γ and γ·Z is added with Z ~ N_Z(0, {@value #RESOLUTION}²) from
 * {@link DiscreteGaussianSampler}. The draw involves no floating point, and the released value is γ times an
 * integer, so its low-order bits do not reveal the draw as those of a floating-point sample can (Mironov 2012).
 *
 * <p>The price of the grid: rounding moves each of d coordinates by at most γ/2, so an L2 sensitivity Δ grows
 * to at most Δ + γ√d. At σ = 1·C and d = 60 000 (a LeNet) that is 0.75 %; the accountant does not add it.
 * About a microsecond a sample (a cryptographic generator drives it): choose it where the noise's exactness
 * matters, not for every experiment.
 */
public final class DiscreteGaussianNoise implements NoiseSource {
    /** σ in grid units; σ² = 2^30 keeps the sampler's arithmetic on longs. */
    public static final long RESOLUTION = 1L << 15;

    private final DiscreteGaussianSampler sampler;

    public DiscreteGaussianNoise(SecureRandom random) {
        if (random == null) {
            throw new IllegalArgumentException("discrete Gaussian noise: random source must not be null");
        }
        this.sampler = DiscreteGaussianSampler.ofSigmaSquared(RESOLUTION * RESOLUTION, 1, random);
    }

    @Override
    public void addTo(float[] values, double scale) {
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + scale);
        }
        if (scale == 0) {
            return;
        }
        double grid = scale / RESOLUTION;
        for (int i = 0; i < values.length; i++) {
            double k = Math.rint(values[i] / grid) + sampler.sample();
            values[i] = (float) (k * grid);
        }
    }

    @Override
    public String name() {
        return NoiseSources.DISCRETE_GAUSSIAN;
    }
}
