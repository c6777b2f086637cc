package org.leakbench.defense.dp;

/**
 * Central client-level DP for federated averaging (McMahan, Ramage, Talwar, Zhang 2018, "Learning
 * Differentially Private Recurrent Language Models", DP-FedAvg with the flat clip): the server clips each
 * client's update to norm C, adds N(0, σ²C²) to the sum and divides by the number of clients. Account for it
 * with {@link RdpAccountant} using q = the client sampling rate.
 */
public final class ClientLevelDp {
    private final ClientDpOptions options;
    private final FastGaussianSampler noise;

    public ClientLevelDp(ClientDpOptions options, FastGaussianSampler noise) {
        if (options == null || noise == null) {
            throw new IllegalArgumentException("options and noise sampler must not be null");
        }
        this.options = options;
        this.noise = noise;
    }

    public ClientDpOptions options() {
        return options;
    }

    /** The noisy average of the clients' clipped updates (rows). */
    public float[] aggregate(float[][] clientUpdates) {
        Clipping.checkRectangular(clientUpdates);
        float[] sum = Clipping.clipAndSum(clientUpdates, options.clipNorm());
        return NoisySum.noiseAndScale(sum, options.noiseMultiplier() * options.clipNorm(), clientUpdates.length,
                noise);
    }
}
