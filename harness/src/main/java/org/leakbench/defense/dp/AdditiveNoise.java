package org.leakbench.defense.dp;

import java.util.SplittableRandom;

/**
 * The noise defense evaluated by Zhu, Liu, Han 2019 ("Deep Leakage from Gradients", Section 5): Gaussian or
 * Laplacian noise of a given variance added to every coordinate of an update, with no clipping. It gives no
 * formal DP guarantee (the update's sensitivity is unbounded); it is a point on the privacy-utility curve.
 */
public final class AdditiveNoise {
    private final AdditiveNoiseOptions options;
    private final NoiseSource gaussian;
    private final NoiseSource laplace;

    public AdditiveNoise(AdditiveNoiseOptions options, SplittableRandom random) {
        this(options, random, NoiseSources.FAST);
    }

    /** With the Gaussian kind's noise from the source called {@code gaussianSource} ({@link NoiseSources}). */
    public AdditiveNoise(AdditiveNoiseOptions options, SplittableRandom random, String gaussianSource) {
        if (options == null || random == null) {
            throw new IllegalArgumentException("options and random must not be null");
        }
        this.options = options;
        this.gaussian = NoiseSources.gaussian(gaussianSource, random.split());
        this.laplace = new LaplaceSampler(random.split());
    }

    public AdditiveNoiseOptions options() {
        return options;
    }

    /** A noised copy of {@code update}. */
    public float[] apply(float[] update) {
        float[] out = update.clone();
        applyInPlace(out);
        return out;
    }

    /** Adds the noise to {@code update} in place. */
    public void applyInPlace(float[] update) {
        if (options.variance() == 0) {
            return;
        }
        switch (options.kind()) {
            case GAUSSIAN -> gaussian.addTo(update, Math.sqrt(options.variance()));
            case LAPLACE -> laplace.addTo(update, LaplaceSampler.scaleForVariance(options.variance()));
            default -> throw new IllegalStateException("unknown noise kind " + options.kind());
        }
    }
}
