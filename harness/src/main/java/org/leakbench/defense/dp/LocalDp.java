package org.leakbench.defense.dp;

/**
 * Local DP for federated learning: each client clips its own update to norm C and adds N(0, σ²C²) before
 * sending it, so the server (and anyone watching) only sees noisy updates. The average of n such updates
 * carries noise of standard deviation σC/√n per coordinate, √n times more than central DP at the same σ.
 */
public final class LocalDp {
    private final ClientDpOptions options;
    private final FastGaussianSampler noise;

    /** {@code noise} should be this client's own sampler (split from the run's seed). */
    public LocalDp(ClientDpOptions options, FastGaussianSampler noise) {
        if (options == null || noise == null) {
            throw new IllegalArgumentException("options and noise sampler must not be null");
        }
        this.options = options;
        this.noise = noise;
    }

    public ClientDpOptions options() {
        return options;
    }

    /** A clipped, noised copy of {@code update}; the input is left untouched. */
    public float[] privatize(float[] update) {
        float[] out = update.clone();
        Clipping.clipInPlace(out, options.clipNorm());
        double std = options.noiseMultiplier() * options.clipNorm();
        if (std > 0) {
            noise.addTo(out, std);
        }
        return out;
    }
}
