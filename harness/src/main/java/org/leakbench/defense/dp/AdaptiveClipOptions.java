package org.leakbench.defense.dp;

/**
 * Options of quantile-based adaptive clipping for DP-FedAvg (Andrew, Thakkar, McMahan, Ramaswamy 2021,
 * "Differentially Private Learning with Adaptive Clipping", NeurIPS; {@link AdaptiveClipping}). Their defaults:
 * γ = 0.5, η_C = 0.2 and σ_b = m/20 for m expected clients per round, i.e. a count noise of 0.05 here.
 *
 * @param targetQuantile γ, the share of client updates the clipping norm should leave unclipped, in (0, 1)
 * @param learningRate   η_C of the geometric update C ← C·exp(−η_C (b̄ − γ)), &gt; 0
 * @param countNoise     σ_b / m: the standard deviation of the noise on the unclipped share b̄, ≥ 0
 */
public record AdaptiveClipOptions(double targetQuantile, double learningRate, double countNoise) {
    public AdaptiveClipOptions {
        if (!(targetQuantile > 0 && targetQuantile < 1)) {
            throw new IllegalArgumentException("dp.clip-quantile must be in (0, 1), got " + targetQuantile);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("dp.clip-lr must be finite and > 0, got " + learningRate);
        }
        if (!(countNoise >= 0) || Double.isInfinite(countNoise)) {
            throw new IllegalArgumentException("dp.count-noise must be finite and >= 0, got " + countNoise);
        }
    }

    /** σ_b: the noise on the sum of the clients' bits, for {@code expectedParticipants} = m clients a round. */
    public double countStd(double expectedParticipants) {
        return countNoise * expectedParticipants;
    }

    /**
     * z_Δ = (z⁻² − (2σ_b)⁻²)^(−1/2), the noise multiplier left for the updates when the whole round is to be the
     * Gaussian mechanism of multiplier z (Andrew et al. 2021, Theorem 1: the centred bits b − 1/2 have
     * sensitivity 1/2, so the count costs what noise 2σ_b on a sensitivity-1 query costs). z = 0 (clipping only,
     * no guarantee) leaves the updates unnoised.
     *
     * @throws IllegalArgumentException when 2σ_b ≤ z: the count alone would spend the round's whole budget
     */
    public double updateNoiseMultiplier(double z, double expectedParticipants) {
        DpChecks.noiseMultiplier(z);
        if (!(expectedParticipants > 0) || Double.isInfinite(expectedParticipants)) {
            throw new IllegalArgumentException(
                    "adaptive clipping: expected participants must be finite and > 0, got " + expectedParticipants);
        }
        if (z == 0) {
            return 0;
        }
        double twoSigmaB = 2 * countStd(expectedParticipants);
        if (!(twoSigmaB > z)) {
            throw new IllegalArgumentException(String.format(
                    java.util.Locale.ROOT,
                    "dp.count-noise = %s gives the clipped count noise sigma_b = %s for %s clients a round; "
                            + "adaptive clipping needs 2 sigma_b > dp.sigma = %s, so dp.count-noise > %s",
                    countNoise,
                    countStd(expectedParticipants),
                    expectedParticipants,
                    z,
                    z / (2 * expectedParticipants)));
        }
        return 1 / Math.sqrt(1 / (z * z) - 1 / (twoSigmaB * twoSigmaB));
    }
}
