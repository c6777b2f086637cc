package org.leakbench.metric;

import java.util.Arrays;

/**
 * Matches a reconstructed batch to the true batch before scoring. Gradient inversion recovers a batch as an
 * unordered set, so (as breaching does) each true image is paired with a distinct reconstruction by a
 * minimum-total-MSE optimal assignment ({@link Hungarian}); minimising the summed MSE rather than maximising the
 * summed PSNR keeps one hopeless pair from dominating the choice.
 */
public final class BatchMatching {
    private BatchMatching() {}

    /**
     * Pairs every true image with a distinct reconstruction.
     *
     * @return {@code m} with {@code m[i]} the index in {@code recon} matched to {@code truth[i]}, or {@code -1}
     *         when there are fewer reconstructions than true images and {@code truth[i]} got none
     */
    public static int[] match(float[][] truth, float[][] recon) {
        if (recon != null && recon.length == 0 && truth != null) {
            int[] none = new int[truth.length];
            Arrays.fill(none, -1);
            return none;
        }
        return Hungarian.assign(mseMatrix(truth, recon));
    }

    /** {@code cost[i][j]} = MSE between {@code truth[i]} and {@code recon[j]}; all images must have one length. */
    public static double[][] mseMatrix(float[][] truth, float[][] recon) {
        if (truth == null || recon == null) {
            throw new IllegalArgumentException("batch matching: truth and recon batches must not be null");
        }
        int len = -1;
        for (int i = 0; i < truth.length; i++) {
            len = checkLength("truth", i, truth[i], len);
        }
        for (int j = 0; j < recon.length; j++) {
            len = checkLength("recon", j, recon[j], len);
        }
        double[][] cost = new double[truth.length][recon.length];
        double worst = 0;
        for (int i = 0; i < truth.length; i++) {
            for (int j = 0; j < recon.length; j++) {
                cost[i][j] = ImageMetrics.mse(truth[i], recon[j]);
                if (Double.isFinite(cost[i][j])) {
                    worst = Math.max(worst, cost[i][j]);
                }
            }
        }
        // A NaN or overflowing reconstruction (diverged attack) matches nothing well but must not break the
        // solver: it costs more than any finite pair.
        double penalty = 2 * worst + 1;
        for (double[] row : cost) {
            for (int j = 0; j < row.length; j++) {
                if (!Double.isFinite(row[j])) {
                    row[j] = penalty;
                }
            }
        }
        return cost;
    }

    /**
     * Reorders reconstructions to line up with the truth: {@code out[i] = recon[matching[i]]}, or {@code null}
     * where {@code matching[i] == -1}.
     */
    public static float[][] align(float[][] recon, int[] matching) {
        float[][] out = new float[matching.length][];
        for (int i = 0; i < matching.length; i++) {
            out[i] = matching[i] < 0 ? null : recon[matching[i]];
        }
        return out;
    }

    private static int checkLength(String batch, int index, float[] image, int expected) {
        if (image == null) {
            throw new IllegalArgumentException("batch matching: " + batch + "[" + index + "] is null");
        }
        if (expected >= 0 && image.length != expected) {
            throw new IllegalArgumentException("batch matching: " + batch + "[" + index + "] has length " + image.length
                    + ", other images have length " + expected);
        }
        return image.length;
    }
}
