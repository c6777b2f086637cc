package org.leakbench.defense.dp;

/**
 * Where a mechanism takes its noise from: adds independent draws of one zero-mean distribution, at a given
 * scale, to every element of an array. Every noise-adding mechanism of this package (DP-SGD's
 * {@link GaussianMechanism} and {@link DpSgdStep}, {@link ClientLevelDp}, {@link LocalDp}, {@link AdditiveNoise})
 * takes one, so that a sweep can choose the sampler ({@link NoiseSources}): the fast floating-point Gaussian
 * ({@link FastGaussianSampler}) for experiments, the exact discrete Gaussian ({@link DiscreteGaussianNoise},
 * Canonne, Kamath, Steinke 2020) where floating-point attacks on the noise matter (Mironov 2012), or Laplace
 * ({@link LaplaceSampler}).
 *
 * <p>Implementations are not thread-safe: give each thread its own.
 */
public interface NoiseSource {
    /**
     * Adds a draw to every element of {@code values} in place.
     *
     * @param scale the distribution's scale, ≥ 0: the standard deviation σ of a Gaussian, b of a Laplace
     */
    void addTo(float[] values, double scale);

    /**
     * values[i] = (values[i] + draw) · factor in float, as {@link #addTo} and then a multiplication, for a
     * factor whose products are exact but for rounding (the inverse of a power of two). Samplers that add in
     * blocks fuse the two passes over {@code values}.
     */
    default void addToAndMultiply(float[] values, double scale, float factor) {
        addTo(values, scale);
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] * factor;
        }
    }

    /** A short name for tables and messages ({@code fast}, {@code discrete-gaussian}, {@code laplace}). */
    String name();
}
