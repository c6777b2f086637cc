package org.leakbench.defense.dp;

import java.util.Arrays;

/**
 * The state of quantile-based adaptive clipping (Andrew, Thakkar, McMahan, Ramaswamy 2021, Algorithm 1): in
 * every round each client also reports the bit b_i = 1[‖Δ_i‖ ≤ C]; the server releases the share
 * b̄ = (Σ (b_i − 1/2) + N(0, σ_b²)) / m + 1/2 of unclipped updates (m the expected number of participants) and
 * moves C geometrically toward the γ-quantile of the update norms: C ← C·exp(−η_C (b̄ − γ)). The update noise
 * then uses {@link AdaptiveClipOptions#updateNoiseMultiplier} so that the round as a whole stays the Gaussian
 * mechanism of the configured multiplier. Not thread-safe: one per training, updated once a round.
 */
public final class AdaptiveClipping {
    private final AdaptiveClipOptions options;
    private double clip;
    private double[] used = new double[16];
    private int rounds;

    public AdaptiveClipping(AdaptiveClipOptions options, double initialClip) {
        if (options == null) {
            throw new IllegalArgumentException("adaptive clipping: options must be given");
        }
        this.options = options;
        this.clip = DpChecks.clipNorm(initialClip);
    }

    /** C for the current round. */
    public double clipNorm() {
        return clip;
    }

    /**
     * Ends a round whose updates had the (unclipped) norms {@code norms}, clipped at {@link #clipNorm()}: releases
     * the noisy unclipped share and moves C. Returns the released share b̄.
     */
    public double update(double[] norms, double expectedParticipants, NoiseSource noise) {
        if (norms == null || norms.length == 0) {
            throw new IllegalArgumentException("adaptive clipping: a round needs at least one update norm");
        }
        double centred = 0;
        for (double n : norms) {
            centred += (n <= clip ? 1 : 0) - 0.5;
        }
        float[] count = {(float) centred};
        noise.addTo(count, options.countStd(expectedParticipants));
        double share = count[0] / expectedParticipants + 0.5;
        record(clip);
        clip = clip * Math.exp(-options.learningRate() * (share - options.targetQuantile()));
        return share;
    }

    private void record(double c) {
        if (rounds == used.length) {
            used = Arrays.copyOf(used, 2 * used.length);
        }
        used[rounds++] = c;
    }

    /** The clipping norm each completed round used, in order. */
    public double[] trajectory() {
        return Arrays.copyOf(used, rounds);
    }
}
