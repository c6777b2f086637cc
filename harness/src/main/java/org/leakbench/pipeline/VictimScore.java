package org.leakbench.pipeline;

import org.leakbench.results.ResultColumns;

/**
 * What one attack achieved on one victim of a point. Metrics a point does not measure are NaN.
 *
 * @param victim        0-based victim number within the point
 * @param indices       the test indices of the victim's batch
 * @param status        {@code ok} or {@code diverged}
 * @param psnr          mean PSNR over the batch (dB)
 * @param ssim          mean SSIM over the batch (NaN for non-image data)
 * @param mse           mean squared error over the batch
 * @param labelAcc      share of the batch's label multiset recovered
 * @param recoveredFrac share of the batch's samples above {@link PointPipeline#RECOVERED_PSNR}
 * @param attackMs      the attack's time on this victim (ms)
 */
public record VictimScore(
        int victim,
        int[] indices,
        String status,
        double psnr,
        double ssim,
        double mse,
        double labelAcc,
        double recoveredFrac,
        double attackMs) {
    boolean ok() {
        return ResultColumns.OK.equals(status);
    }

    /** A victim whose attack diverged: counted, but with no metric (its output measured nothing). */
    static VictimScore diverged(int victim, int[] indices, double attackMs) {
        return new VictimScore(
                victim,
                indices,
                ResultColumns.DIVERGED,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                attackMs);
    }

    /** This score, or a diverged one when its PSNR or MSE came out non-finite. */
    VictimScore checkedFinite() {
        return Double.isFinite(psnr) && Double.isFinite(mse) ? this : diverged(victim, indices, attackMs);
    }
}
