package org.leakbench.defense.dp;

/**
 * DP-SGD's aggregation step (Abadi et al. 2016, Algorithm 1): clip each example's gradient to norm C, sum,
 * add N(0, σ²C²) to every coordinate, divide by the batch size. The privacy of many such steps is what
 * {@link RdpAccountant} accounts for, with q the Poisson sampling rate of the batch.
 */
public final class GaussianMechanism {
    private final DpSgdOptions options;
    private final NoiseSource noise;

    public GaussianMechanism(DpSgdOptions options, NoiseSource noise) {
        if (options == null || noise == null) {
            throw new IllegalArgumentException("options and noise sampler must not be null");
        }
        this.options = options;
        this.noise = noise;
    }

    public DpSgdOptions options() {
        return options;
    }

    /** The noisy mean gradient of a batch of per-example gradients (rows), divided by the actual batch size. */
    public float[] aggregate(float[][] perExampleGradients) {
        Clipping.checkRectangular(perExampleGradients);
        return aggregate(perExampleGradients, (double) perExampleGradients.length);
    }

    /**
     * Like {@link #aggregate(float[][])} but divided by {@code denominator}: with Poisson sampling, pass the
     * expected batch size q·N so that the divisor does not depend on the private batch.
     */
    public float[] aggregate(float[][] perExampleGradients, double denominator) {
        if (!(denominator > 0) || Double.isInfinite(denominator)) {
            throw new IllegalArgumentException("denominator must be finite and > 0, got " + denominator);
        }
        float[] sum = Clipping.clipAndSum(perExampleGradients, options.clipNorm());
        return NoisySum.noiseAndScale(sum, options.noiseMultiplier() * options.clipNorm(), denominator, noise);
    }
}
