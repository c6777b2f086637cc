package org.leakbench.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchMatchingTest {
    private static final int C = 1, H = 12, W = 12;

    private static float[][] batch(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] b = new float[n][C * H * W];
        for (float[] img : b) {
            for (int i = 0; i < img.length; i++) {
                img[i] = (float) rnd.nextDouble();
            }
        }
        return b;
    }

    private static float[] perturb(float[] x, double amount, SplittableRandom rnd) {
        float[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += (float) (amount * (rnd.nextDouble() - 0.5));
        }
        return y;
    }

    @Test
    void matchingUndoesAPermutationExactly() {
        float[][] truth = batch(8, 1);
        int[] perm = {3, 7, 0, 5, 1, 6, 2, 4}; // recon[perm[i]] = truth[i]
        float[][] recon = new float[8][];
        SplittableRandom rnd = new SplittableRandom(2);
        for (int i = 0; i < 8; i++) {
            recon[perm[i]] = perturb(truth[i], 0.05, rnd);
        }
        assertArrayEquals(perm, BatchMatching.match(truth, recon));
        float[][] aligned = BatchMatching.align(recon, perm);
        for (int i = 0; i < 8; i++) {
            assertSame(recon[perm[i]], aligned[i]);
        }
    }

    @Test
    void fewerReconstructionsLeaveTruthsUnmatched() {
        float[][] truth = batch(3, 3);
        float[][] recon = {truth[2].clone()};
        assertArrayEquals(new int[] {-1, -1, 0}, BatchMatching.match(truth, recon));
        assertArrayEquals(new int[] {-1, -1, -1}, BatchMatching.match(truth, new float[0][]));
    }

    @Test
    void nanReconstructionDoesNotBreakMatching() {
        float[][] truth = batch(2, 4);
        float[] nan = new float[C * H * W];
        java.util.Arrays.fill(nan, Float.NaN);
        float[][] recon = {nan, truth[0].clone()};
        assertArrayEquals(new int[] {1, 0}, BatchMatching.match(truth, recon));
    }

    @Test
    void scoreOfAPermutedPerfectBatch() {
        float[][] truth = batch(4, 5);
        float[][] recon = {truth[2].clone(), truth[0].clone(), truth[3].clone(), truth[1].clone()};
        int[] labels = {7, 1, 1, 4};
        int[] reconLabels = {1, 7, 4, 2}; // truth 3 (label 4) matched to recon 2 (label 4): right; truth 1 wrong
        ReconstructionScore s = ReconstructionScore.of(truth, labels, recon, reconLabels, C, H, W, 1.0, 20.0);
        assertArrayEquals(new int[] {1, 3, 0, 2}, s.matching());
        assertEquals(4, s.count());
        assertEquals(4, s.matched());
        assertEquals(ImageMetrics.PSNR_CAP_DB, s.meanPsnr());
        assertEquals(ImageMetrics.PSNR_CAP_DB, s.minPsnr());
        assertEquals(1.0, s.meanSsim(), 1e-12);
        assertEquals(0.0, s.meanMse());
        assertEquals(1.0, s.recoveredFraction());
        // truth0(7)<-recon1(7) ok, truth1(1)<-recon3(2) wrong, truth2(1)<-recon0(1) ok, truth3(4)<-recon2(4) ok
        assertEquals(0.75, s.labelAccuracy(), 1e-12);
        assertEquals(0.75, s.labelMultisetAccuracy(), 1e-12); // {1,1,4,7} vs {1,2,4,7}
    }

    @Test
    void scoreStatisticsAndThreshold() {
        float[][] truth = new float[3][C * H * W];
        float[][] recon = new float[3][C * H * W];
        float[] offsets = {0.1f, 0.01f, 0.5f}; // PSNR 20, 40, ~6 dB
        for (int i = 0; i < 3; i++) {
            java.util.Arrays.fill(truth[i], 0.25f + 0.1f * i);
            for (int p = 0; p < truth[i].length; p++) {
                recon[i][p] = truth[i][p] + offsets[i];
            }
        }
        ReconstructionScore s = ReconstructionScore.of(truth, new int[] {0, 1, 2}, recon, null, C, H, W, 1.0, 19.0);
        double[] psnr = s.psnr();
        assertEquals(20.0, psnr[0], 1e-4);
        assertEquals(40.0, psnr[1], 1e-3);
        assertEquals(20 * Math.log10(2), psnr[2], 1e-4);
        assertEquals(40.0, s.maxPsnr(), 1e-3);
        assertEquals(20.0, s.medianPsnr(), 1e-4);
        assertEquals((20 + 40 + 20 * Math.log10(2)) / 3, s.meanPsnr(), 1e-3);
        assertEquals(2.0 / 3, s.recoveredFraction(), 1e-12);
        assertTrue(Double.isNaN(s.labelAccuracy()));
        psnr[0] = -1; // accessor returns a copy
        assertEquals(20.0, s.psnr()[0], 1e-4);
    }

    @Test
    void unmatchedTruthsCountAgainstRecoveryAndLabels() {
        float[][] truth = batch(2, 6);
        float[][] recon = {truth[1].clone()};
        ReconstructionScore s = ReconstructionScore.of(truth, new int[] {3, 5}, recon, new int[] {5}, C, H, W, 1.0, 30);
        assertEquals(1, s.matched());
        assertTrue(Double.isNaN(s.psnr()[0]));
        assertEquals(ImageMetrics.PSNR_CAP_DB, s.meanPsnr());
        assertEquals(0.5, s.recoveredFraction());
        assertEquals(0.5, s.labelAccuracy());
    }

    @Test
    void nanReconstructionMakesImageStatisticsNaN() {
        float[][] truth = batch(2, 8);
        float[] nan = new float[C * H * W];
        java.util.Arrays.fill(nan, Float.NaN);
        ReconstructionScore s = ReconstructionScore.of(
                truth, new int[] {0, 1}, new float[][] {truth[0].clone(), nan}, null, C, H, W, 1.0, 20);
        assertEquals(ImageMetrics.PSNR_CAP_DB, s.psnr()[0]);
        assertTrue(Double.isNaN(s.meanPsnr()) && Double.isNaN(s.meanSsim()) && Double.isNaN(s.meanMse()));
        assertEquals(0.5, s.recoveredFraction());
    }

    @Test
    void argumentErrors() {
        float[][] truth = batch(2, 7);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ReconstructionScore.of(
                        truth, new int[] {0, 1}, new float[][] {new float[5]}, null, C, H, W, 1.0, 20));
        assertTrue(e.getMessage().contains("recon[0]") && e.getMessage().contains("144"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> ReconstructionScore.of(truth, new int[] {0}, truth, null, C, H, W, 1.0, 20));
        assertThrows(
                IllegalArgumentException.class,
                () -> ReconstructionScore.of(truth, new int[] {0, 1}, truth, new int[] {1}, C, H, W, 1.0, 20));
        assertThrows(IllegalArgumentException.class, () -> BatchMatching.match(truth, new float[][] {new float[3]}));
    }
}
