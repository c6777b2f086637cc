package org.leakbench.metric;

/**
 * SSIM computation behind {@link ImageMetrics#ssim}.
 *
 * <p>Follows the reference implementation of Wang et al. (2004): local means, variances and covariance are
 * Gaussian-weighted (11×11, σ = 1.5, weights summing to one; variances are the biased weighted moments, no
 * Bessel correction), C1 = (0.01·L)², C2 = (0.03·L)², and the SSIM map is computed only where the window fits
 * entirely inside the image (the "valid" region, no padding), then averaged. For a 28×28 image this leaves an
 * 18×18 map, which is enough; as in the reference, pixels near the border enter fewer windows than central
 * ones.
 *
 * <p>Images smaller than the window: the window side shrinks to the largest odd number not above
 * {@code min(height, width, 11)} and the Gaussian (still σ = 1.5) is truncated to it and renormalised. A 1×1
 * window reduces SSIM to the luminance term. The reference implementation rejects such images instead; we
 * prefer a defined value for the tiny images used in tests.
 */
final class Ssim {
    static final int WINDOW = 11;
    static final double SIGMA = 1.5;
    static final double K1 = 0.01;
    static final double K2 = 0.03;

    private Ssim() {}

    /** Mean SSIM over channels; shapes have been checked by the caller. */
    static double mean(float[] a, float[] b, int channels, int height, int width, double range) {
        int side = Math.min(WINDOW, Math.min(height, width));
        if (side % 2 == 0) {
            side--;
        }
        double[] g = gaussian(side);
        double c1 = (K1 * range) * (K1 * range);
        double c2 = (K2 * range) * (K2 * range);
        double total = 0;
        for (int ch = 0; ch < channels; ch++) {
            total += channel(a, b, ch * height * width, height, width, g, c1, c2);
        }
        return total / channels;
    }

    /** Normalised 1-D Gaussian of the given odd length, σ = {@link #SIGMA}; the 2-D window is its outer product. */
    static double[] gaussian(int side) {
        double[] g = new double[side];
        int r = side / 2;
        double sum = 0;
        for (int k = 0; k < side; k++) {
            double d = k - r;
            g[k] = Math.exp(-d * d / (2 * SIGMA * SIGMA));
            sum += g[k];
        }
        for (int k = 0; k < side; k++) {
            g[k] /= sum;
        }
        return g;
    }

    private static double channel(float[] a, float[] b, int off, int h, int w, double[] g, double c1, double c2) {
        int side = g.length;
        int oh = h - side + 1;
        int ow = w - side + 1;
        // Five moment images, first filtered along rows (valid width), then along columns (valid height).
        double[][] rows = new double[5][h * ow];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < ow; x++) {
                double ma = 0, mb = 0, maa = 0, mbb = 0, mab = 0;
                for (int k = 0; k < side; k++) {
                    double va = a[off + y * w + x + k];
                    double vb = b[off + y * w + x + k];
                    double gk = g[k];
                    ma += gk * va;
                    mb += gk * vb;
                    maa += gk * va * va;
                    mbb += gk * vb * vb;
                    mab += gk * va * vb;
                }
                int i = y * ow + x;
                rows[0][i] = ma;
                rows[1][i] = mb;
                rows[2][i] = maa;
                rows[3][i] = mbb;
                rows[4][i] = mab;
            }
        }
        double sum = 0;
        double[] m = new double[5];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                java.util.Arrays.fill(m, 0);
                for (int k = 0; k < side; k++) {
                    int i = (y + k) * ow + x;
                    for (int q = 0; q < 5; q++) {
                        m[q] += g[k] * rows[q][i];
                    }
                }
                double muA = m[0], muB = m[1];
                double varA = m[2] - muA * muA;
                double varB = m[3] - muB * muB;
                double cov = m[4] - muA * muB;
                sum += ((2 * muA * muB + c1) * (2 * cov + c2)) / ((muA * muA + muB * muB + c1) * (varA + varB + c2));
            }
        }
        return sum / ((double) oh * ow);
    }
}
