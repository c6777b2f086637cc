package org.leakbench.metric;

import java.util.Arrays;
import org.leakbench.results.stats.Summary;

/**
 * Scores of one reconstructed batch against the true batch, after optimal matching ({@link BatchMatching}).
 *
 * <p>Image statistics (PSNR, SSIM, MSE) run over the true samples that received a reconstruction; the recovered
 * fraction and the label accuracy count every true sample, an unmatched one as not recovered / wrong. A
 * reconstruction containing NaN (a diverged attack) makes its per-sample values and the image statistics NaN
 * rather than silently dropping out of the means. Pixel
 * values are scored as given (not clamped): clamp in the attack if its output should live in [0, range].
 * Array components are copied in and out, so a score is immutable; {@code equals} compares arrays by identity,
 * as for every record.
 *
 * @param count                 number of true samples
 * @param matched               number of true samples paired with a reconstruction
 * @param meanPsnr              mean PSNR in dB (capped at {@link ImageMetrics#PSNR_CAP_DB})
 * @param medianPsnr            median PSNR in dB
 * @param minPsnr               smallest PSNR in dB
 * @param maxPsnr               largest PSNR in dB
 * @param meanSsim              mean SSIM
 * @param meanMse               mean MSE
 * @param labelAccuracy         fraction of true samples whose matched reconstruction has the right label (NaN
 *                              when no labels were reconstructed)
 * @param labelMultisetAccuracy order-free label recovery ({@link LabelMetrics#multisetAccuracy}; NaN when no
 *                              labels were reconstructed)
 * @param recoveredFraction     fraction of true samples whose PSNR is at least {@code recoveredPsnr}
 * @param recoveredPsnr         the PSNR threshold in dB for "recovered"
 * @param psnr                  per true sample PSNR in dB (NaN where unmatched)
 * @param ssim                  per true sample SSIM (NaN where unmatched)
 * @param matching              per true sample the index of its reconstruction, or -1
 */
public record ReconstructionScore(
        int count,
        int matched,
        double meanPsnr,
        double medianPsnr,
        double minPsnr,
        double maxPsnr,
        double meanSsim,
        double meanMse,
        double labelAccuracy,
        double labelMultisetAccuracy,
        double recoveredFraction,
        double recoveredPsnr,
        double[] psnr,
        double[] ssim,
        int[] matching) {

    public ReconstructionScore {
        psnr = psnr.clone();
        ssim = ssim.clone();
        matching = matching.clone();
    }

    /**
     * Matches {@code recon} to {@code truth} by minimum total MSE, then scores every pair.
     *
     * @param truth          the true images, each of length c·h·w
     * @param trueLabels     their labels, one per true image
     * @param recon          the reconstructed images (any number ≥ 0), each of length c·h·w
     * @param reconLabels    the reconstructed labels, one per reconstruction, or {@code null} if the attack does
     *                       not recover labels
     * @param range          dynamic range of pixel values (1 for [0, 1])
     * @param recoveredPsnr  PSNR threshold in dB above which a sample counts as recovered
     */
    public static ReconstructionScore of(
            float[][] truth,
            int[] trueLabels,
            float[][] recon,
            int[] reconLabels,
            int c,
            int h,
            int w,
            double range,
            double recoveredPsnr) {
        ImageMetrics.checkRange(range);
        if (Double.isNaN(recoveredPsnr)) {
            throw new IllegalArgumentException("recoveredPsnr must be a number, got NaN");
        }
        if (truth == null || truth.length == 0) {
            throw new IllegalArgumentException("reconstruction score: the true batch is empty");
        }
        if (recon == null) {
            throw new IllegalArgumentException("reconstruction score: recon batch is null (pass an empty array)");
        }
        if (trueLabels == null || trueLabels.length != truth.length) {
            throw new IllegalArgumentException("reconstruction score: " + truth.length + " true images but "
                    + (trueLabels == null ? "no" : String.valueOf(trueLabels.length)) + " true labels");
        }
        if (reconLabels != null && reconLabels.length != recon.length) {
            throw new IllegalArgumentException("reconstruction score: " + recon.length + " reconstructed images but "
                    + reconLabels.length + " reconstructed labels");
        }
        for (int i = 0; i < truth.length; i++) {
            ImageMetrics.checkImage("truth[" + i + "]", truth[i], c, h, w);
        }
        for (int j = 0; j < recon.length; j++) {
            ImageMetrics.checkImage("recon[" + j + "]", recon[j], c, h, w);
        }
        int[] matching = BatchMatching.match(truth, recon);
        int n = truth.length;
        double[] psnr = new double[n];
        double[] ssim = new double[n];
        double[] mse = new double[n];
        int matched = 0;
        int recovered = 0;
        for (int i = 0; i < n; i++) {
            if (matching[i] < 0) {
                psnr[i] = ssim[i] = mse[i] = Double.NaN;
                continue;
            }
            matched++;
            float[] r = recon[matching[i]];
            mse[i] = ImageMetrics.mse(truth[i], r);
            psnr[i] = ImageMetrics.psnrFromMse(mse[i], range);
            ssim[i] = Ssim.mean(truth[i], r, c, h, w, range);
            if (psnr[i] >= recoveredPsnr) {
                recovered++;
            }
        }
        Summary p = Summary.of(psnr);
        double meanSsim = Summary.mean(ssim);
        double meanMse = Summary.mean(mse);
        if (nanAmongMatched(psnr, ssim, matching)) {
            p = new Summary(p.n(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            meanSsim = Double.NaN;
            meanMse = Double.NaN;
        }
        double labelAccuracy = Double.NaN;
        double multiset = Double.NaN;
        if (reconLabels != null) {
            labelAccuracy = LabelMetrics.matchedAccuracy(trueLabels, reconLabels, matching);
            multiset = LabelMetrics.multisetAccuracy(trueLabels, reconLabels);
        }
        return new ReconstructionScore(
                n,
                matched,
                p.mean(),
                p.median(),
                p.min(),
                p.max(),
                meanSsim,
                meanMse,
                labelAccuracy,
                multiset,
                recovered / (double) n,
                recoveredPsnr,
                psnr,
                ssim,
                matching);
    }

    private static boolean nanAmongMatched(double[] psnr, double[] ssim, int[] matching) {
        for (int i = 0; i < matching.length; i++) {
            if (matching[i] >= 0 && (Double.isNaN(psnr[i]) || Double.isNaN(ssim[i]))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public double[] psnr() {
        return psnr.clone();
    }

    @Override
    public double[] ssim() {
        return ssim.clone();
    }

    @Override
    public int[] matching() {
        return matching.clone();
    }

    @Override
    public String toString() {
        return String.format(
                java.util.Locale.ROOT,
                "ReconstructionScore[n=%d, matched=%d, psnr mean=%.2f median=%.2f min=%.2f max=%.2f dB, "
                        + "ssim=%.4f, mse=%.3g, labels=%.3f, multiset=%.3f, recovered(>=%.1f dB)=%.3f, "
                        + "matching=%s]",
                count,
                matched,
                meanPsnr,
                medianPsnr,
                minPsnr,
                maxPsnr,
                meanSsim,
                meanMse,
                labelAccuracy,
                labelMultisetAccuracy,
                recoveredPsnr,
                recoveredFraction,
                Arrays.toString(matching));
    }
}
