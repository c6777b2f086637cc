package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Local DP and central DP-FedAvg at the same σ are different guarantees: a locally noised update is released
 * to the observer under replacement (sensitivity 2C, no amplification), the central sum under add/remove of a
 * client (sensitivity C) with user-level sampling.
 */
class ClientLevelAccountingTest {
    @Test
    void localDpIsTheGaussianMechanismAtHalfTheNoiseMultiplier() {
        double local = LocalDp.epsilon(2.0, 100, 1e-5);
        assertEquals(RdpAccountant.epsilon(1.0, 1.0, 100, 1e-5, Conversion.IMPROVED), local, 1e-12);
        assertTrue(local > RdpAccountant.epsilon(2.0, 1.0, 100, 1e-5, Conversion.IMPROVED));
    }

    @Test
    void dpFedAvgIsAmplifiedByClientSampling() {
        double all = ClientLevelDp.epsilon(1.0, 1.0, 100, 1e-5);
        double tenth = ClientLevelDp.epsilon(1.0, 0.1, 100, 1e-5);
        assertEquals(RdpAccountant.epsilon(1.0, 0.1, 100, 1e-5, Conversion.IMPROVED), tenth, 1e-12);
        assertTrue(tenth < all / 3, tenth + " vs " + all);
        assertTrue(LocalDp.epsilon(1.0, 100, 1e-5) > all, "local DP at the same sigma costs more");
    }

    @Test
    void dpFedAvgDividesByTheExpectedNumberOfParticipants() {
        float[][] rows = {{3, 4}, {0, 1}};
        float[] out = new ClientLevelDp(new ClientDpOptions(1, 0), new FastGaussianSampler(1)).aggregate(rows, 4);
        assertEquals((0.6f + 0f) / 4, out[0], 1e-7);
        assertEquals((0.8f + 1f) / 4, out[1], 1e-7);
    }
}
