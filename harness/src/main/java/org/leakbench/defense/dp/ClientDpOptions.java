package org.leakbench.defense.dp;

/**
 * Options of client-level DP for federated averaging (central, {@link ClientLevelDp}, or local, {@link LocalDp}).
 *
 * @param clipNorm        C, the L2 bound on each client's update, &gt; 0
 * @param noiseMultiplier σ, the noise standard deviation in units of C, ≥ 0 (0 = clipping only)
 */
public record ClientDpOptions(double clipNorm, double noiseMultiplier) {
    public ClientDpOptions {
        DpChecks.clipNorm(clipNorm);
        DpChecks.noiseMultiplier(noiseMultiplier);
    }
}
