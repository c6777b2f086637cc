package org.leakbench.defense.dp;

/**
 * Local DP for federated learning: each client clips its own update to norm C and adds N(0, σ²C²) before
 * sending it, so the server (and anyone watching) only sees noisy updates. The average of n such updates
 * carries noise of standard deviation σC/√n per coordinate, √n times more than central DP at the same σ.
 *
 * <p>Its guarantee ({@link #epsilon}) protects all of one client's data against whoever sees the update: the
 * neighbour of a client's data is any other data of that client (replacement), under which the clipped update
 * can move anywhere in the ball of radius C, a sensitivity of 2C, so a round is the Gaussian mechanism with
 * noise multiplier σ/2. There is no amplification by sampling (the observer sees the update of every client
 * that takes part), and the rounds a client takes part in compose.
 */
public final class LocalDp {
    private final ClientDpOptions options;
    private final NoiseSource noise;

    /** {@code noise} should be this client's own sampler (split from the run's seed). */
    public LocalDp(ClientDpOptions options, NoiseSource noise) {
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

    /** ε at δ of a client that sent {@code releases} updates (improved conversion, default orders). */
    public static double epsilon(double noiseMultiplier, long releases, double delta) {
        return RdpAccountant.epsilon(noiseMultiplier / 2, 1.0, releases, delta, Conversion.IMPROVED);
    }
}
