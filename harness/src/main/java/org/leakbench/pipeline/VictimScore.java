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
 * @param tokenAcc      share of tokens recovered in place, for token windows (NaN for other data)
 * @param tokenF1       mean unigram F1 of the recovered windows (NaN for other data)
 * @param rouge1        mean ROUGE-1 F of the recovered windows (NaN for other data)
 * @param rouge2        mean ROUGE-2 F of the recovered windows (NaN for other data and one-token windows)
 * @param tokenExact    share of the windows recovered exactly (NaN for other data)
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
        double attackMs,
        double tokenAcc,
        double tokenF1,
        double rouge1,
        double rouge2,
        double tokenExact) {
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
                attackMs,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN);
    }

    /** A victim of a label-recovery attack: only the share of its label multiset recovered is measured. */
    static VictimScore labelsOnly(int victim, int[] indices, int[] trueLabels, org.leakbench.attack.AttackResult r) {
        return new VictimScore(
                victim,
                indices,
                ResultColumns.OK,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                org.leakbench.metric.LabelMetrics.multisetAccuracy(trueLabels, r.labels()),
                Double.NaN,
                r.millis(),
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN);
    }

    /** Whether this score is of token windows (token metrics) rather than images or rows (PSNR, MSE). */
    boolean tokens() {
        return !Double.isNaN(tokenAcc) || !Double.isNaN(tokenF1);
    }

    /**
     * This score, or a diverged one when its main metrics came out non-finite: PSNR or MSE for images and
     * rows, the token accuracy or F1 for token windows.
     */
    VictimScore checkedFinite() {
        boolean finite = tokens()
                ? Double.isFinite(tokenAcc) && Double.isFinite(tokenF1)
                : Double.isFinite(psnr) && Double.isFinite(mse);
        return finite ? this : diverged(victim, indices, attackMs);
    }
}
