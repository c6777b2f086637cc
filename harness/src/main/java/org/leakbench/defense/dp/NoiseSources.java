package org.leakbench.defense.dp;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Gaussian noise sources a sweep may choose with {@code dp.noise}: {@code fast}, floating-point Box–Muller on
 * the Vector API ({@link BoxMullerSampler}); {@code ziggurat}, the floating-point ziggurat that {@code fast} was
 * before ({@link FastGaussianSampler}, kept so that older results can be repeated); or {@code discrete-gaussian},
 * exact discrete Gaussian samples on a fine grid ({@link DiscreteGaussianNoise}). All are seeded from the caller's
 * stream, so a sweep stays reproducible.
 */
public final class NoiseSources {
    public static final String FAST = "fast";
    public static final String ZIGGURAT = "ziggurat";
    public static final String DISCRETE_GAUSSIAN = "discrete-gaussian";
    /** The names {@link #gaussian} accepts. */
    public static final List<String> GAUSSIAN_NAMES = List.of(FAST, ZIGGURAT, DISCRETE_GAUSSIAN);

    private NoiseSources() {}

    /**
     * A Gaussian noise source called {@code name}, seeded from {@code rng} ({@code gaussian("fast", rng)} gives
     * the same stream as {@code new BoxMullerSampler(rng)}, {@code gaussian("ziggurat", rng)} as
     * {@code new FastGaussianSampler(rng)}).
     */
    public static NoiseSource gaussian(String name, SplittableRandom rng) {
        if (rng == null) {
            throw new IllegalArgumentException("noise source: random stream must be given");
        }
        if (FAST.equals(name)) {
            return new BoxMullerSampler(rng);
        }
        if (ZIGGURAT.equals(name)) {
            return new FastGaussianSampler(rng);
        }
        if (DISCRETE_GAUSSIAN.equals(name)) {
            return new DiscreteGaussianNoise(seeded(rng.nextLong()));
        }
        throw new IllegalArgumentException("dp.noise must be one of " + GAUSSIAN_NAMES + ", got '" + name + "'");
    }

    /**
     * A cryptographic generator seeded only by {@code seed} (SHA1PRNG seeded before its first use is
     * deterministic), so that runs repeat. A deployment would use {@link DiscreteGaussianSampler#defaultRandom()}.
     */
    static SecureRandom seeded(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA1PRNG generator", e);
        }
    }
}
