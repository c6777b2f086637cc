package org.leakbench.defense.dp;

import java.util.SplittableRandom;

/**
 * Continuous Laplace(0, b) noise, density exp(−|x|/b)/(2b) and variance 2b², as a random sign times an
 * exponential of mean b (inverse CDF). Seeded from a {@link SplittableRandom}; not thread-safe.
 */
public final class LaplaceSampler implements NoiseSource {
    private final SplittableRandom random;

    public LaplaceSampler(SplittableRandom random) {
        this.random = random;
    }

    public LaplaceSampler(long seed) {
        this(new SplittableRandom(seed));
    }

    /** The scale b giving the requested variance 2b². */
    public static double scaleForVariance(double variance) {
        if (!(variance >= 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("variance must be finite and >= 0, got " + variance);
        }
        return Math.sqrt(variance / 2);
    }

    /** One sample of Laplace(0, scale). */
    public double next(double scale) {
        long bits = random.nextLong();
        double u = ((bits >>> 11) + 1) * 0x1.0p-53; // (0, 1]
        double e = -Math.log(u) * scale;
        return (bits & 1) == 0 ? e : -e;
    }

    /** Fills {@code out} with Laplace(0, scale) samples. */
    public void fill(float[] out, double scale) {
        checkScale(scale);
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) next(scale);
        }
    }

    /** Adds Laplace(0, scale) noise to every element of {@code values}. */
    @Override
    public void addTo(float[] values, double scale) {
        checkScale(scale);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (values[i] + next(scale));
        }
    }

    @Override
    public String name() {
        return "laplace";
    }

    private static void checkScale(double scale) {
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be finite and >= 0, got " + scale);
        }
    }
}
