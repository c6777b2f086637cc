package org.leakbench.defense.dp;

/**
 * Central client-level DP for federated averaging (McMahan, Ramage, Talwar, Zhang 2018, "Learning
 * Differentially Private Recurrent Language Models", DP-FedAvg with the flat clip): the server clips each
 * client's update to norm C, adds N(0, σ²C²) once to the sum and divides by the expected number of
 * participants qW (their fixed-denominator estimator). The guarantee is user-level: adding or removing one
 * client's whole data moves the sum by at most C, so each round is the sampled Gaussian mechanism with noise
 * multiplier σ at the client sampling rate q = clients per round / population ({@link #epsilon}).
 */
public final class ClientLevelDp {
    private final ClientDpOptions options;
    private final NoiseSource noise;

    public ClientLevelDp(ClientDpOptions options, NoiseSource noise) {
        if (options == null || noise == null) {
            throw new IllegalArgumentException("options and noise sampler must not be null");
        }
        this.options = options;
        this.noise = noise;
    }

    public ClientDpOptions options() {
        return options;
    }

    /** The noisy average of the clients' clipped updates (rows), divided by their number. */
    public float[] aggregate(float[][] clientUpdates) {
        Clipping.checkRectangular(clientUpdates);
        return aggregate(clientUpdates, clientUpdates.length);
    }

    /** (Σ clipped updates + N(0, σ²C²)) / {@code denominator}; pass qW, the expected number of participants. */
    public float[] aggregate(float[][] clientUpdates, double denominator) {
        if (!(denominator > 0) || Double.isInfinite(denominator)) {
            throw new IllegalArgumentException("denominator must be finite and > 0, got " + denominator);
        }
        Clipping.checkRectangular(clientUpdates);
        float[] sum = Clipping.clipAndSum(clientUpdates, options.clipNorm());
        return NoisySum.noiseAndScale(sum, options.noiseMultiplier() * options.clipNorm(), denominator, noise);
    }

    /**
     * User-level ε at δ after {@code rounds} rounds with client sampling rate q: the sampled Gaussian mechanism
     * with noise multiplier σ (sensitivity C under add/remove-one-client), improved conversion.
     */
    public static double epsilon(double noiseMultiplier, double clientRate, long rounds, double delta) {
        return RdpAccountant.epsilon(noiseMultiplier, clientRate, rounds, delta, Conversion.IMPROVED);
    }
}
