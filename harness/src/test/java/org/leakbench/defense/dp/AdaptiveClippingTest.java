package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leakbench.defense.dp.RdpAccountantTest.assertMessage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.fl.DpFedAvgAggregator;
import org.leakbench.update.Update;

/**
 * Quantile-based adaptive clipping (Andrew, Thakkar, McMahan, Ramaswamy 2021): C follows the target quantile of
 * update norms drawn from a known distribution, the update noise is z_Δ·C with z_Δ from their Theorem 1, so that
 * updates and count together spend exactly the Gaussian mechanism of multiplier z, and settings where the count
 * alone would spend it are refused.
 */
class AdaptiveClippingTest {
    /** Lognormal update norms: exp(ln 3 + 0.5 N(0, 1)), whose γ-quantile is 3 exp(0.5 Φ⁻¹(γ)). */
    private static double[] lognormalNorms(int n, SplittableRandom rng) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = 3 * Math.exp(0.5 * gaussian(rng));
        }
        return out;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller, enough for norms in a test
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    @Test
    void theClipNormSettlesAtTheTargetQuantileOfTheNorms() {
        // Φ⁻¹(0.5) = 0, Φ⁻¹(0.9) = 1.28155
        double[][] cases = {{0.5, 3.0}, {0.9, 3 * Math.exp(0.5 * 1.2815516)}};
        for (double[] c : cases) {
            SplittableRandom rng = new SplittableRandom(7);
            // The paper's defaults: C0 = 0.1, eta = 0.2, sigma_b = m / 20; 100 clients a round.
            AdaptiveClipping clipping = new AdaptiveClipping(new AdaptiveClipOptions(c[0], 0.2, 0.05), 0.1);
            NoiseSource noise = NoiseSources.gaussian(NoiseSources.FAST, rng.split());
            for (int round = 0; round < 400; round++) {
                clipping.update(lognormalNorms(100, rng), 100, noise);
            }
            double[] used = clipping.trajectory();
            assertEquals(400, used.length);
            assertEquals(0.1, used[0], 0, "the first round clips at the starting norm");
            double settled = median(Arrays.copyOfRange(used, 200, 400));
            assertEquals(c[1], settled, 0.08 * c[1], "quantile " + c[0]);
        }
    }

    @Test
    void theAggregatorClipsEachRoundAtTheAdaptedNorm() {
        // No noise at all (sigma 0, count noise 0): norms uniform on [1, 2], so C goes to the median 1.5, and each
        // round's mean is the clipped mean at the norm the trajectory says that round used.
        SplittableRandom rng = new SplittableRandom(3);
        int clients = 40;
        DpFedAvgAggregator server = new DpFedAvgAggregator(
                new ClientDpOptions(0.5, 0), clients, NoiseSources.FAST, new AdaptiveClipOptions(0.5, 0.2, 0), null);
        float[] lastMean = null;
        float[][] lastRows = null;
        for (int round = 0; round < 150; round++) {
            List<Update> updates = new ArrayList<>();
            lastRows = new float[clients][];
            for (int k = 0; k < clients; k++) {
                double norm = 1 + rng.nextDouble();
                double angle = 2 * Math.PI * rng.nextDouble();
                lastRows[k] = new float[] {(float) (norm * Math.cos(angle)), (float) (norm * Math.sin(angle))};
                updates.add(Update.fromFlat(lastRows[k], List.of(new int[] {2}), Update.Kind.GRADIENT, 1, 1.0));
            }
            lastMean = server.aggregate(updates, rng.split()).mean().flatten();
        }
        double[] used = server.clipTrajectory();
        assertEquals(150, used.length);
        assertEquals(1.5, median(Arrays.copyOfRange(used, 75, 150)), 0.08);
        float[] expected = Clipping.clipAndSum(lastRows, used[149]);
        for (int j = 0; j < expected.length; j++) {
            expected[j] /= clients;
        }
        assertArrayEquals(expected, lastMean, 1e-6f);
        assertTrue(server.clipNorm() != used[149], "the last round moved C once more");
    }

    @Test
    void theUpdatesGetZDeltaTimesCSoTheRoundIsTheGaussianOfZ() {
        // z = 1, 4 clients, count noise 0.25: sigma_b = 1, z_Delta = (1 - 1/4)^(-1/2) = 1.1547.
        AdaptiveClipOptions o = new AdaptiveClipOptions(0.5, 0.2, 0.25);
        double zDelta = o.updateNoiseMultiplier(1.0, 4);
        assertEquals(1 / Math.sqrt(0.75), zDelta, 1e-12);
        int dim = 200_000;
        double clip = 2.0;
        DpFedAvgAggregator server =
                new DpFedAvgAggregator(new ClientDpOptions(clip, 1.0), 4, NoiseSources.FAST, o, null);
        List<Update> zeros = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            zeros.add(Update.fromFlat(new float[dim], List.of(new int[] {dim}), Update.Kind.GRADIENT, 1, 1.0));
        }
        float[] mean = server.aggregate(zeros, new SplittableRandom(11)).mean().flatten();
        double ss = 0;
        for (float v : mean) {
            ss += (double) v * v;
        }
        double std = Math.sqrt(ss / dim);
        // sd of the estimate: 0.16% relative; z instead of z_Delta would be 13% off
        assertEquals(zDelta * clip / 4, std, 0.01 * zDelta * clip / 4);
    }

    @Test
    void updateAndCountNoiseComposeToTheConfiguredMultiplier() {
        // Andrew et al. Theorem 1: the centred bits have sensitivity 1/2, so their noise sigma_b costs what a
        // Gaussian of multiplier 2 sigma_b costs; with z_Delta on the updates every Rényi order adds up to z's.
        double[] orders = RdpAccountant.defaultOrders();
        for (double z : new double[] {0.5, 0.975, 5.3}) {
            for (double countNoise : new double[] {0.05, 0.25, 2.0}) {
                AdaptiveClipOptions o = new AdaptiveClipOptions(0.5, 0.2, countNoise);
                int m = 100;
                if (2 * o.countStd(m) <= z) {
                    continue;
                }
                double zDelta = o.updateNoiseMultiplier(z, m);
                double[] update = RdpAccountant.rdp(zDelta, 1.0, 1, orders);
                double[] count = RdpAccountant.rdp(2 * o.countStd(m), 1.0, 1, orders);
                double[] whole = RdpAccountant.rdp(z, 1.0, 1, orders);
                for (int i = 0; i < orders.length; i++) {
                    assertEquals(whole[i], update[i] + count[i], 1e-9 * whole[i], "z " + z + " order " + orders[i]);
                }
            }
        }
        // The paper's setting: m = 100 clients, sigma_b = m/20 = 5 costs z = 1 half a percent of its noise.
        assertEquals(1 / Math.sqrt(1 - 0.01), new AdaptiveClipOptions(0.5, 0.2, 0.05).updateNoiseMultiplier(1, 100));
        assertEquals(0, new AdaptiveClipOptions(0.5, 0.2, 0).updateNoiseMultiplier(0, 10), "no noise, no split");
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        AdaptiveClipOptions small = new AdaptiveClipOptions(0.5, 0.2, 0.05);
        // 4 clients: sigma_b = 0.2, 2 sigma_b = 0.4 <= z = 0.975
        assertMessage("dp.count-noise", () -> small.updateNoiseMultiplier(0.975, 4));
        assertMessage("2 sigma_b > dp.sigma", () -> small.updateNoiseMultiplier(0.4, 4));
        assertMessage("dp.clip-quantile", () -> new AdaptiveClipOptions(0, 0.2, 0.05));
        assertMessage("dp.clip-quantile", () -> new AdaptiveClipOptions(1, 0.2, 0.05));
        assertMessage("dp.clip-quantile", () -> new AdaptiveClipOptions(Double.NaN, 0.2, 0.05));
        assertMessage("dp.clip-lr", () -> new AdaptiveClipOptions(0.5, 0, 0.05));
        assertMessage("dp.count-noise", () -> new AdaptiveClipOptions(0.5, 0.2, -1));
        assertMessage("clipNorm", () -> new AdaptiveClipping(small, 0));
        assertMessage(
                "dp.count-noise",
                () -> new DpFedAvgAggregator(new ClientDpOptions(1, 1), 4, NoiseSources.FAST, small, null));
    }
}
