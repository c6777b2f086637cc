package org.leakbench.defense.dp;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Gaussian noise sources a sweep may choose with {@code dp.noise}: {@code fast}, the floating-point
 * ziggurat ({@link FastGaussianSampler}), or {@code discrete-gaussian}, exact discrete Gaussian samples on a fine
 * grid ({@link DiscreteGaussianNoise}). Both are seeded from the caller's stream, so a sweep stays reproducible.
 */
public final class NoiseSources {
    public static final String FAST = "fast";
    public static final String DISCRETE_GAUSSIAN = "discrete-gaussian";
    /** The names {@link #gaussian} accepts. */
    public static final List<String> GAUSSIAN_NAMES = List.of(FAST, DISCRETE_GAUSSIAN);

    private NoiseSources() {}

    /**
     * A Gaussian noise source called {@code name}, seeded from {@code rng} (one draw of it for {@code fast}, so
     * that {@code gaussian("fast", rng)} gives the same stream as {@code new FastGaussianSampler(rng)}).
     */
    public static NoiseSource gaussian(String name, SplittableRandom rng) {
        if (rng == null) {
            throw new IllegalArgumentException("noise source: random stream must be given");
        }
        if (FAST.equals(name)) {
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
